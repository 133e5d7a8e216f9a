// How screens and effects reach the fine-tuning provider: through context, never by importing
// an implementation, so tests inject a fake or a sandbox-backed provider and the app can switch
// to the in-process sandbox at runtime.
import { createContext, useContext } from 'react';
import type { ConnectionState } from '../store/slices/connection.js';
import type { FineTuningProvider } from '../api/types.js';
import type { Preflight, PreflightOptions } from './preflight.js';
import { systemClock, type Timers } from '../core/clock.js';
import type { UploadRecords } from '../core/uploadRecords.js';
import { DEFAULT_POLL_SCHEDULE, type PollScheduleOptions } from './jobsPollSchedule.js';

export interface SandboxConnection {
  provider: FineTuningProvider;
  baseUrl: string;
  stop(): Promise<void>;
  /** What the status bar calls it (default: the OpenAI-protocol sandbox). */
  connection?: Omit<ConnectionState, 'status' | 'message' | 'baseUrl'>;
}

/** A sandbox the app can start in-process: the protocol it speaks, and how the picker names it. */
export interface SandboxChoice {
  protocol: string;
  label: string;
  detail: string;
}

export interface ProviderServices {
  /** The provider for the connection ftui started with; null without a key. */
  provider: FineTuningProvider | null;
  /** Starts the local sandbox server in this process and connects to it (the OpenAI protocol unless another of `sandboxes` is named); null where unavailable. */
  startSandbox: ((protocol?: string) => Promise<SandboxConnection>) | null;
  /** The sandboxes ctrl+o offers besides the default one (S and the demo start the default). */
  sandboxes: readonly SandboxChoice[];
  /** The clock polling, elapsed time, ETA and drafts use. */
  now: () => number;
  /** Where polling, the elapsed-time ticker, chat batching and autosave schedule their timers: the
   * same clock as `now` (tests give both from one ManualClock, see src/core/clock.ts). */
  timers: Timers;
  poll: PollScheduleOptions;
  /** Streamed chat text is dispatched at most this often (ms), not per token. */
  chatFlushMs: number;
  /** Names of the saved provider profiles, for switching in the app (ctrl+o). */
  profiles: string[];
  /** Builds the provider for a saved profile; rejects with a plain message (e.g. its key variable is unset). */
  connectProfile: ((name: string) => Promise<{ provider: FineTuningProvider; connection: Omit<ConnectionState, 'status' | 'message'> }>) | null;
  /** Writes a bell / OSC 9 notification to the terminal (a watched job ended); a no-op in tests. */
  notify: (sequence: string) => void;
  /** Where uploads are recorded for reuse (ftui's data folder); null records nothing. */
  uploadRecords: UploadRecords | null;
  /** Checks the files for the confirmation (errors, cost, warnings); null when no validation engine is available. */
  preflight: ((trainingPath: string, validationPath: string | null, model: string, epochs: number | null, options?: PreflightOptions) => Promise<Preflight>) | null;
}

export const defaultServices: ProviderServices = {
  provider: null,
  startSandbox: null,
  sandboxes: [],
  now: () => systemClock.now(),
  timers: systemClock,
  poll: DEFAULT_POLL_SCHEDULE,
  chatFlushMs: 33,
  profiles: [],
  connectProfile: null,
  uploadRecords: null,
  notify: () => undefined,
  preflight: null,
};

export interface ProviderContextValue {
  provider: FineTuningProvider | null;
  services: ProviderServices;
  /** Starts the sandbox for a protocol (once each) and switches the app to it; a no-op where it is unavailable. */
  connectSandbox(protocol?: string): void;
  /** Switches the app to a saved profile. */
  connectProfile(name: string): void;
}

export const ProviderContext = createContext<ProviderContextValue>({
  provider: null,
  services: defaultServices,
  connectSandbox: () => undefined,
  connectProfile: () => undefined,
});

export function useProvider(): ProviderContextValue {
  return useContext(ProviderContext);
}

