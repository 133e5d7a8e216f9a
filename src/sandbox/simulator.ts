// Moves jobs through validating_files -> queued -> running -> succeeded as sandbox time passes.
// Nothing runs in the background: each request first calls tick(now), which catches every job
// up to that moment, so a manual clock makes the lifecycle instant and deterministic.
import { azureFineTunedName, fakeWeights } from './flavors.js';
import { stepMetrics } from './metrics.js';
import { checkTrainingData } from './trainingData.js';
import { nextId, ORGANIZATION_SLUG, type JobRecord, type JobRun, type SandboxState } from './state.js';
import { seconds } from './http.js';

/** Phase lengths in simulated milliseconds at speed 1: about 20 s from create to succeeded. */
export const PHASES = { validateMs: 2000, queueMs: 2000, trainMs: 15000, finalizeMs: 1000 } as const;
/** Metrics events per job at most; long jobs report every k-th step, as the service does. */
const MAX_METRIC_EVENTS = 120;
/** The service keeps checkpoints of the last three epochs. */
const MAX_CHECKPOINTS = 3;

const TERMINAL = new Set(['succeeded', 'failed', 'cancelled']);
export const isTerminal = (status: string): boolean => TERMINAL.has(status);

export function newRun(nowMs: number): JobRun {
  return {
    progressMs: 0,
    lastTickMs: nowMs,
    pausedFrom: null,
    totalSteps: 0,
    stepsDone: 0,
    examples: 0,
    tokensPerEpoch: 0,
    nEpochs: 0,
    validatedAt: PHASES.validateMs,
    startedAt: PHASES.validateMs + PHASES.queueMs,
    finishAt: PHASES.validateMs + PHASES.queueMs + PHASES.trainMs + PHASES.finalizeMs,
  };
}

export function addEvent(
  state: SandboxState,
  job: JobRecord,
  atMs: number,
  message: string,
  extra: { level?: 'info' | 'warn' | 'error'; data?: Record<string, number> } = {},
): void {
  const list = (state.events[job.id] ??= []);
  list.unshift({
    id: nextId(state, 'ftevent-'),
    object: 'fine_tuning.job.event',
    created_at: seconds(atMs),
    level: extra.level ?? 'info',
    message,
    type: extra.data ? 'metrics' : 'message',
    ...(extra.data ? { data: extra.data } : {}),
  });
}

/** The fine-tune's name as the flavor's service spells it; Nebius names none (it deploys checkpoints). */
function flavoredName(state: SandboxState, job: JobRecord): string | null {
  if (state.flavor === 'azure') return azureFineTunedName(job);
  if (state.flavor === 'nebius') return null;
  return fineTunedName(job);
}

export function fineTunedName(job: JobRecord): string {
  const suffix = job.user_provided_suffix ? `${job.user_provided_suffix}:` : '';
  // The service names a fine-tune with a short id of its own; the job id's first 8 characters here.
  return `ft:${job.model}:${ORGANIZATION_SLUG}:${suffix}${job.id.slice('ftjob-'.length, 'ftjob-'.length + 8)}`;
}

function hyper(job: JobRecord): JobRecord['hyperparameters'] {
  return job.hyperparameters;
}

function fail(state: SandboxState, job: JobRecord, atMs: number, code: string, message: string, param: string | null): void {
  job.status = 'failed';
  job.error = { code, message, param };
  job.finished_at = seconds(atMs);
  job.estimated_finish = null;
  addEvent(state, job, atMs, message, { level: 'error' });
  addEvent(state, job, atMs, 'Fine-tuning job failed', { level: 'error' });
}

