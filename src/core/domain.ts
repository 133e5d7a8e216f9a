// The provider-neutral domain: the records every fine-tuning service is mapped onto (jobs,
// events, checkpoints, files, models) and the error shape, in one module that src/api,
// src/effects and src/store all import, so the store never depends on the effects layer.
// Times are epoch milliseconds; services that send Unix seconds or ISO strings are converted
// in their adapter (see src/api/openai/normalize.ts).

export type ProviderErrorKind =
  | 'auth'
  | 'permission'
  | 'not_eligible'
  | 'not_found'
  | 'rate_limited'
  | 'invalid_request'
  | 'server'
  | 'network';

/** A failure a person can act on. `message` is plain words and never contains the API key. */
export type ProviderErrorInfo =
  | { kind: 'auth' | 'permission' | 'not_eligible' | 'not_found' | 'server' | 'network'; message: string }
  | { kind: 'rate_limited'; message: string; retryAfterMs: number | null }
  | { kind: 'invalid_request'; message: string; param: string | null };

/** Thrown by every provider method; `kind` and the optional fields mirror ProviderErrorInfo. */
export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly retryAfterMs: number | null;
  readonly param: string | null;
  /** HTTP status when the server answered; null for network failures. */
  readonly status: number | null;

  constructor(info: ProviderErrorInfo, status: number | null = null) {
    super(info.message);
    this.name = 'ProviderError';
    this.kind = info.kind;
    this.retryAfterMs = info.kind === 'rate_limited' ? info.retryAfterMs : null;
    this.param = info.kind === 'invalid_request' ? info.param : null;
    this.status = status;
  }

  get info(): ProviderErrorInfo {
    if (this.kind === 'rate_limited') return { kind: this.kind, message: this.message, retryAfterMs: this.retryAfterMs };
    if (this.kind === 'invalid_request') return { kind: this.kind, message: this.message, param: this.param };
    return { kind: this.kind, message: this.message };
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError;
}

/**
 * 'finishing': training is done and the service is packaging the model (Together's compressing,
 * uploading); 'cancelling': a cancel was accepted and the job has not stopped yet.
 */
export type JobStatus = 'validating' | 'queued' | 'running' | 'finishing' | 'cancelling' | 'paused' | 'succeeded' | 'failed' | 'cancelled' | 'unknown';

export type LearningRate = { kind: 'multiplier'; value: number } | { kind: 'absolute'; value: number };

export interface Hyperparameters {
  /** null when the service chose it ('auto') and has not said what it chose. */
  learningRate: LearningRate | null;
  epochs: number | null;
  batchSize: number | null;
  /** DPO only. */
  beta: number | null;
}

export interface JobRecord {
  id: string;
  model: string;
  fineTunedModel: string | null;
  status: JobStatus;
  /** The status string exactly as the service sent it. */
  rawStatus: string;
  createdAt: number;
  /** Not every service reports a start; null then. */
  startedAt: number | null;
  finishedAt: number | null;
  estimatedFinishAt: number | null;
  trainedTokens: number | null;
  hyperparameters: Hyperparameters;
  method: 'supervised' | 'dpo';
  error: { code: string | null; message: string; param: string | null } | null;
  trainingFile: string;
  validationFile: string | null;
  suffix: string | null;
  seed: number | null;
  /** The client id ftui sent with the create request (see CreateJobInput.clientId); null or absent for jobs made elsewhere. */
  clientId?: string | null;
  /** The user's metadata labels (ftui's own client id left out). */
  metadata?: Record<string, string>;
  /** Provider-specific settings worth showing, already in words (e.g. "LoRA r": "16"). */
  settings?: Record<string, string>;
  /** Training progress when the service reports it outside events. */
  progress?: { step: number | null; totalSteps: number | null } | undefined;
}

export interface JobMetrics {
  step: number;
  totalSteps?: number | null;
  trainLoss?: number | null;
  validLoss?: number | null;
  trainAccuracy?: number | null;
}

export interface JobEvent {
  id: string;
  createdAt: number;
  level: 'info' | 'warn' | 'error';
  message: string;
  type: 'message' | 'metrics';
  metrics?: JobMetrics | undefined;
  /** The service's own event type where it has typed events (e.g. 'checkpoint_save'). */
  kind?: string | undefined;
}

export interface CheckpointRecord {
  id: string;
  jobId: string;
  step: number;
  /** The model name to chat with or deploy. */
  modelId: string;
  createdAt: number;
  metrics: { trainLoss: number | null; validLoss: number | null; trainAccuracy: number | null };
  /** Files of the checkpoint's weights the service lets you download (Nebius's result_files). */
  weightFiles?: string[];
}

export interface FileRecord {
  id: string;
  filename: string;
  purpose: string;
  bytes: number;
  createdAt: number;
  status: string | null;
}

/**
 * What a service requires of an uploaded training file beyond JSONL (Azure: UTF-8 with a
 * byte-order mark, under 512 MB). The validator reports against it; the upload converts a copy.
 */
