// Checks the create form before anything is uploaded, so a typo costs nothing.
import type { CreateForm } from '../../store/slices/jobs.js';

export const MAX_SUFFIX = 64;

/** The first problem with the form, in words naming the field, or null when it can be sent. */
export function formProblem(form: CreateForm, datasetPath: string | null): string | null {
  if (datasetPath === null) return 'Open a dataset first (Dataset screen, 1): the job trains on the open file.';
  if (form.model.trim() === '') return 'Base model: choose one with ←/→.';
  const epochs = form.epochs.trim();
  if (epochs !== '' && !(/^\d+$/.test(epochs) && Number(epochs) >= 1 && Number(epochs) <= 50)) {
    return `Epochs: "${epochs}" is not a whole number from 1 to 50 (leave it empty for auto).`;
  }
  const seed = form.seed.trim();
  if (seed !== '' && !(/^\d+$/.test(seed) && Number(seed) <= 2_147_483_647)) {
    return `Seed: "${seed}" is not a whole number from 0 to 2147483647 (leave it empty for random).`;
  }
  const suffix = form.suffix.trim();
  if (suffix.length > MAX_SUFFIX) return `Suffix: ${suffix.length} characters; at most ${MAX_SUFFIX}.`;
  if (suffix !== '' && !/^[A-Za-z0-9_-]+$/.test(suffix)) return 'Suffix: use letters, digits, - and _ only.';
  return null;
}
