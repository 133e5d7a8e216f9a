// Everything the sandbox knows, in memory; optionally mirrored to a directory (persist.ts).
// Records are kept in the wire shape of OpenAI's document, so routes return them as they are.
import { createHash } from 'node:crypto';

export interface FileRecord {
  id: string;
  object: 'file';
  bytes: number;
  created_at: number;
  filename: string;
  purpose: string;
  status: 'uploaded' | 'processed' | 'error';
  status_details?: string;
}

export interface UploadRecord {
  id: string;
  object: 'upload';
  bytes: number;
  created_at: number;
  expires_at: number;
  filename: string;
  purpose: string;
  mime_type: string;
  status: 'pending' | 'completed' | 'cancelled' | 'expired';
  file: FileRecord | null;
  parts: { id: string; created_at: number; data: string }[];
}

export type JobStatus = 'validating_files' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'paused';

export interface Hyperparameters {
  batch_size: number | 'auto';
  learning_rate_multiplier: number | 'auto';
  n_epochs: number | 'auto';
  beta?: number | 'auto';
}

export interface JobRecord {
  id: string;
  object: 'fine_tuning.job';
  created_at: number;
  error: { code: string; message: string; param: string | null } | null;
  fine_tuned_model: string | null;
  finished_at: number | null;
  hyperparameters: { batch_size: number | 'auto'; learning_rate_multiplier: number | 'auto'; n_epochs: number | 'auto' };
  model: string;
  organization_id: string;
  result_files: string[];
  status: JobStatus;
  trained_tokens: number | null;
  training_file: string;
  validation_file: string | null;
  integrations: null;
  seed: number;
  estimated_finish: number | null;
  method: { type: 'supervised' | 'dpo'; supervised?: { hyperparameters: Hyperparameters }; dpo?: { hyperparameters: Hyperparameters } };
  metadata: Record<string, string> | null;
  user_provided_suffix: string | null;
  /** Nebius: progress outside events. */
  trained_steps?: number | null;
  total_steps?: number | null;
  /** Azure: the training tier the job was created with. */
  trainingType?: string;
}

export interface EventRecord {
  id: string;
  object: 'fine_tuning.job.event';
  created_at: number;
  level: 'info' | 'warn' | 'error';
  message: string;
  type: 'message' | 'metrics';
  data?: Record<string, number>;
}

export interface CheckpointRecord {
  id: string;
  object: 'fine_tuning.job.checkpoint';
  created_at: number;
  fine_tuned_model_checkpoint: string;
  step_number: number;
  metrics: Record<string, number>;
  fine_tuning_job_id: string;
  /** Nebius: the checkpoint's weight files, downloadable from /v1/files/{id}/content. */
  result_files?: string[];
}

/** Nebius: a checkpoint served as a custom model (POST /v0/models). */
export interface CustomModelRecord {
  /** The short name it was created with. */
  short_name: string;
  /** The full name it answers to in chat. */
  name: string;
  base_model: string;
  source: string;
  description: string | null;
  created_at: number;
  status: 'validating' | 'active' | 'error' | 'deleted';
  /** Sandbox time (ms) it becomes active. */
  ready_at_ms: number;
}

/** Azure: a deployment resource under the account (the management plane). */
export interface AzureDeploymentRecord {
  id: string;
  name: string;
  sku: { name: string; capacity: number };
  model: string;
  provisioningState: 'Creating' | 'Succeeded' | 'Failed' | 'Deleting';
  created_ms: number;
  ready_at_ms: number;
  /** Developer tier: removed at this sandbox time (ms) whatever its use. */
  expires_ms: number | null;
}

/** What the simulator keeps per job beyond the wire record. */
export interface JobRun {
  /** Simulated milliseconds of progress (paused time does not count). */
  progressMs: number;
  /** Wall-clock (sandbox clock) time of the last tick. */
  lastTickMs: number;
  /** Status to return to on resume. */
  pausedFrom: JobStatus | null;
  totalSteps: number;
  stepsDone: number;
  examples: number;
  tokensPerEpoch: number;
  nEpochs: number;
  /** Phase boundaries in progress ms. */
  validatedAt: number;
  startedAt: number;
  finishAt: number;
}

export interface SandboxState {
  seq: number;
  files: FileRecord[];
  fileContents: Record<string, string>;
  uploads: UploadRecord[];
  /** Newest first, like the list endpoint. */
  jobs: JobRecord[];
  runs: Record<string, JobRun>;
  /** Per job, newest first. */
  events: Record<string, EventRecord[]>;
  /** Per job, newest first. */
  checkpoints: Record<string, CheckpointRecord[]>;
  /** Which service's variant of the protocol this state belongs to (absent: OpenAI's). */
  flavor?: 'nebius' | 'azure';
  customModels?: CustomModelRecord[];
  deployments?: AzureDeploymentRecord[];
}

export function emptyState(): SandboxState {
  return { seq: 0, files: [], fileContents: {}, uploads: [], jobs: [], runs: {}, events: {}, checkpoints: {} };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Ids that look like the service's but come from a counter, so test runs are repeatable. */
export function nextId(state: SandboxState, prefix: string): string {
  state.seq += 1;
  const digest = createHash('sha256').update(`${prefix}${state.seq}`).digest();
  let s = '';
  for (let i = 0; i < 24; i++) s += ALPHABET[digest[i]! % ALPHABET.length];
  return `${prefix}${s}`;
}

export const ORGANIZATION_ID = 'org-sandbox';
export const ORGANIZATION_SLUG = 'sandbox';
