// The provider boundary: records and operations every fine-tuning service is mapped onto, so
// screens and effects never see an SDK type. Times are epoch milliseconds; services that send
// Unix seconds or ISO strings are converted in the implementation (see openai/normalize.ts).

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

export type JobStatus = 'validating' | 'queued' | 'running' | 'paused' | 'succeeded' | 'failed' | 'cancelled' | 'unknown';

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
}

export interface CheckpointRecord {
  id: string;
  jobId: string;
  step: number;
  /** The model name to chat with or deploy. */
  modelId: string;
  createdAt: number;
  metrics: { trainLoss: number | null; validLoss: number | null; trainAccuracy: number | null };
}

export interface FileRecord {
  id: string;
  filename: string;
  purpose: string;
  bytes: number;
  createdAt: number;
  status: string | null;
}

export interface ModelRecord {
  id: string;
  ownedBy: string;
  createdAt: number;
  /** When the service will retire the model, if it says. */
  shutdownDate: number | null;
}

export interface Page<T> {
  data: T[];
  hasMore: boolean;
}

export interface CreateJobInput {
  model: string;
  trainingFileId: string;
  validationFileId: string | null;
  suffix: string | null;
  seed: number | null;
  method: 'supervised' | 'dpo';
  epochs: number | 'auto';
  batchSize?: number | 'auto';
  learningRateMultiplier?: number | 'auto';
  /** DPO only. */
  beta?: number | 'auto';
}

export type UploadSource = string | { name: string; bytes: Uint8Array };

export interface UploadOptions {
  purpose: 'fine-tune';
  signal?: AbortSignal;
  onProgress?: (sent: number, total: number) => void;
}

export type ChatRole = 'system' | 'user' | 'assistant';

export interface ChatRequest {
  model: string;
  messages: { role: ChatRole; content: string }[];
  temperature?: number;
  maxTokens?: number;
}

/** A piece of a streamed reply; the last one carries the token usage when the service reports it. */
export interface ChatDelta {
  delta?: string;
  usage?: { promptTokens: number; completionTokens: number };
}

export interface ChatResult {
  text: string;
  usage: { promptTokens: number; completionTokens: number } | null;
}

export interface ProviderCapabilities {
  dpo: boolean;
  pause: boolean;
  checkpoints: boolean;
  /** Multipart Uploads API for large files. */
  uploads: boolean;
  /** Events carry structured training metrics. */
  metricsEvents: boolean;
  /** A fine-tuned model must be deployed before it can be chatted with (Azure). */
  deployStep: boolean;
}

export interface FineTuningProvider {
  capabilities: ProviderCapabilities;
  uploadFile(source: UploadSource, options: UploadOptions): Promise<FileRecord>;
  listFiles(): Promise<FileRecord[]>;
  deleteFile(id: string): Promise<void>;
  createJob(request: CreateJobInput): Promise<JobRecord>;
  listJobs(options: { limit?: number; after?: string }): Promise<Page<JobRecord>>;
  /** Every job, newest first, following the pages to the end (or back to `after`). */
  listAllJobs(options?: { after?: string | undefined }): Promise<JobRecord[]>;
  getJob(id: string): Promise<JobRecord>;
  cancelJob(id: string): Promise<JobRecord>;
  pauseJob(id: string): Promise<JobRecord>;
  resumeJob(id: string): Promise<JobRecord>;
  listEvents(jobId: string, options: { limit?: number; after?: string }): Promise<Page<JobEvent>>;
  listAllEvents(jobId: string): Promise<JobEvent[]>;
  listCheckpoints(jobId: string): Promise<CheckpointRecord[]>;
  listModels(): Promise<ModelRecord[]>;
  chatStream(request: ChatRequest, signal: AbortSignal): AsyncIterable<ChatDelta>;
  chat(request: ChatRequest, signal?: AbortSignal): Promise<ChatResult>;
}
