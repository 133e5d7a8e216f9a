// The Together-protocol sandbox: its state, the clock and speed it runs at, and what a route
// handler gets. Handlers return the JSON body for a 200, or undefined when they answered
// themselves (a redirect, raw bytes, a stream, a 204).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../clock.js';
import type { TogetherState } from './state.js';

export interface TogetherSandbox {
  state: TogetherState;
  clock: Clock;
  speed: number;
  /** Where the upload redirect points (the sandbox's own origin, as a storage bucket would be). */
  origin: string;
  /** Catches files, jobs and endpoints up to the clock's now; true when a client would see a change (see Sandbox.tick). */
  tick(): boolean;
}

export interface TogetherContext {
  tg: TogetherSandbox;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: string[];
  streamDelayMs: number;
  dropStream: boolean;
}

export type TogetherHandler = (ctx: TogetherContext) => Promise<unknown> | unknown;
