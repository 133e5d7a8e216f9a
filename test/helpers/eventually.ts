// Waiting for a condition outside React: a file written, a process listening, a server's answer.
// It looks again every few milliseconds and returns as soon as the condition holds; the bound
// only turns a hang into a failure that says what it was waiting for.

/** The default bound of a condition wait; generous, since a busy machine is slow but not stuck. */
export const WAIT_LIMIT_MS = 20_000;

/** Real milliseconds between two looks: short, and each look is cheap. */
const POLL_MS = 10;

export interface EventuallyOptions {
  timeoutMs?: number;
  /** Run before each look (e.g. letting React settle). */
  before?: () => Promise<void>;
  /** Says what was awaited, for the failure message. */
  describe?: () => string;
}

/** Resolves with `check`'s first value that is not false, null or undefined. */
export async function eventually<T>(check: () => T | false | null | undefined | Promise<T | false | null | undefined>, options: EventuallyOptions = {}): Promise<T> {
  const { timeoutMs = WAIT_LIMIT_MS, before, describe = () => check.toString().slice(0, 200) } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await before?.();
    const value = await check();
    if (value !== false && value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${describe()}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
