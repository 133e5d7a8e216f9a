// The provider boundary: the operations every fine-tuning service is mapped onto, so screens
// and effects never see an SDK type. The records and the error shape they use live in
// src/core/domain.ts; they are re-exported here for the adapters.
export type {
  BaseModelInfo,
  CheckpointRecord,
  DeploymentOption,
  DeploymentRecord,
  DeploymentState,
  FileRecord,
  FileRules,
  Hyperparameters,
  JobEvent,
  JobMetrics,
  JobRecord,
  JobStatus,
  LearningRate,
  ModelRecord,
  Page,
  PriceEstimate,
  ProviderErrorInfo,
  ProviderErrorKind,
} from '../core/domain.js';
export { ProviderError, isProviderError } from '../core/domain.js';
import type { BaseModelInfo, CheckpointRecord, DeploymentOption, DeploymentRecord, FileRecord, FileRules, JobEvent, JobMetrics, JobRecord, ModelRecord, Page, PriceEstimate } from '../core/domain.js';
import type { FormFieldSpec } from '../core/jobForm.js';
export type { FormFieldSpec } from '../core/jobForm.js';

export interface CreateJobInput {
  /**
   * ftui's id for this create request, the same on every attempt of one confirmation. The
   * provider stores it with the job (OpenAI: in metadata; a service without metadata carries a
   * marker of its own) so findJobByClientId can tell whether a create whose answer was lost made
   * a job. See src/effects/createJobOnce.ts.
   */
  clientId: string;
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
  /** The user's own key/value labels for the job (at most 16; ftui adds its client id beside them). */
  metadata?: Record<string, string>;
  /** Weights & Biases run settings, where the provider offers the integration. */
  wandb?: { project: string; name?: string | null; entity?: string | null; tags?: string[] } | null;
  /**
   * Values of the provider's own form fields (ProviderCapabilities.createFields) that have no
   * typed field above, by field name, already checked against the field's kind and range.
   */
  extra?: Record<string, string | number | boolean>;
}

export type UploadSource = string | { name: string; bytes: Uint8Array };

/** An unfinished multipart upload: the parts the provider already has, in order. */
export interface PartialUploadState {
  uploadId: string;
  partIds: string[];
  partBytes: number;
}

export interface UploadOptions {
  purpose: 'fine-tune';
  signal?: AbortSignal;
  onProgress?: (sent: number, total: number) => void;
  /** Go on with an interrupted multipart upload of the same file instead of starting over. */
  resume?: PartialUploadState | null;
  /**
   * Told after each part is accepted (null once the upload is complete or cancelled). A caller
   * that keeps this can resume, so a failed multipart upload is left open for a retry; without
   * it, a failed upload is cancelled so nothing stays pending.
   */
  onPartial?: (partial: PartialUploadState | null) => void;
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
  /** A fine-tuned model must be deployed before it can be chatted with (Azure, Together). */
  deployStep: boolean;
  /**
   * The create form's fields, as data: the Jobs form, its checks, the confirmation and
   * `ftui train`'s flags are generated from them (src/core/jobForm.ts). Provider-neutral names
   * (COMMON_FIELDS) land in CreateJobInput's typed fields, any other in CreateJobInput.extra.
   */
  createFields: readonly FormFieldSpec[];
  /** Per-step training metrics can be fetched on their own (listMetrics), newer than a step. */
  metricsSeries: boolean;
  /** The provider prices a job itself before it starts (estimatePrice). */
  priceEstimate: boolean;
  /** ftui can deploy and stop fine-tunes for chat through `deployments`. */
  deployments: boolean;
  /** Short name for the status bar and messages (e.g. "Together"). */
  label: string;
  /**
   * What the service requires of an uploaded training file beyond JSONL (Azure: UTF-8 with a
   * byte-order mark, under 512 MB). The validator reports against it; the upload converts a copy.
   */
  fileRules?: FileRules;
  /** Checkpoints carry weights that can be downloaded (downloadFile). */
  weightsDownload?: boolean;
  /**
   * false: OpenAI's announced end of new fine-tuning jobs does not concern this service even
   * though it trains OpenAI's models (Azure keeps training them). Absent: decided by the models.
   */
  jobCutoffNotice?: boolean;
  /**
   * USD per million training tokens by model, where the user configured them (a profile's
   * `prices`): the confirmation shows a cost from them where ftui knows no price of its own.
   */
  trainingPrices?: Readonly<Record<string, number>>;
}