function validateFiles(state: SandboxState, job: JobRecord, run: JobRun, atMs: number): boolean {
  for (const [fileId, param] of [[job.training_file, 'training_file'], [job.validation_file, 'validation_file']] as const) {
    if (fileId === null) continue;
    const file = state.files.find((f) => f.id === fileId);
    const text = state.fileContents[fileId];
    if (!file || text === undefined) {
      fail(state, job, atMs, `invalid_${param}`, `The ${param.replace('_', ' ')} ${fileId} was deleted before the job started.`, param);
      return false;
    }
    const check = checkTrainingData(text, job.method.type, file.filename);
    if (!check.ok) {
      fail(state, job, atMs, `invalid_${param}`, check.message, param);
      return false;
    }
    if (param === 'training_file') {
      run.examples = check.examples;
      run.tokensPerEpoch = check.tokens;
    }
  }
  if (state.flavor === 'nebius') {
    // Nebius sends numbers, never 'auto', and its learning rate is absolute: leave them as sent.
    const h = job.hyperparameters as unknown as { batch_size: number; n_epochs: number };
    run.nEpochs = h.n_epochs;
    run.totalSteps = Math.ceil(run.examples / h.batch_size) * h.n_epochs;
    job.trained_steps = 0;
    job.total_steps = run.totalSteps;
    return true;
  }
  const h = hyper(job);
  const batch = h.batch_size === 'auto' ? Math.max(1, Math.min(32, Math.ceil(run.examples / 500))) : h.batch_size;
  const epochs = h.n_epochs === 'auto' ? (run.examples < 100 ? 3 : run.examples < 1000 ? 2 : 1) : h.n_epochs;
  const lr = h.learning_rate_multiplier === 'auto' ? (batch > 8 ? 2 : 1.8) : h.learning_rate_multiplier;
  job.hyperparameters = { batch_size: batch, learning_rate_multiplier: lr, n_epochs: epochs };
  const methodHyper = job.method.type === 'dpo' ? job.method.dpo : job.method.supervised;
  if (methodHyper) {
    Object.assign(methodHyper.hyperparameters, job.hyperparameters);
    if (methodHyper.hyperparameters.beta === 'auto') methodHyper.hyperparameters.beta = 0.1;
  }
  run.nEpochs = epochs;
  run.totalSteps = Math.ceil(run.examples / batch) * epochs;
  return true;
}

function stepAt(run: JobRun): number {
  const frac = (run.progressMs - run.startedAt) / (run.finishAt - PHASES.finalizeMs - run.startedAt);
  return Math.max(0, Math.min(run.totalSteps, Math.floor(frac * run.totalSteps)));
}

function emitSteps(state: SandboxState, job: JobRecord, run: JobRun, upTo: number, wallAt: (progress: number) => number): void {
  const stride = Math.ceil(run.totalSteps / MAX_METRIC_EVENTS);
  const stepsPerEpoch = run.totalSteps / run.nEpochs;
  const trainSpan = run.finishAt - PHASES.finalizeMs - run.startedAt;
  for (let step = run.stepsDone + 1; step <= upTo; step++) {
    const atMs = wallAt(run.startedAt + (step / run.totalSteps) * trainSpan);
    if (step % stride === 0 || step === run.totalSteps || step === 1) {
      const data = stepMetrics(job.seed, step, run.totalSteps, job.validation_file !== null);
      const valid = data.valid_loss !== undefined ? `, validation loss=${data.valid_loss}` : '';
      addEvent(state, job, atMs, `Step ${step}/${run.totalSteps}: training loss=${data.train_loss}${valid}`, { data });
    }
    if (step % stepsPerEpoch === 0 || step === run.totalSteps) {
      const list = (state.checkpoints[job.id] ??= []);
      const id = nextId(state, 'ftckpt_');
      const name = flavoredName(state, job);
      list.unshift({
        id,
        object: 'fine_tuning.job.checkpoint',
        created_at: seconds(atMs),
        fine_tuned_model_checkpoint: name === null ? `${job.id}:${id}` : `${name}:ckpt-step-${step}`,
        step_number: step,
        metrics: stepMetrics(job.seed, step, run.totalSteps, job.validation_file !== null),
        fine_tuning_job_id: job.id,
        ...(state.flavor === 'nebius' ? { result_files: [weightsFile(state, job, step, atMs)] } : {}),
      });
      if (list.length > MAX_CHECKPOINTS) list.length = MAX_CHECKPOINTS;
      if (step !== run.totalSteps) addEvent(state, job, atMs, `Checkpoint created at step ${step}`);
    }
  }
  run.stepsDone = Math.max(run.stepsDone, upTo);
  if (state.flavor === 'nebius') job.trained_steps = run.stepsDone;
}

