// Moves Together jobs through pending -> queued -> running -> compressing -> uploading ->
// completed as sandbox time passes, writing typed events, per-step metrics (train loss every
// step, eval loss at each of the n_evals evaluations) and checkpoints. Like the OpenAI-protocol
// simulator, nothing runs in the background: each request catches every job up to its time.
import { stepMetrics } from '../metrics.js';
import { iso, type EventType, type TogetherJob, type TogetherRun, type TogetherState } from './state.js';

/** Phase lengths in simulated ms at speed 1: about 21 s from create to completed. */
export const PHASES = { pendingMs: 2000, queueMs: 2000, trainMs: 15000, compressMs: 1000, uploadMs: 1000 } as const;
const TRAIN_FROM = PHASES.pendingMs + PHASES.queueMs;
const TRAIN_TO = TRAIN_FROM + PHASES.trainMs;
const COMPRESSED_AT = TRAIN_TO + PHASES.compressMs;
const DONE_AT = COMPRESSED_AT + PHASES.uploadMs;

export const TERMINAL = new Set(['completed', 'error', 'cancelled']);

export function newRun(nowMs: number, examples: number, job: TogetherJob): TogetherRun {
  const perEpoch = Math.max(1, Math.ceil(examples / job.batch_size));
  const totalSteps = perEpoch * job.n_epochs;
  return {
    progressMs: 0,
    lastTickMs: nowMs,
    totalSteps,
    stepsDone: 0,
    examples,
    evalEvery: job.n_evals > 0 ? Math.max(1, Math.floor(totalSteps / job.n_evals)) : 0,
    checkpointEvery: Math.max(1, Math.floor(totalSteps / job.n_checkpoints)),
  };
}

export function addEvent(
  state: TogetherState,
  job: TogetherJob,
  atMs: number,
  type: EventType,
  message: string,
  extra: { level?: 'info' | 'warning' | 'error'; step?: number; checkpoint_path?: string; model_path?: string } = {},
): void {
  const run = state.runs[job.id];
  (state.events[job.id] ??= []).push({
    object: 'fine-tune-event',
    created_at: iso(atMs),
    level: extra.level ?? 'info',
    message,
    type,
    param_count: job.param_count,
    token_count: job.token_count,
    total_steps: run?.totalSteps ?? 0,
    wandb_url: '',
    step: extra.step ?? 0,
    checkpoint_path: extra.checkpoint_path ?? '',
    model_path: extra.model_path ?? '',
    training_offset: 0,
    hash: '',
  });
}

function emitSteps(state: TogetherState, job: TogetherJob, run: TogetherRun, upTo: number, wallAt: (p: number) => number): void {
  const perEpoch = run.totalSteps / job.n_epochs;
  const withEval = job.validation_file !== undefined && run.evalEvery > 0;
  for (let step = run.stepsDone + 1; step <= upTo; step++) {
    const atMs = wallAt(TRAIN_FROM + (step / run.totalSteps) * PHASES.trainMs);
    const m = stepMetrics(job.random_seed ?? 0, step, run.totalSteps, withEval);
    const row: Record<string, number> = {
      global_step: step,
      epoch: Math.round((step / perEpoch) * 1000) / 1000,
      train_loss: m.train_loss!,
      learning_rate: job.learning_rate * (1 - step / (run.totalSteps + 1)),
      grad_norm: Math.round((0.4 + 1.2 * (m.train_loss! / 2.1)) * 1000) / 1000,
    };
    if (withEval && (step % run.evalEvery === 0 || step === run.totalSteps)) {
      row.eval_loss = m.valid_loss!;
      job.eval_steps += 1;
    }
    (state.metrics[job.id] ??= []).push(row);
    if (step % perEpoch === 0) {
      job.epochs_completed = Math.round(step / perEpoch);
      addEvent(state, job, atMs, 'epoch_complete', `Epoch completed, at step ${step}`, { step });
    }
    if (step % run.checkpointEvery === 0 && step !== run.totalSteps) {
      const path = `${job.id}:${step}`;
      (state.checkpoints[job.id] ??= []).push({ step, path, created_at: iso(atMs), checkpoint_type: 'Intermediate' });
      addEvent(state, job, atMs, 'checkpoint_save', `New checkpoint saved at step ${step}`, { step, checkpoint_path: path });
    }
  }
  run.stepsDone = Math.max(run.stepsDone, upTo);
}

