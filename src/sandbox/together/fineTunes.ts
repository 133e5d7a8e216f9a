// /fine-tunes: create (checked against the model's limits), list, retrieve, cancel, events,
// checkpoints, per-step metrics, estimate-price, and the supported models with their limits.
import { ApiError, invalid, readJson } from '../http.js';
import { BASE_MODELS, findBaseModel, pricePerMillion, type SandboxBaseModel } from './catalog.js';
import type { TogetherHandler, TogetherSandbox } from './context.js';
import { findFile } from './files.js';
import { addEvent, newRun, TERMINAL } from './simulator.js';
import { iso, nextUuid, USER_ID, USER_NAME, type LoraType, type TogetherFile, type TogetherJob, type TrainingMethod } from './state.js';

export function findJob(tg: TogetherSandbox, id: string): TogetherJob {
  const job = tg.state.jobs.find((j) => j.id === id);
  if (!job) throw new ApiError(404, `Fine-tune job ${id} not found`, 'invalid_request_error', 'not_found', 'id');
  return job;
}

function num(body: Record<string, unknown>, key: string, fallback: number, ok: (n: number) => boolean, range: string): number {
  const v = body[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) throw invalid(`${key} must be ${range}, got ${JSON.stringify(v)}.`, key);
  return v;
}

const int = (lo: number, hi: number) => (n: number) => Number.isInteger(n) && n >= lo && n <= hi;

/** A file fine-tuning can use: processed and valid. */
function usableFile(tg: TogetherSandbox, id: unknown, param: string): TogetherFile {
  if (typeof id !== 'string' || id === '') throw invalid(`Missing required parameter: '${param}'.`, param);
  let file: TogetherFile;
  try {
    file = findFile(tg, id);
  } catch {
    throw invalid(`${param}: file ${id} does not exist.`, param);
  }
  if (file.processing_status === 'PENDING') throw invalid(`${param}: file ${id} has not finished processing yet; try again in a moment.`, param);
  if (file.processing_status !== 'COMPLETED') throw invalid(`${param}: file ${id} failed validation: ${file.validation_report?.error ?? 'invalid format'}`, param);
  return file;
}

function trainingType(raw: unknown, model: SandboxBaseModel): LoraType | { type: 'Full' } {
  if (raw === undefined || raw === null) {
    if (!model.limits.supports_full_training) throw invalid(`${model.name} supports LoRA fine-tuning only: send training_type {"type": "Lora", ...}.`, 'training_type');
    return { type: 'Full' };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) throw invalid('training_type must be an object.', 'training_type');
  const t = raw as Record<string, unknown>;
  if (t.type === 'Full') {
    if (!model.limits.supports_full_training) throw invalid(`${model.name} does not support full fine-tuning; use LoRA.`, 'training_type');
    return { type: 'Full' };
  }
  if (t.type !== 'Lora') throw invalid(`training_type.type must be "Lora" or "Full", got ${JSON.stringify(t.type)}.`, 'training_type.type');
  const maxRank = model.limits.lora_training.max_rank;
  const r = num(t, 'lora_r', maxRank, int(1, maxRank), `an integer from 1 to ${maxRank}`);
  const alpha = num(t, 'lora_alpha', r * 2, (n) => n > 0, 'a number above 0');
  const dropout = num(t, 'lora_dropout', 0, (n) => n >= 0 && n < 1, 'a number from 0 to below 1');
  const modules = t.lora_trainable_modules ?? 'all-linear';
  if (typeof modules !== 'string') throw invalid('lora_trainable_modules must be a string.', 'lora_trainable_modules');
  const allowed = model.limits.lora_training.target_modules;
  const unknown = modules === 'all-linear' ? [] : modules.split(',').map((m) => m.trim()).filter((m) => !allowed.includes(m));
  if (unknown.length > 0) throw invalid(`lora_trainable_modules: ${unknown.join(', ')} not in ${allowed.join(', ')} (or all-linear).`, 'lora_trainable_modules');
  return { type: 'Lora', lora_r: r, lora_alpha: alpha, lora_dropout: dropout, lora_trainable_modules: modules };
}

/**
 * 'auto' trains on the inputs only for plain `text` datasets. The job reports what was decided
 * (a boolean), which is also all the document's schema accepts.
 */
