// Together wire objects to the provider-neutral records. Read as loose JSON: the live service,
// the SDK's types and the document differ in small ways (README-gaps.md), and one odd field must
// not make a job list unreadable.
import type { CheckpointRecord, DeploymentOption, DeploymentRecord, DeploymentState, FileRecord, JobEvent, JobMetrics, JobRecord, JobStatus, PriceEstimate } from '../types.js';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function ms(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value < 1e11 ? value * 1000 : value;
  if (typeof value === 'string' && value !== '') {
    const t = Date.parse(value);
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

const STATUS: Record<string, JobStatus> = {
  pending: 'queued',
  queued: 'queued',
  running: 'running',
  compressing: 'finishing',
  uploading: 'finishing',
  cancel_requested: 'cancelling',
  cancelled: 'cancelled',
  error: 'failed',
  completed: 'succeeded',
};

export function normalizeTogetherStatus(raw: unknown): JobStatus {
  return typeof raw === 'string' ? (STATUS[raw] ?? 'unknown') : 'unknown';
}

function settingsOf(job: Json): Record<string, string> {
  const out: Record<string, string> = {};
  const type = obj(job.training_type);
  if (type?.type === 'Lora') {
    out.training = 'LoRA';
    out['LoRA r'] = String(type.lora_r ?? '?');
    out['LoRA alpha'] = String(type.lora_alpha ?? '?');
    if (num(type.lora_dropout) !== null) out['LoRA dropout'] = String(type.lora_dropout);
    if (str(type.lora_trainable_modules)) out['LoRA modules'] = String(type.lora_trainable_modules);
  } else if (type?.type === 'Full') out.training = 'full';
  const scheduler = obj(job.lr_scheduler);
  if (str(scheduler?.lr_scheduler_type)) out.scheduler = String(scheduler!.lr_scheduler_type);
  if (num(job.warmup_ratio) !== null) out.warmup = String(job.warmup_ratio);
  if (num(job.max_seq_length) !== null) out['max seq'] = String(job.max_seq_length);
  if (num(job.n_checkpoints) !== null) out.checkpoints = String(job.n_checkpoints);
  if (num(job.n_evals) !== null) out.evaluations = String(job.n_evals);
  const method = obj(job.training_method);
  const onInputs = method?.train_on_inputs ?? job.train_on_inputs;
  if (typeof onInputs === 'boolean' || onInputs === 'auto') out['train on inputs'] = String(onInputs);
  return out;
}

export function normalizeTogetherJob(value: unknown, now: number): JobRecord {
  const job = obj(value) ?? {};
  const rawStatus = typeof job.status === 'string' ? job.status : String(job.status ?? '');
  const status = normalizeTogetherStatus(rawStatus);
  const method = obj(job.training_method);
  const dpo = method?.method === 'dpo';
  const progress = obj(job.progress);
  const remaining = progress?.estimate_available === true ? num(progress.seconds_remaining) : null;
  const events = Array.isArray(job.events) ? job.events.map(obj).filter((e): e is Json => e !== null) : [];
  const lastError = [...events].reverse().find((e) => e.type === 'job_error' && e.level === 'error');
  const done = status === 'succeeded' || status === 'failed' || status === 'cancelled';
  const withSteps = [...events].reverse().find((e) => num(e.total_steps) !== null && num(e.total_steps)! > 0);
  return {
    id: String(job.id ?? ''),
    model: str(job.model) ?? '',
    // The name exists from the start; it is a model only once the job completed.
    fineTunedModel: status === 'succeeded' ? str(job.model_output_name) : null,
    status,
    rawStatus,
    createdAt: ms(job.created_at) ?? 0,
    startedAt: ms(job.started_at),
    finishedAt: done ? ms(job.updated_at) : null,
    estimatedFinishAt: !done && remaining !== null ? now + remaining * 1000 : null,
    trainedTokens: num(job.token_count) || null,
    hyperparameters: {
      learningRate: num(job.learning_rate) === null ? null : { kind: 'absolute', value: num(job.learning_rate)! },
      epochs: num(job.n_epochs),
      batchSize: num(job.batch_size),
      beta: dpo ? num(method?.dpo_beta) : null,
    },
    method: dpo ? 'dpo' : 'supervised',
    error: status === 'failed' ? { code: null, message: str(lastError?.message) ?? 'The job ended with an error.', param: null } : null,
    trainingFile: str(job.training_file) ?? '',
    validationFile: str(job.validation_file),
    suffix: str(job.suffix),
    seed: num(job.random_seed),
    settings: settingsOf(job),
    progress: withSteps ? { step: num(withSteps.step), totalSteps: num(withSteps.total_steps) } : undefined,
  };
}

/** Together events carry no id; their place in the append-only log is stable, so it is one. */
export function normalizeTogetherEvent(value: unknown, jobId: string, index: number): JobEvent {
  const e = obj(value) ?? {};
  const level = e.level === 'warning' || e.level === 'legacy_iwarning' ? 'warn' : e.level === 'error' || e.level === 'legacy_ierror' ? 'error' : 'info';
  const kind = str(e.type) ?? undefined;
  return {
    id: `${jobId}#${index}`,
    createdAt: ms(e.created_at) ?? 0,
    level: kind === 'job_error' && e.level !== 'info' ? 'error' : level,
    message: typeof e.message === 'string' ? e.message : '',
    type: 'message',
    kind,
  };
}

export function normalizeTogetherCheckpoint(value: unknown, jobId: string): CheckpointRecord {
  const c = obj(value) ?? {};
  const path = str(c.path) ?? '';
  return {
    id: path || `${jobId}:${String(c.step ?? '')}`,
    jobId,
    step: num(c.step) ?? 0,
    modelId: path,
    createdAt: ms(c.created_at) ?? 0,
    metrics: { trainLoss: null, validLoss: null, trainAccuracy: null },
  };
}

/** A metrics row: `global_step` and the losses; names read loosely (README-gaps.md). */
export function normalizeTogetherMetrics(row: unknown): JobMetrics | null {
  const m = obj(row);
  const step = num(m?.global_step) ?? num(m?.step);
  if (m === null || step === null) return null;
  return {
    step,
    trainLoss: num(m.train_loss) ?? num(m.loss),
    validLoss: num(m.eval_loss) ?? num(m.valid_loss),
  };
}

export function normalizeTogetherFile(value: unknown): FileRecord {
  const f = obj(value) ?? {};
  return {
    id: String(f.id ?? ''),
    filename: str(f.filename) ?? '',
    purpose: str(f.purpose) ?? '',
    bytes: num(f.bytes) ?? 0,
    createdAt: ms(f.created_at) ?? 0,
    status: str(f.processing_status) ?? (f.Processed === true ? 'processed' : null),
  };
}

export function normalizeTogetherPrice(value: unknown): PriceEstimate {
  const p = obj(value) ?? {};
  if (p.estimation_available === false) {
    return { usd: null, trainTokens: null, evalTokens: null, allowed: true, unavailable: str(p.unavailable_reason)?.replace(/_/g, ' ') ?? 'no estimate' };
  }
  return {
    usd: num(p.estimated_total_price),
    trainTokens: num(p.estimated_train_token_count),
    evalTokens: num(p.estimated_eval_token_count),
    allowed: p.allowed_to_proceed !== false,
    unavailable: null,
  };
}

const STATES: Record<string, DeploymentState> = {
  PENDING: 'pending',
  STARTING: 'starting',
  STARTED: 'ready',
  STOPPING: 'stopping',
  STOPPED: 'stopped',
  ERROR: 'failed',
};

export function normalizeTogetherEndpoint(value: unknown, extra: { usdPerHour: number | null; autoStopMinutes: number | null }): DeploymentRecord {
  const e = obj(value) ?? {};
  const raw = typeof e.state === 'string' ? e.state : '';
  return {
    id: String(e.id ?? ''),
    model: str(e.model) ?? '',
    chatModel: str(e.name) ?? str(e.model) ?? '',
    state: STATES[raw] ?? 'unknown',
    rawState: raw,
    hardware: str(e.hardware),
    usdPerHour: extra.usdPerHour,
    autoStopMinutes: extra.autoStopMinutes,
    createdAt: ms(e.created_at) ?? 0,
  };
}

export function normalizeTogetherHardware(value: unknown): DeploymentOption {
  const h = obj(value) ?? {};
  const specs = obj(h.specs);
  const cents = num(obj(h.pricing)?.cents_per_minute);
  const gpus = specs ? `${String(specs.gpu_count ?? '?')}× ${String(specs.gpu_type ?? 'GPU')}` : String(h.id ?? '');
  return {
    id: String(h.id ?? ''),
    label: gpus,
    usdPerHour: cents === null ? null : Math.round(cents * 60) / 100,
    available: obj(h.availability)?.status !== 'unavailable',
  };
}