export function tickJob(state: TogetherState, job: TogetherJob, nowMs: number, speed: number): void {
  const run = state.runs[job.id];
  if (!run) return;
  const dt = Math.max(0, nowMs - run.lastTickMs);
  run.lastTickMs = nowMs;
  if (TERMINAL.has(job.status)) return;
  const wallAt = (progress: number): number => nowMs - (run.progressMs - progress) / speed;
  if (job.status === 'cancel_requested') {
    job.status = 'cancelled';
    job.updated_at = iso(nowMs);
    job.progress = { estimate_available: false, seconds_remaining: 0 };
    addEvent(state, job, nowMs, 'job_error', 'Job cancelled', { level: 'info' });
    return;
  }
  run.progressMs += dt * speed;
  const at = (p: number) => wallAt(p);
  if (job.status === 'pending' && run.progressMs >= PHASES.pendingMs) {
    job.status = 'queued';
    job.updated_at = iso(at(PHASES.pendingMs));
  }
  if (job.status === 'queued' && run.progressMs >= TRAIN_FROM) {
    const t = at(TRAIN_FROM);
    job.status = 'running';
    job.started_at = iso(t);
    job.updated_at = iso(t);
    job.token_count = Math.max(1, Math.ceil(run.examples * 60));
    addEvent(state, job, t, 'job_start', 'Job started');
    addEvent(state, job, t, 'model_downloading', `Downloading model ${job.model}`);
    addEvent(state, job, t, 'model_download_complete', 'Model download complete');
    addEvent(state, job, t, 'training_data_downloading', 'Downloading training data');
    addEvent(state, job, t, 'training_data_download_complete', 'Training data download complete');
    if (job.validation_file) {
      addEvent(state, job, t, 'validation_data_downloading', 'Downloading validation data');
      addEvent(state, job, t, 'validation_data_download_complete', 'Validation data download complete');
    }
    addEvent(state, job, t, 'training_start', `Training started for model ${job.model}`);
  }
  if (job.status === 'running') {
    const frac = Math.min(1, (run.progressMs - TRAIN_FROM) / PHASES.trainMs);
    emitSteps(state, job, run, Math.floor(frac * run.totalSteps), wallAt);
    job.progress = { estimate_available: true, seconds_remaining: Math.max(0, Math.round((DONE_AT - run.progressMs) / speed / 1000)) };
    if (run.progressMs >= TRAIN_TO) {
      const t = at(TRAIN_TO);
      addEvent(state, job, t, 'training_complete', 'Training completed');
      addEvent(state, job, t, 'model_compressing', 'Compressing output model');
      job.status = 'compressing';
      job.updated_at = iso(t);
    }
  }
  if (job.status === 'compressing' && run.progressMs >= COMPRESSED_AT) {
    const t = at(COMPRESSED_AT);
    addEvent(state, job, t, 'model_compression_complete', 'Model compression complete');
    addEvent(state, job, t, 'model_uploading', 'Uploading output model');
    job.status = 'uploading';
    job.updated_at = iso(t);
  }
  if (job.status === 'uploading' && run.progressMs >= DONE_AT) {
    const t = at(DONE_AT);
    (state.checkpoints[job.id] ??= []).push({ step: run.totalSteps, path: job.model_output_name, created_at: iso(t), checkpoint_type: 'Final' });
    addEvent(state, job, t, 'model_upload_complete', `Model upload complete: ${job.model_output_name}`, { model_path: job.model_output_name });
    addEvent(state, job, t, 'job_complete', `Job finished. Your model is ${job.model_output_name}`, { model_path: job.model_output_name });
    job.status = 'completed';
    job.updated_at = iso(t);
    job.progress = { estimate_available: false, seconds_remaining: 0 };
  }
}
