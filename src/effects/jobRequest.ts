// The checked values of a create form (src/core/jobForm.ts) as the provider-neutral create
// request. Shared by the Jobs screen and `ftui train`, so both send exactly the same thing.
import type { CreateJobInput } from '../api/types.js';
import { COMMON_FIELDS, type FieldValue } from '../core/jobForm.js';

const COMMON = new Set<string>(COMMON_FIELDS);

const num = (v: FieldValue | undefined): number | 'auto' | undefined => (typeof v === 'number' || v === 'auto' ? v : undefined);
const text = (v: FieldValue | undefined): string | null => (typeof v === 'string' && v !== '' ? v : null);

export function createRequestFrom(
  values: Record<string, FieldValue>,
  files: { trainingFileId: string; validationFileId: string | null },
): Omit<CreateJobInput, 'clientId'> {
  const method = values.method === 'dpo' ? 'dpo' : 'supervised';
  const seed = values.seed;
  const extra = Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string | number | boolean] => !COMMON.has(entry[0]) && !Array.isArray(entry[1]) && typeof entry[1] !== 'object'),
  );
  const request: Omit<CreateJobInput, 'clientId'> = {
    model: String(values.model ?? ''),
    trainingFileId: files.trainingFileId,
    validationFileId: files.validationFileId,
    suffix: text(values.suffix),
    seed: typeof seed === 'number' ? seed : null,
    method,
    epochs: num(values.epochs) ?? 'auto',
  };
  const batchSize = num(values.batchSize);
  if (batchSize !== undefined) request.batchSize = batchSize;
  const lr = num(values.learningRateMultiplier);
  if (lr !== undefined) request.learningRateMultiplier = lr;
  const beta = num(values.beta);
  if (method === 'dpo' && beta !== undefined) request.beta = beta;
  if (values.metadata && typeof values.metadata === 'object' && !Array.isArray(values.metadata) && Object.keys(values.metadata).length > 0) {
    request.metadata = values.metadata;
  }
  const project = text(values.wandbProject);
  if (project !== null) {
    request.wandb = {
      project,
      name: text(values.wandbName),
      entity: text(values.wandbEntity),
      tags: Array.isArray(values.wandbTags) ? values.wandbTags : [],
    };
  }
  if (Object.keys(extra).length > 0) request.extra = extra;
  return request;
}