export interface FileRules {
  /** 'required': the upload adds one when the file has none; 'forbidden': it strips one. */
  bom: 'required' | 'forbidden' | 'either';
  maxBytes: number | null;
  /** Who says so, in a few words, for the finding's hint. */
  source: string;
}

export interface ModelRecord {
  id: string;
  ownedBy: string;
  createdAt: number;
  /** When the service will retire the model, if it says. */
  shutdownDate: number | null;
  /** A fine-tune that answers only once it is deployed (see DeploymentRecord). */
  needsDeployment?: boolean;
  /** The user's own fine-tune (or one of its checkpoints), not one of the service's models. */
  fineTuned?: boolean;
  /** For a fine-tune: the model it was trained from, when the service says (Chat compares with it). */
  baseModel?: string | null;
}

/**
 * What a training run will cost as the provider itself prices it (the figure that bills), next
 * to ftui's own count. `usd` is null when the provider cannot estimate yet, with `unavailable`
 * saying why.
 */
export interface PriceEstimate {
  usd: number | null;
  trainTokens: number | null;
  evalTokens: number | null;
  /** False when the provider says the account may not start it (e.g. over its limit). */
  allowed: boolean;
  unavailable: string | null;
}

/**
 * A model served on hardware the user pays for while it is up (a Together dedicated endpoint, a
 * Nebius /v0/models deployment, an Azure deployment). `chatModel` is the name chat requests use.
 */
export type DeploymentState = 'pending' | 'starting' | 'ready' | 'stopping' | 'stopped' | 'failed' | 'unknown';

export interface DeploymentRecord {
  id: string;
  /** The model deployed (a fine-tune's name). */
  model: string;
  /** What to send as `model` in chat once it is ready. */
  chatModel: string;
  state: DeploymentState;
  /** The state exactly as the service sent it. */
  rawState: string;
  hardware: string | null;
  /** What keeping it up costs, when the provider says; null when unknown or free. */
  usdPerHour: number | null;
  /** Minutes without requests after which the provider stops it; null: never. */
  autoStopMinutes: number | null;
  createdAt: number;
  /** When the provider removes it whatever its use (Azure's Developer tier: 24 h); null: never. */
  expiresAt?: number | null;
  /** What a request costs on it, where it is billed by the token rather than by the hour. */
  usdPerMillionTokens?: { input: number; output: number } | null;
}

/** One way to deploy a model, with its price, offered before anything is started. */
export interface DeploymentOption {
  id: string;
  label: string;
  usdPerHour: number | null;
  available: boolean;
  /** One line on what sets it apart (data residency, SLA, lifetime), shown beside it. */
  note?: string;
  /** The provider removes it this many hours after it is created (Azure's Developer tier: 24). */
  lifetimeHours?: number | null;
  /** Billed per token instead of (or besides) per hour. */
  usdPerMillionTokens?: { input: number; output: number } | null;
}

/**
 * A base model as the connected service describes it (Together's /fine-tunes/models/limits, Azure's
 * /models): what the Validate screen shows as facts and the create form's ranges follow. Fields
 * the service does not give are absent.
 */
export interface BaseModelInfo {
  id: string;
  /** The longest example it trains on, in tokens, by method; null where the method is not offered. */
  maxTokens?: { supervised: number | null; dpo: number | null };
  /** Which kinds of training it offers. */
  training?: { lora: boolean; full: boolean };
  maxLoraRank?: number | null;
  methods?: ('supervised' | 'dpo')[];
  /** YYYY-MM-DD: the last day the service fine-tunes it (Azure's deprecation.fine_tune). */
  trainingEnds?: string | null;
  /** YYYY-MM-DD: when it and its fine-tunes retire (Azure's deprecation.inference). */
  retires?: string | null;
  /**
   * The validator's facts for it, from ftui's table where it has the model and from what the
   * service says (its limits, its dates); null where ftui cannot count its tokens at all.
   */
  facts: import('./validate/types.js').ModelFacts | null;
}

export interface Page<T> {
  data: T[];
  hasMore: boolean;
}

// A provider failure as plain data the store can hold and a screen can explain. Providers
// throw ProviderError; anything else (a bug, a file error) becomes 'unknown' or 'file' with its
// message, never a stack.
export interface ErrorInfo {
  kind: ProviderErrorKind | 'file' | 'unknown';
  message: string;
  /** For rate limits: how long the server asked us to wait. */
  retryAfterMs: number | null;
  /** For invalid requests: the request field the server named. */
  param: string | null;
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (typeof error === 'object' && error !== null && 'kind' in error && typeof (error as { kind: unknown }).kind === 'string') {
    const e = error as { kind: ProviderErrorKind; message?: unknown; retryAfterMs?: unknown; param?: unknown };
    return {
      kind: e.kind,
      message: typeof e.message === 'string' ? e.message : String(e.kind),
      retryAfterMs: typeof e.retryAfterMs === 'number' ? e.retryAfterMs : null,
      param: typeof e.param === 'string' ? e.param : null,
    };
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return { kind: typeof code === 'string' && code.startsWith('E') ? 'file' : 'unknown', message, retryAfterMs: null, param: null };
}
