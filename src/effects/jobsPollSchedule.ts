// When to ask the provider again about a job. Pure so the backoff rules can be tested without
// timers: steady while things work, doubling after each failure, and at least the server's
// Retry-After when it asks us to wait, doubling while it keeps refusing.

export interface PollScheduleOptions {
  /** Delay between polls while everything works. */
  baseMs: number;
  /** Longest wait after repeated failures. */
  maxMs: number;
}

export const DEFAULT_POLL_SCHEDULE: PollScheduleOptions = { baseMs: 5_000, maxMs: 60_000 };

export type PollOutcome =
  | { kind: 'ok' }
  | { kind: 'rateLimited'; retryAfterMs: number | null }
  | { kind: 'failed' };

/**
 * The delay before the next poll, given how many polls in a row have failed before this one
 * (`failures`, 0 after a success) and how this one went.
 */
export function nextPollDelay(outcome: PollOutcome, failures: number, options: PollScheduleOptions = DEFAULT_POLL_SCHEDULE): number {
  const backoff = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(failures + 1, 16));
  switch (outcome.kind) {
    case 'ok':
      return options.baseMs;
    case 'rateLimited': {
      // The server's wait, at least the usual interval; each 429 in a row doubles it, since
      // polling at the same pace would only be refused again (capped, unless the server asks more).
      const asked = Math.max(outcome.retryAfterMs ?? options.baseMs, options.baseMs);
      return Math.max(asked, Math.min(options.maxMs, asked * 2 ** Math.min(failures, 16)));
    }
    case 'failed':
      return backoff;
  }
}
