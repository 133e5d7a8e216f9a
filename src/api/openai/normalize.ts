// Wire objects (OpenAI, Azure OpenAI and compatible services) to the provider-neutral records.
// Input is read as loose JSON on purpose: compatible services differ in small ways (seconds or
// ISO strings for times, learning_rate instead of a multiplier, missing fields), and one odd
// field must not make a whole job list unreadable.
import type {
  CheckpointRecord,
  FileRecord,
  Hyperparameters,
  JobEvent,
  JobRecord,
  JobStatus,
  LearningRate,
  ModelRecord,
} from '../types.js';

type Json = Record<string, unknown>;

/** The metadata key that carries ftui's client id for a create request (CreateJobInput.clientId). */
export const CLIENT_ID_METADATA_KEY = 'ftui_client_id';

function normalizeMetadata(value: unknown): { clientId: string | null; metadata: Record<string, string> } {
  const metadata: Record<string, string> = {};
  let clientId: string | null = null;
  for (const [key, v] of Object.entries(obj(value) ?? {})) {
    if (typeof v !== 'string') continue;
    if (key === CLIENT_ID_METADATA_KEY) clientId = v;
    else metadata[key] = v;
  }
  return { clientId, metadata };
}

const STATUS: Record<string, JobStatus> = {
  validating_files: 'validating',
  validating: 'validating',
  pending: 'queued',
  queued: 'queued',
  notstarted: 'queued',
  running: 'running',
  paused: 'paused',
  succeeded: 'succeeded',
  failed: 'failed',
  cancelled: 'cancelled',
  canceled: 'cancelled',
};

export function normalizeStatus(raw: unknown): JobStatus {
  if (typeof raw !== 'string') return 'unknown';
  return STATUS[raw.toLowerCase()] ?? 'unknown';
}

/** Below this a number is taken as Unix seconds (ms values this small would be before 1970-02). */
const SECONDS_LIMIT = 1e11;

