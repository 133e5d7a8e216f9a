import type { Clock } from '../clock.js';
import type { TogetherSandbox } from './context.js';
import { tickEndpoints } from './endpoints.js';
import { tickFiles } from './files.js';
import { tickJob } from './simulator.js';
import { emptyTogetherState, type TogetherState } from './state.js';

/** What a tick can change that a client sees (or that a restart could not work out again: an endpoint's run). */
function seen(state: TogetherState): string {
  let out = '';
  for (const file of state.files) out += `${file.processing_status};`;
  for (const job of state.jobs) out += `${job.status}:${state.events[job.id]?.length ?? 0}:${state.checkpoints[job.id]?.length ?? 0}:${state.metrics[job.id]?.length ?? 0};`;
  for (const e of state.endpoints) out += `${e.id}:${e.state}:${e.id in state.endpointRuns};`;
  return out;
}

export function createTogetherSandbox(clock: Clock, speed: number, state: TogetherState = emptyTogetherState()): TogetherSandbox {
  if (!(speed > 0)) throw new Error(`speed must be a positive number, got ${speed}`);
  const tg: TogetherSandbox = {
    state,
    clock,
    speed,
    origin: '',
    tick() {
      const before = seen(state);
      const now = clock.now();
      tickFiles(tg, now);
      for (const job of state.jobs) tickJob(state, job, now, speed);
      tickEndpoints(tg, now);
      return seen(state) !== before;
    },
  };
  return tg;
}