function resolveTrainOnInputs(value: boolean | 'auto', file: TogetherFile): boolean {
  return value === 'auto' ? file.validation_report?.dataset_format === 'general' : value;
}

function trainingMethod(raw: unknown, trainOnInputs: boolean | 'auto', file: TogetherFile): TrainingMethod {
  if (raw === undefined || raw === null) return { method: 'sft', train_on_inputs: resolveTrainOnInputs(trainOnInputs, file) };
  const m = raw as Record<string, unknown>;
  if (m.method === 'sft') {
    const t = m.train_on_inputs ?? trainOnInputs;
    if (t !== true && t !== false && t !== 'auto') throw invalid('train_on_inputs must be true, false or "auto".', 'training_method.train_on_inputs');
    return { method: 'sft', train_on_inputs: resolveTrainOnInputs(t, file) };
  }
  if (m.method === 'dpo') {
    return { method: 'dpo', dpo_beta: num(m, 'dpo_beta', 0.1, (n) => n > 0 && n <= 10, 'a number above 0 and at most 10') };
  }
  throw invalid(`training_method.method must be "sft" or "dpo", got ${JSON.stringify(m.method)}.`, 'training_method.method');
}

function outputName(model: string, suffix: string | undefined, id: string): string {
  const base = model.split('/').pop()!;
  return `${USER_NAME}/${base}${suffix ? `-${suffix}` : ''}-${id.slice(0, 6)}`;
}

