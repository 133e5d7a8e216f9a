// The provider contract as the Jobs and Chat screens use it. Until src/api/types.ts lands this
// file states the expected shape; then it only re-exports from there, so screens and effects
// depend on one place and never on an implementation.

export type ProviderErrorKind =
  | 'auth'
  | 'permission'
  | 'not_eligible'
  | 'not_found'
  | 'rate_limited'
  | 'invalid_request'
  | 'server'
  | 'network';

export type JobStatus = 'validating_files' | 'queued' | 'running' | 'paused' | 'succeeded' | 'failed' | 'cancelled' | 'unknown';

export interface JobRecord {
  id: string;
  status: JobStatus;
  rawStatus: string;
  model: string;
  fineTunedModel: string | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  estimatedFinishAt: number | null;
  error: { message: string; code: string | null; param: string | null } | null;
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
  metrics?: JobMetrics | undefined;
}

export interface CheckpointRecord {
  id: string;
  step: number;
  modelId: string;
}

export interface ModelRecord {
  id: string;
  shutdownDate: number | null;
}

export interface Page<T> {
  data: T[];
  hasMore: boolean;
}

export interface ChatDelta {
  delta?: string;
  usage?: { promptTokens: number; completionTokens: number };
}

export interface FineTuningProvider {
  capabilities: { dpo: boolean; pause: boolean; checkpoints: boolean };
  uploadFile(path: string, options: { purpose: 'fine-tune'; signal?: AbortSignal; onProgress?: (sent: number, total: number) => void }): Promise<{ id: string }>;
  createJob(request: {
    model: string;
    trainingFileId: string;
    validationFileId: string | null;
    suffix: string | null;
    seed: number | null;
    method: 'supervised' | 'dpo';
    epochs: number | 'auto';
  }): Promise<JobRecord>;
  listJobs(options: { limit?: number; after?: string }): Promise<Page<JobRecord>>;
  listAllJobs(options: { after?: string | undefined }): Promise<JobRecord[]>;
  getJob(id: string): Promise<JobRecord>;
  cancelJob(id: string): Promise<JobRecord>;
  pauseJob(id: string): Promise<JobRecord>;
  resumeJob(id: string): Promise<JobRecord>;
  listEvents(jobId: string, options: { limit?: number; after?: string }): Promise<Page<JobEvent>>;
  listAllEvents(jobId: string): Promise<JobEvent[]>;
  listCheckpoints(jobId: string): Promise<CheckpointRecord[]>;
  listModels(): Promise<ModelRecord[]>;
  chatStream(request: { model: string; messages: { role: 'system' | 'user' | 'assistant'; content: string }[] }, signal: AbortSignal): AsyncIterable<ChatDelta>;
}
