// Waiting for the app to finish reacting, without waiting for an amount of time.
//
// Ink 6 renders through React's concurrent root: a key press or a store change is rendered, and
// its effects run (including the re-registration of every useInput handler), in tasks of React's
// scheduler, which in Node runs them from setImmediate. A test that sleeps 20 ms after a key and
// then reads the frame is racing those tasks; on a busy machine the sleep can end first. Instead,
// `settle` queues a task of the lowest priority in the same scheduler: it runs only once every
// task queued before it, and every task they queue in turn, has run. That is a condition, not a
// time: it holds as soon as the work is done, however slow the machine is.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { unstable_IdlePriority, unstable_scheduleCallback } from 'scheduler';
import { eventually, WAIT_LIMIT_MS } from './eventually.js';

export { WAIT_LIMIT_MS };

/** Resolves once React has rendered and run the effects of everything that happened before the call. */
export async function settle(): Promise<void> {
  // A lone Esc reaches the app one turn later (Ink waits for the rest of an escape sequence).
  await nextTurn();
  await new Promise<void>((resolve) => {
    unstable_scheduleCallback(unstable_IdlePriority, () => resolve());
  });
}

/**
 * Waits until `check` holds, letting React settle before each look and once more after it holds
 * (what made it hold may have been dispatched after the last settle); fails with `describe()`
 * (the last frame, say) if it has not held within `timeoutMs`.
 */
export async function until<T>(check: () => T | false | null | undefined, describe: () => string, timeoutMs = WAIT_LIMIT_MS): Promise<T> {
  const value = await eventually(check, { timeoutMs, before: settle, describe });
  await settle();
  return value;
}
