// The cost shown before a job is created, from the validation engine's exact token figures.
// Errors in the dataset are reported here too: creating a job on a file the provider will
// reject only costs the user a wait.
import { validateFile } from '../core/validate/index.js';
import type { CostEstimate } from '../store/slices/jobs.js';

export class DatasetHasErrors extends Error {
  constructor(readonly errors: number) {
    super(`the dataset has ${errors} error${errors === 1 ? '' : 's'}; see the Validate screen (2)`);
    this.name = 'DatasetHasErrors';
  }
}

export async function estimateCostWithValidator(path: string, model: string, epochs: number | null): Promise<CostEstimate> {
  const report = await validateFile(path, { model, ...(epochs === null ? {} : { epochs }) });
  if (report.errors > 0) throw new DatasetHasErrors(report.errors);
  return {
    usd: report.cost.usd,
    epochs: report.cost.epochs,
    billedTokens: report.cost.billedTokensPerEpoch,
    isEstimate: report.cost.isEstimate,
  };
}