export const createFineTune: TogetherHandler = async ({ tg, req }) => {
  const body = await readJson(req);
  if (typeof body.model !== 'string' || body.model === '') throw invalid("Missing required parameter: 'model'.", 'model');
  const model = findBaseModel(body.model);
  if (!model) throw invalid(`Model ${body.model} is not supported for fine-tuning. See GET /fine-tunes/models/supported.`, 'model');
  const training = usableFile(tg, body.training_file, 'training_file');
  const validation = body.validation_file === undefined || body.validation_file === null || body.validation_file === '' ? null : usableFile(tg, body.validation_file, 'validation_file');
  const L = model.limits;
  const nEpochs = num(body, 'n_epochs', 1, int(1, L.max_num_epochs), `an integer from 1 to ${L.max_num_epochs}`);
  const nCheckpoints = num(body, 'n_checkpoints', 1, int(1, L.max_num_checkpoints), `an integer from 1 to ${L.max_num_checkpoints}`);
  const nEvals = num(body, 'n_evals', 0, int(0, L.max_num_evals), `an integer from 0 to ${L.max_num_evals}`);
  if (nEvals > 0 && validation === null) throw invalid('n_evals > 0 needs a validation_file.', 'n_evals');
  const type = trainingType(body.training_type, model);
  const full = type.type === 'Full';
  const trainOnInputs = body.train_on_inputs ?? 'auto';
  if (trainOnInputs !== true && trainOnInputs !== false && trainOnInputs !== 'auto') throw invalid('train_on_inputs must be true, false or "auto".', 'train_on_inputs');
  const method = trainingMethod(body.training_method, trainOnInputs, training);
  const dpo = method.method === 'dpo';
  if (dpo && L.max_seq_length_dpo === 0) throw invalid(`${model.name} does not support DPO training.`, 'training_method');
  const batchLimits = full ? L.full_training : L.lora_training;
  const maxBatch = dpo ? batchLimits.max_batch_size_dpo : batchLimits.max_batch_size;
  const rawBatch = body.batch_size ?? 'max';
  if (rawBatch !== 'max' && !(typeof rawBatch === 'number' && int(batchLimits.min_batch_size, maxBatch)(rawBatch))) {
    throw invalid(`batch_size must be "max" or an integer from ${batchLimits.min_batch_size} to ${maxBatch}, got ${JSON.stringify(rawBatch)}.`, 'batch_size');
  }
  const maxSeqLimit = dpo ? L.max_seq_length_dpo : L.max_seq_length_sft;
  const lr = num(body, 'learning_rate', 1e-5, (n) => n > L.min_learning_rate && n <= L.max_learning_rate, `a number above ${L.min_learning_rate} and at most ${L.max_learning_rate}`);
  const warmup = num(body, 'warmup_ratio', 0, (n) => n >= 0 && n < 1, 'a number from 0 to below 1');
  const maxSeq = num(body, 'max_seq_length', maxSeqLimit, int(L.min_max_seq_length, maxSeqLimit), `an integer from ${L.min_max_seq_length} to ${maxSeqLimit}`);
  const scheduler = (body.lr_scheduler ?? { lr_scheduler_type: 'linear', lr_scheduler_args: { min_lr_ratio: 0 } }) as TogetherJob['lr_scheduler'];
  if (typeof scheduler !== 'object' || scheduler === null) throw invalid('lr_scheduler must be an object.', 'lr_scheduler');
  if (scheduler.lr_scheduler_type !== 'linear' && scheduler.lr_scheduler_type !== 'cosine') throw invalid('lr_scheduler.lr_scheduler_type must be "linear" or "cosine".', 'lr_scheduler');
  const suffix = typeof body.suffix === 'string' && body.suffix !== '' ? body.suffix : undefined;
  if (suffix !== undefined && (suffix.length > 40 || !/^[A-Za-z0-9_-]+$/.test(suffix))) throw invalid('suffix must be at most 40 letters, digits, - or _.', 'suffix');
  const seed = body.random_seed ?? null;
  if (seed !== null && !(typeof seed === 'number' && Number.isInteger(seed))) throw invalid('random_seed must be an integer or null.', 'random_seed');
  const now = tg.clock.now();
  // The live service names jobs `ft-<uuid>`; the document says the id is a uuid (format checked),
  // so the sandbox sends a bare uuid and ftui treats job ids as opaque (README-gaps.md).
  const id = nextUuid(tg.state, 'ft');
  const job: TogetherJob = {
    id,
    status: 'pending',
    created_at: iso(now),
    updated_at: iso(now),
    user_id: USER_ID,
    owner_address: USER_ID,
    model: model.name,
    model_output_name: outputName(model.name, suffix, id),
    training_file: training.id,
    ...(validation ? { validation_file: validation.id } : {}),
    ...(suffix ? { suffix } : {}),
    n_epochs: nEpochs,
    n_checkpoints: nCheckpoints,
    n_evals: nEvals,
    batch_size: rawBatch === 'max' ? maxBatch : rawBatch,
    learning_rate: lr,
    // Cosine arguments are echoed only when sent: the document's oneOf cannot tell them from
    // linear ones (see README-gaps.md).
    lr_scheduler: {
      lr_scheduler_type: scheduler.lr_scheduler_type,
      ...(scheduler.lr_scheduler_args ? { lr_scheduler_args: scheduler.lr_scheduler_args } : scheduler.lr_scheduler_type === 'linear' ? { lr_scheduler_args: { min_lr_ratio: 0 } } : {}),
    },
    warmup_ratio: warmup,
    max_grad_norm: num(body, 'max_grad_norm', 1, (n) => n >= 0, 'a number of at least 0'),
    weight_decay: num(body, 'weight_decay', 0, (n) => n >= 0, 'a number of at least 0'),
    max_seq_length: maxSeq,
    packing: body.packing !== false,
    random_seed: seed as number | null,
    train_on_inputs: method.method === 'sft' ? method.train_on_inputs : false,
    training_method: method,
    training_type: type,
    token_count: 0,
    param_count: Math.round(model.billions * 1e9),
    epochs_completed: 0,
    eval_steps: 0,
    queue_depth: 0,
    trainingfile_numlines: training.line_count,
    trainingfile_size: training.bytes,
    progress: { estimate_available: false, seconds_remaining: 0 },
  };
  tg.state.jobs.unshift(job);
  tg.state.runs[id] = newRun(now, training.line_count, job);
  tg.state.events[id] = [];
  addEvent(tg.state, job, now, 'job_pending', 'Fine tune request created');
  return job;
};

/** The list gives each job without its events (the service's truncated form). */
function truncated(job: TogetherJob): Omit<TogetherJob, 'epochs_completed' | 'eval_steps' | 'queue_depth' | 'trainingfile_numlines' | 'trainingfile_size' | 'param_count'> {
  const { epochs_completed: _e, eval_steps: _s, queue_depth: _q, trainingfile_numlines: _n, trainingfile_size: _z, param_count: _p, ...rest } = job;
  return rest;
}

export const listFineTunes: TogetherHandler = ({ tg }) => ({ data: tg.state.jobs.map(truncated) });

