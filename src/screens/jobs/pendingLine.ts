// What the Jobs screen says while a cancel, pause or resume is asked about or on its way: the
// question with its keys, then the wait. A key pressed meanwhile is not dropped in silence: the
// line says it has to wait for the answer.
import { displayKey } from '../../keys/bindings.js';
import type { JobsState } from '../../store/slices/jobs.js';

const ACTION_WORDS = { cancel: 'Cancel', pause: 'Pause', resume: 'Resume' } as const;

export function pendingLine(pending: NonNullable<JobsState['pending']>): { text: string; color: string } {
  const ignored = pending.ignored ? displayKey(pending.ignored) : null;
  if (pending.running) {
    return ignored === null
      ? { text: `${ACTION_WORDS[pending.action]}: asking the provider…`, color: 'yellow' }
      : { text: `Waiting for the ${pending.action} to answer… press ${ignored} again once it has.`, color: 'yellow' };
  }
  const question = `${ACTION_WORDS[pending.action]} job ${pending.jobId}? y yes · esc no`;
  return { text: ignored === null ? question : `${question} (first answer this; ${ignored} waits)`, color: 'yellow' };
}
