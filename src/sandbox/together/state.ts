// What the Together-protocol sandbox knows, in the wire shapes of Together's document (and of
// the live service where the document is behind it: see ../README-gaps.md). Kept apart from the
// OpenAI-protocol state: the two protocols share no records.
import { createHash } from 'node:crypto';

export type FileProcessing = 'PENDING' | 'COMPLETED' | 'FAILED' | 'INVALID_FORMAT';

export interface ValidationReport {
  valid: boolean;
  dataset_format?: string;
  nlines?: number;
  error?: string;
  error_type?: 'INVALID_FORMAT';
  file_id?: string;
}

export interface TogetherFile {
  id: string;
  object: 'file';
  created_at: number;
  filename: string;
  bytes: number;
  purpose: 'fine-tune' | 'eval' | 'batch-api';
  Processed: boolean;
  FileType: 'jsonl' | 'csv' | 'parquet';
  processing_status: FileProcessing;
  validation_report?: ValidationReport;
  line_count: number;
}

export type TogetherJobStatus = 'pending' | 'queued' | 'running' | 'compressing' | 'uploading' | 'cancel_requested' | 'cancelled' | 'error' | 'completed';

export interface LoraType {
  type: 'Lora';
  lora_r: number;
  lora_alpha: number;
  lora_dropout: number;
  lora_trainable_modules: string;
}

export type TrainingMethod = { method: 'sft'; train_on_inputs: boolean } | { method: 'dpo'; dpo_beta: number };

export interface TogetherJob {
  id: string;
  status: TogetherJobStatus;
  created_at: string;
  updated_at: string;
  started_at?: string;
  user_id: string;
  owner_address: string;
  model: string;
  model_output_name: string;
  training_file: string;
  validation_file?: string;
  suffix?: string;
  n_epochs: number;
  n_checkpoints: number;
  n_evals: number;
  batch_size: number;
  learning_rate: number;
  lr_scheduler: { lr_scheduler_type: 'linear' | 'cosine'; lr_scheduler_args?: Record<string, number> };
  warmup_ratio: number;
  max_grad_norm: number;
  weight_decay: number;
  max_seq_length: number;
  packing: boolean;
  random_seed: number | null;
  train_on_inputs: boolean;
  training_method: TrainingMethod;
  training_type: LoraType | { type: 'Full' };
  token_count: number;
  param_count: number;
  epochs_completed: number;
  eval_steps: number;
  queue_depth: number;
  trainingfile_numlines: number;
  trainingfile_size: number;
  progress: { estimate_available: boolean; seconds_remaining: number };
}

export type EventType =
  | 'job_pending'
  | 'job_start'
  | 'model_downloading'
  | 'model_download_complete'
  | 'training_data_downloading'
  | 'training_data_download_complete'
  | 'validation_data_downloading'
  | 'validation_data_download_complete'
  | 'training_start'
  | 'checkpoint_save'
  | 'epoch_complete'
  | 'training_complete'
  | 'model_compressing'
  | 'model_compression_complete'
  | 'model_uploading'
  | 'model_upload_complete'
  | 'job_complete'
  | 'job_error'
  | 'cancel_requested'
  | 'warning';

export interface TogetherEvent {
  object: 'fine-tune-event';
  created_at: string;
  level: 'info' | 'warning' | 'error';
  message: string;
  type: EventType;
  param_count: number;
  token_count: number;
  total_steps: number;
  wandb_url: string;
  step: number;
  checkpoint_path: string;
  model_path: string;
  training_offset: number;
  hash: string;
}

export interface TogetherCheckpoint {
  step: number;
  path: string;
  created_at: string;
  checkpoint_type: 'Intermediate' | 'Final';
}

/** What the simulator keeps per job beyond the wire record. */
export interface TogetherRun {
  /** Simulated ms of progress. */
  progressMs: number;
  lastTickMs: number;
  totalSteps: number;
  stepsDone: number;
  examples: number;
  evalEvery: number;
  checkpointEvery: number;
}

export type EndpointState = 'PENDING' | 'STARTING' | 'STARTED' | 'STOPPING' | 'STOPPED' | 'ERROR';

export interface TogetherEndpoint {
  object: 'endpoint';
  id: string;
  name: string;
  display_name: string;
  model: string;
  hardware: string;
  type: 'dedicated';
  owner: string;
  state: EndpointState;
  autoscaling: { min_replicas: number; max_replicas: number };
  created_at: string;
  /** Minutes without requests before the service stops it; null = never. */
  inactive_timeout: number | null;
}

export interface EndpointRun {
  /** Sandbox clock ms when the current state began. */
  stateSinceMs: number;
  /** Sandbox clock ms of the last chat request (or start). */
  lastUsedMs: number;
}

export interface TogetherState {
  seq: number;
  files: TogetherFile[];
  fileContents: Record<string, string>;
  /** Sandbox clock ms at which each file's processing finishes. */
  fileReadyAt: Record<string, number>;
  /** Files announced by POST /files whose bytes have not been PUT yet. */
  announced: Record<string, { filename: string; purpose: TogetherFile['purpose']; fileType: TogetherFile['FileType'] }>;
  jobs: TogetherJob[];
  runs: Record<string, TogetherRun>;
  /** Per job, oldest first (as the service lists them). */
  events: Record<string, TogetherEvent[]>;
  checkpoints: Record<string, TogetherCheckpoint[]>;
  /** Per job, one record per logged step: global_step, train_loss, eval_loss at eval steps... */
  metrics: Record<string, Record<string, number>[]>;
  endpoints: TogetherEndpoint[];
  endpointRuns: Record<string, EndpointRun>;
}

export function emptyTogetherState(): TogetherState {
  return { seq: 0, files: [], fileContents: {}, fileReadyAt: {}, announced: {}, jobs: [], runs: {}, events: {}, checkpoints: {}, metrics: {}, endpoints: [], endpointRuns: {} };
}

export const USER_ID = 'sandbox-user';
export const USER_NAME = 'sandbox';

/** A uuid-shaped id from a counter, so runs are repeatable. */
export function nextUuid(state: TogetherState, salt: string): string {
  state.seq += 1;
  const h = createHash('sha256').update(`${salt}${state.seq}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const iso = (ms: number): string => new Date(ms).toISOString();