export const getFineTune: TogetherHandler = ({ tg, params }) => {
  const job = findJob(tg, params[0]!);
  return { ...job, events: tg.state.events[job.id] ?? [] };
};

export const cancelFineTune: TogetherHandler = ({ tg, params }) => {
  const job = findJob(tg, params[0]!);
  if (TERMINAL.has(job.status) || job.status === 'cancel_requested') throw invalid(`Job ${job.id} is ${job.status} and cannot be cancelled.`, 'id');
  const now = tg.clock.now();
  job.status = 'cancel_requested';
  job.updated_at = iso(now);
  addEvent(tg.state, job, now, 'cancel_requested', 'Cancel requested');
  return truncated(job);
};

export const listEvents: TogetherHandler = ({ tg, params }) => ({ data: tg.state.events[findJob(tg, params[0]!).id] ?? [] });

export const listCheckpoints: TogetherHandler = ({ tg, params }) => ({ data: [...(tg.state.checkpoints[findJob(tg, params[0]!).id] ?? [])].reverse() });

export const listMetrics: TogetherHandler = ({ tg, params, url }) => {
  const job = findJob(tg, params[0]!);
  const bound = (k: string): number | null => {
    const v = url.searchParams.get(k);
    if (v === null) return null;
    const n = Number(v);
    if (!Number.isInteger(n)) throw invalid(`${k} must be an integer.`, k);
    return n;
  };
  const from = bound('global_step_from');
  const to = bound('global_step_to');
  const rows = (tg.state.metrics[job.id] ?? []).filter((m) => (from === null || m.global_step! >= from) && (to === null || m.global_step! <= to));
  return { metrics: rows };
};

export const estimatePrice: TogetherHandler = async ({ tg, req }) => {
  const body = await readJson(req);
  if (typeof body.training_file !== 'string') throw invalid("Missing required parameter: 'training_file'.", 'training_file');
  const training = findFile(tg, body.training_file);
  const modelName = typeof body.model === 'string' ? body.model : BASE_MODELS[0]!.name;
  const model = findBaseModel(modelName);
  if (!model) throw invalid(`Model ${modelName} is not supported for fine-tuning.`, 'model');
  if (training.processing_status !== 'COMPLETED') {
    return { estimation_available: false, unavailable_reason: training.processing_status === 'PENDING' ? 'train_file_not_validated' : 'train_file_invalid' };
  }
  const validation = typeof body.validation_file === 'string' ? findFile(tg, body.validation_file) : null;
  const nEpochs = typeof body.n_epochs === 'number' ? body.n_epochs : 1;
  const nEvals = typeof body.n_evals === 'number' ? body.n_evals : 0;
  const full = (body.training_type as { type?: string } | undefined)?.type === 'Full';
  const dpo = (body.training_method as { method?: string } | undefined)?.method === 'dpo';
  const tokensOf = (f: TogetherFile) => Math.max(1, Math.ceil((tg.state.fileContents[f.id] ?? '').length / 4));
  const trainTokens = tokensOf(training) * nEpochs;
  const evalTokens = validation ? tokensOf(validation) * nEvals : 0;
  const price = ((trainTokens + evalTokens) / 1e6) * pricePerMillion(model, full, dpo);
  return {
    estimation_available: true,
    estimated_total_price: Math.round(price * 1e6) / 1e6,
    allowed_to_proceed: true,
    user_limit: 1000,
    estimated_train_token_count: trainTokens,
    estimated_eval_token_count: evalTokens,
  };
};

export const supportedModels: TogetherHandler = () => ({ models: BASE_MODELS.map((m) => m.name) });

export const modelLimits: TogetherHandler = ({ url }) => {
  const name = url.searchParams.get('model_name');
  if (name === null || name === '') throw invalid("Missing required parameter: 'model_name'.", 'model_name');
  const model = findBaseModel(name);
  if (!model) throw new ApiError(404, `Model ${name} is not supported for fine-tuning.`, 'invalid_request_error', 'not_found', 'model_name');
  return { model_name: model.name, ...model.limits };
};

/** True for a model name that is some completed job's output. */
export function fineTunedOutput(tg: TogetherSandbox, name: string): TogetherJob | undefined {
  return tg.state.jobs.find((j) => j.status === 'completed' && j.model_output_name === name);
}