export interface DeploymentRequest {
  model: string;
  /** A DeploymentOption id. */
  optionId: string;
  /** Stop after this many idle minutes; null: never. */
  autoStopMinutes: number | null;
  /**
   * Carried on the create as a marker the provider keeps, so a create whose outcome is unknown
   * can be found with findDeployment instead of being sent twice.
   */
  clientId: string;
  /** The source to deploy when it is a checkpoint rather than the final model (Nebius: <job>:<checkpoint>). */
  checkpointId?: string;
}

/**
 * Deploying a fine-tune for chat, where a provider bills for hardware while it is up. Reused by
 * every provider with a deploy step; see the README's section on costs.
 */
export interface DeploymentService {
  /** The hardware a model can be deployed on, with what it costs per hour. */
  options(model: string): Promise<DeploymentOption[]>;
  create(request: DeploymentRequest): Promise<DeploymentRecord>;
  /** The deployment a create with this clientId made, if any (after an unknown outcome). */
  find(request: DeploymentRequest, since: number): Promise<DeploymentRecord | null>;
  get(id: string): Promise<DeploymentRecord>;
  list(): Promise<DeploymentRecord[]>;
  /** Stops it (billing stops); it can be started again later. */
  stop(id: string): Promise<DeploymentRecord>;
  /**
   * True where stopping removes the deployment (Azure, Nebius): the fine-tune stays and can be
   * deployed again, but the deployment's name is gone. Screens say "delete" then.
   */
  readonly stopDeletes?: boolean;
  /** Whether the options offer an inactivity auto-stop (Together's endpoints do; Azure and Nebius do not). */
  readonly offersAutoStop?: boolean;
}

/**
 * The base models a service fine-tunes, as it says (answers kept for the connection): the Validate
 * screen's model list and facts, and the create form narrowed to the chosen model's defaults and
 * ranges. Providers without such a list offer their createFields' choices instead.
 */
export interface BaseModelCatalog {
  list(): Promise<string[]>;
  info(model: string): Promise<BaseModelInfo>;
  /** The create form for this model: the provider's fields with its defaults and allowed ranges. */
  fields(model: string): Promise<readonly FormFieldSpec[]>;
}

export interface FineTuningProvider {
  capabilities: ProviderCapabilities;
  uploadFile(source: UploadSource, options: UploadOptions): Promise<FileRecord>;
  listFiles(): Promise<FileRecord[]>;
  deleteFile(id: string): Promise<void>;
  /**
   * Sends one create request, never retried blindly (a lost answer may mean a job exists):
   * callers go through src/effects/createJobOnce.ts, which looks the job up by its client id.
   */
  createJob(request: CreateJobInput): Promise<JobRecord>;
  /**
   * The job a create request with this client id made, or null when none of the recent jobs
   * carries it. Read-only, so safe to repeat.
   */
  findJobByClientId(clientId: string): Promise<JobRecord | null>;
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
  /** Metrics rows from `fromStep` on (capabilities.metricsSeries). */
  listMetrics?(jobId: string, options: { fromStep?: number }): Promise<JobMetrics[]>;
  /** The provider's own price for this job (capabilities.priceEstimate). */
  estimatePrice?(request: CreateJobInput): Promise<PriceEstimate>;
  /** Present when capabilities.deployments. */
  deployments?: DeploymentService;
  /** Present where the service lists its base models and their limits. */
  catalog?: BaseModelCatalog;
  /**
   * Saves a file the service holds (a checkpoint's weights, a result file) to `destination`,
   * streamed, never held whole in memory (capabilities.weightsDownload).
   */
  downloadFile?(id: string, destination: string, options?: { signal?: AbortSignal; onProgress?: (received: number, total: number | null) => void }): Promise<{ bytes: number }>;
  chatStream(request: ChatRequest, signal: AbortSignal): AsyncIterable<ChatDelta>;
  chat(request: ChatRequest, signal?: AbortSignal): Promise<ChatResult>;
}