function weightsFile(state: SandboxState, job: JobRecord, step: number, atMs: number): string {
  const text = fakeWeights(job.id, step);
  const id = nextId(state, 'file-');
  state.files.unshift({ id, object: 'file', bytes: Buffer.byteLength(text), created_at: seconds(atMs), filename: `adapter_model-step-${step}.safetensors`, purpose: 'fine-tune-results', status: 'processed' });
  state.fileContents[id] = text;
  return id;
}

function resultFile(state: SandboxState, job: JobRecord, run: JobRun, atMs: number): string {
  const header = 'step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy';
  const rows = [header];
  for (let step = 1; step <= run.totalSteps; step++) {
    const m = stepMetrics(job.seed, step, run.totalSteps, job.validation_file !== null);
    rows.push([step, m.train_loss, m.train_mean_token_accuracy, m.valid_loss ?? '', m.valid_mean_token_accuracy ?? ''].join(','));
  }
  const text = `${rows.join('\n')}\n`;
  const id = nextId(state, 'file-');
  state.files.unshift({
    id,
    object: 'file',
    bytes: Buffer.byteLength(text),
    created_at: seconds(atMs),
    filename: 'step_metrics.csv',
    purpose: 'fine-tune-results',
    status: 'processed',
  });
  state.fileContents[id] = text;
  return id;
}

/** Catches one job up to sandbox time `nowMs`; `speed` multiplies simulated time. */
export function tickJob(state: SandboxState, job: JobRecord, nowMs: number, speed: number): void {
  const run = state.runs[job.id];
  if (!run) return;
  const dt = Math.max(0, nowMs - run.lastTickMs);
  run.lastTickMs = nowMs;
  if (isTerminal(job.status) || job.status === 'paused') return;
  run.progressMs += dt * speed;
  const wallAt = (progress: number): number => nowMs - (run.progressMs - progress) / speed;

  if (job.status === 'validating_files' && run.progressMs >= run.validatedAt) {
    const at = wallAt(run.validatedAt);
    if (!validateFiles(state, job, run, at)) return;
    addEvent(state, job, at, 'Files validated, moving job to queued state');
    job.status = 'queued';
  }
  if (job.status === 'queued' && run.progressMs >= run.startedAt) {
    const at = wallAt(run.startedAt);
    job.status = 'running';
    job.estimated_finish = seconds(at + (run.finishAt - run.startedAt) / speed);
    addEvent(state, job, at, 'Fine-tuning job started');
  }
  if (job.status === 'running') {
    emitSteps(state, job, run, stepAt(run), wallAt);
    if (run.progressMs >= run.finishAt) {
      const at = wallAt(run.finishAt);
      job.status = 'succeeded';
      job.fine_tuned_model = flavoredName(state, job);
      job.finished_at = seconds(at);
      job.estimated_finish = null;
      job.trained_tokens = run.tokensPerEpoch * run.nEpochs;
      job.result_files = [resultFile(state, job, run, at)];
      addEvent(state, job, at, job.fine_tuned_model === null ? 'Training finished: its checkpoints can be deployed' : `New fine-tuned model created: ${job.fine_tuned_model}`);
      addEvent(state, job, at, 'Usage policy evaluations completed, model is now enabled for sampling');
      addEvent(state, job, at, 'The job has successfully completed');
    }
  }
}
