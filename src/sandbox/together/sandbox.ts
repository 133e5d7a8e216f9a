import type { Clock } from '../clock.js';
import type { TogetherSandbox } from './context.js';
import { tickEndpoints } from './endpoints.js';
import { tickFiles } from './files.js';
import { tickJob } from './simulator.js';
import { emptyTogetherState, type TogetherState } from './state.js';

export function createTogetherSandbox(clock: Clock, speed: number, state: TogetherState = emptyTogetherState()): TogetherSandbox {
  if (!(speed > 0)) throw new Error(`speed must be a positive number, got ${speed}`);
  const tg: TogetherSandbox = {
    state,
    clock,
    speed,
    origin: '',
    tick() {
      const now = clock.now();
      tickFiles(tg, now);
      for (const job of state.jobs) tickJob(state, job, now, speed);
      tickEndpoints(tg, now);
    },
  };
  return tg;
}
