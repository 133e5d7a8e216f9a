// The sandbox's state plus the clock and speed it runs at; route handlers share one instance.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from './clock.js';
import { tickFlavor } from './flavors.js';
import { tickJob } from './simulator.js';
import { emptyState, type SandboxState } from './state.js';

export interface Sandbox {
  state: SandboxState;
  clock: Clock;
  /** Simulated time runs this many times faster than the clock. */
  speed: number;
  /**
   * Catches every job up to the clock's now. True when that changed what a client sees (a job's
   * status, events or checkpoints; a model or deployment becoming ready or going): only then is
   * there anything new to save, since the rest (progress between events) is caught up again
   * from the saved state after a restart.
   */
  tick(): boolean;
}

export function createSandbox(clock: Clock, speed: number, state: SandboxState = emptyState()): Sandbox {
  if (!(speed > 0)) throw new Error(`speed must be a positive number, got ${speed}`);
  return {
    state,
    clock,
    speed,
    tick() {
      const before = seen(state);
      const now = clock.now();
      for (const job of state.jobs) tickJob(state, job, now, speed);
      tickFlavor(state, now);
      return seen(state) !== before;
    },
  };
}

/** What a tick can change that a client sees, in a few characters a job. */
function seen(state: SandboxState): string {
  let out = '';
  for (const job of state.jobs) out += `${job.status}:${state.events[job.id]?.length ?? 0}:${state.checkpoints[job.id]?.length ?? 0};`;
  for (const m of state.customModels ?? []) out += `${m.status};`;
  for (const d of state.deployments ?? []) out += `${d.name}:${d.provisioningState};`;
  return out;
}

export interface RouteContext {
  sb: Sandbox;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Path parameters in order, e.g. the job id. */
  params: string[];
  /** Delay between streamed chunks (ms). */
  streamDelayMs: number;
  /** Set when the request asked for a dropped stream. */
  dropStream: boolean;
}

/** A handler returns the JSON body for a 200, or undefined when it wrote the response itself. */
export type Handler = (ctx: RouteContext) => Promise<unknown> | unknown;
