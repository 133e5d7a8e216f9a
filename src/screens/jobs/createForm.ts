// Checks the create form before anything is uploaded, so a typo costs nothing. The checks come
// from the provider's field list (src/core/jobForm.ts); only "which file" is the screen's own.
import { parseForm } from '../../core/jobForm.js';
import type { CreateState } from '../../store/slices/jobs.js';

/** The first problem with the form, in words naming the field, or null when it can be sent. */
export function formProblem(create: Pick<CreateState, 'fields' | 'form'>, datasetPath: string | null): string | null {
  if (datasetPath === null && (create.form.trainingFile ?? '').trim() === '') {
    return 'Open a dataset first (Dataset screen, 1), or name a training file: the job trains on it.';
  }
  const parsed = parseForm(create.fields, create.form);
  return parsed.ok ? null : parsed.problems[0]!.message;
}
