// Upload the files (reusing what is already on the service) and create the job exactly once:
// the whole launch after the user's confirmation, shared by the Jobs screen and `ftui train`
// so both spend the user's money the same, careful way.
import type { FineTuningProvider } from '../api/types.js';
import type { FieldValue } from '../core/jobForm.js';
import type { UploadRecords } from '../core/uploadRecords.js';
import { createJobOnce, type CreateOnceOptions, type CreateOnceResult } from './createJobOnce.js';
import { createRequestFrom } from './jobRequest.js';
import { fileListOnce, uploadOnce, type UploadOnceResult } from './uploadOnce.js';

export interface LaunchRequest {
  /** The create form's checked values (src/core/jobForm.ts parseForm). */
  values: Record<string, FieldValue>;
  trainingPath: string;
  validationPath: string | null;
  /** A request id whose outcome stayed unknown (or a script's --client-id): looked up first. */
  clientId?: string | null;
}

export interface LaunchOptions {
  providerKey: string;
  records: UploadRecords | null;
  signal?: AbortSignal;
  onUpload?: (file: 'training' | 'validation', sent: number, total: number, reusedId: string | null) => void;
  onCreating?: (checking: boolean) => void;
  createOptions?: Omit<CreateOnceOptions, 'lookupFirst' | 'onLookup'>;
}

export interface LaunchResult extends CreateOnceResult {
  training: UploadOnceResult;
  validation: UploadOnceResult | null;
  /** What the user should read besides the job: a job found by its id, files not sent again. */
  notice: string | null;
}

export async function launchJob(provider: FineTuningProvider, request: LaunchRequest, options: LaunchOptions): Promise<LaunchResult> {
  const upload = { providerKey: options.providerKey, records: options.records, files: fileListOnce(provider), ...(options.signal ? { signal: options.signal } : {}) };
  const send = async (file: 'training' | 'validation', path: string) => {
    const result = await uploadOnce(provider, path, { ...upload, onProgress: (sent, total) => options.onUpload?.(file, sent, total, null) });
    if (result.reused) options.onUpload?.(file, result.file.bytes, result.file.bytes, result.file.id);
    return result;
  };
  const training = await send('training', request.trainingPath);
  const validation = request.validationPath !== null ? await send('validation', request.validationPath) : null;
  options.onCreating?.(false);
  const earlier = request.clientId ?? null;
  const created = await createJobOnce(
    provider,
    { ...createRequestFrom(request.values, { trainingFileId: training.file.id, validationFileId: validation?.file.id ?? null }), clientId: earlier ?? undefined },
    { ...options.createOptions, lookupFirst: earlier !== null, onLookup: () => options.onCreating?.(true) },
  );
  const reused = [training, ...(validation ? [validation] : [])].filter((u) => u.reused).map((u) => u.file.id);
  const notices = [created.adopted, reused.length > 0 ? `Nothing was uploaded: ${reused.join(' and ')} ${reused.length === 1 ? 'was' : 'were'} already on the service.` : null];
  return { ...created, training, validation, notice: notices.filter(Boolean).join(' ') || null };
}