/** Epoch ms from Unix seconds, epoch ms or an ISO date string; null when absent or unreadable. */
export function toEpochMs(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (value <= 0) return null;
    return value < SECONDS_LIMIT ? Math.round(value * 1000) : Math.round(value);
  }
  if (typeof value === 'string' && value.trim() !== '') {
    if (/^\d+(\.\d+)?$/.test(value.trim())) return toEpochMs(Number(value));
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function num(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

function obj(value: unknown): Json | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

/**
 * OpenAI sends learning_rate_multiplier; Azure and some compatible services send an absolute
 * learning_rate. 'auto' or absence means the service has not told us.
 */
export function normalizeLearningRate(hyper: Json): LearningRate | null {
  const multiplier = num(hyper.learning_rate_multiplier);
  if (multiplier !== null) return { kind: 'multiplier', value: multiplier };
  const absolute = num(hyper.learning_rate);
  if (absolute !== null) return { kind: 'absolute', value: absolute };
  return null;
}

function normalizeHyperparameters(job: Json, method: 'supervised' | 'dpo'): Hyperparameters {
  // Newer responses put them under method.<type>.hyperparameters; the top-level copy is legacy.
  const methodBlock = obj(obj(job.method)?.[method]);
  const hyper = { ...(obj(job.hyperparameters) ?? {}), ...(obj(methodBlock?.hyperparameters) ?? {}) };
  return {
    learningRate: normalizeLearningRate(hyper),
    epochs: num(hyper.n_epochs),
    batchSize: num(hyper.batch_size),
    beta: num(hyper.beta),
  };
}

function normalizeError(value: unknown): JobRecord['error'] {
  const error = obj(value);
  if (!error) return null;
  const message = str(error.message);
  const code = str(error.code);
  if (message === null && code === null) return null;
  return { code, message: message ?? `The job failed (${code}).`, param: str(error.param) };
}

export function normalizeJob(value: unknown): JobRecord {
  const job = obj(value) ?? {};
  const methodType = str(obj(job.method)?.type);
  const method: 'supervised' | 'dpo' = methodType === 'dpo' ? 'dpo' : 'supervised';
  const rawStatus = typeof job.status === 'string' ? job.status : String(job.status ?? '');
  return {
    id: String(job.id ?? ''),
    model: str(job.model) ?? '',
    fineTunedModel: str(job.fine_tuned_model),
    status: normalizeStatus(rawStatus),
    rawStatus,
    createdAt: toEpochMs(job.created_at) ?? 0,
    startedAt: toEpochMs(job.started_at),
    finishedAt: toEpochMs(job.finished_at),
    estimatedFinishAt: toEpochMs(job.estimated_finish),
    trainedTokens: num(job.trained_tokens),
    hyperparameters: normalizeHyperparameters(job, method),
    method,
    error: normalizeError(job.error),
    trainingFile: str(job.training_file) ?? '',
    validationFile: str(job.validation_file),
    suffix: str(job.user_provided_suffix) ?? str(job.suffix),
    seed: num(job.seed),
    ...normalizeMetadata(job.metadata),
  };
}

function normalizeLevel(value: unknown): JobEvent['level'] {
  if (value === 'warn' || value === 'warning') return 'warn';
  if (value === 'error') return 'error';
  return 'info';
}

export function normalizeEvent(value: unknown): JobEvent {
  const event = obj(value) ?? {};
  const data = obj(event.data);
  const step = data ? num(data.step) : null;
  const isMetrics = event.type === 'metrics' || (event.type === undefined && step !== null);
  const base: JobEvent = {
    id: String(event.id ?? ''),
    createdAt: toEpochMs(event.created_at) ?? 0,
    level: normalizeLevel(event.level),
    message: typeof event.message === 'string' ? event.message : '',
    type: isMetrics && step !== null ? 'metrics' : 'message',
  };
  if (base.type === 'metrics' && data && step !== null) {
    base.metrics = {
      step,
      totalSteps: num(data.total_steps),
      trainLoss: num(data.train_loss),
      validLoss: num(data.valid_loss),
      trainAccuracy: num(data.train_mean_token_accuracy) ?? num(data.train_accuracy),
    };
  }
  return base;
}

export function normalizeCheckpoint(value: unknown): CheckpointRecord {
  const checkpoint = obj(value) ?? {};
  const metrics = obj(checkpoint.metrics) ?? {};
  return {
    id: String(checkpoint.id ?? ''),
    jobId: str(checkpoint.fine_tuning_job_id) ?? '',
    step: num(checkpoint.step_number) ?? num(metrics.step) ?? 0,
    modelId: str(checkpoint.fine_tuned_model_checkpoint) ?? '',
    createdAt: toEpochMs(checkpoint.created_at) ?? 0,
    metrics: {
      trainLoss: num(metrics.train_loss),
      validLoss: num(metrics.valid_loss) ?? num(metrics.full_valid_loss),
      trainAccuracy: num(metrics.train_mean_token_accuracy),
    },
  };
}

export function normalizeFile(value: unknown): FileRecord {
  const file = obj(value) ?? {};
  return {
    id: String(file.id ?? ''),
    filename: str(file.filename) ?? '',
    purpose: str(file.purpose) ?? '',
    bytes: num(file.bytes) ?? 0,
    createdAt: toEpochMs(file.created_at) ?? 0,
    status: str(file.status),
  };
}

/**
 * The base a fine-tune's name carries: OpenAI names fine-tunes and their checkpoints
 * `ft:BASE:org:suffix:id[:ckpt-step-N]`, Azure `BASE.ft-id`. null for any other model.
 */
export function baseOfFineTune(id: string): string | null {
  if (id.startsWith('ft:')) return id.split(':')[1] || null;
  const azure = /^(.+)\.ft-[^.]+$/.exec(id);
  return azure ? azure[1]! : null;
}

export function normalizeModel(value: unknown): ModelRecord {
  const model = obj(value) ?? {};
  const lifecycle = obj(model.lifecycle);
  const id = String(model.id ?? '');
  const base = baseOfFineTune(id);
  return {
    id,
    fineTuned: base !== null,
    baseModel: base,
    ownedBy: str(model.owned_by) ?? '',
    createdAt: toEpochMs(model.created) ?? toEpochMs(model.created_at) ?? 0,
    // OpenAI-compatible services (and the sandbox) send shutdown_date; Azure sends deprecation dates.
    shutdownDate: toEpochMs(model.shutdown_date) ?? toEpochMs(obj(model.deprecation)?.inference) ?? toEpochMs(lifecycle?.retirement_date),
  };
}
