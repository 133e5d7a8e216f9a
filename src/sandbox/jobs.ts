// /v1/fine_tuning/jobs: create, list, retrieve, cancel, pause, resume, events, checkpoints.
import { findFile } from './files.js';
import { NEBIUS_BASES } from './flavors.js';
import { invalid, limitParam, notFound, page, readJson, requiredString, optionalString, seconds } from './http.js';
import { BASE_MODELS } from './models.js';
import type { Handler, Sandbox } from './sandbox.js';
import { addEvent, isTerminal, newRun } from './simulator.js';
import { nextId, ORGANIZATION_ID, type Hyperparameters, type JobRecord } from './state.js';

function findJob(sb: Sandbox, id: string): JobRecord {
  const job = sb.state.jobs.find((j) => j.id === id);
  if (!job) throw notFound('fine-tuning job', id, 'fine_tuning_job_id');
  return job;
}

function autoOr(value: unknown, key: string, check: (n: number) => boolean, range: string): number | 'auto' {
  if (value === undefined || value === null || value === 'auto') return 'auto';
  if (typeof value !== 'number' || !check(value)) throw invalid(`Invalid '${key}': expected 'auto' or ${range}, got ${JSON.stringify(value)}.`, `hyperparameters.${key}`);
  return value;
}

function parseHyper(raw: unknown, dpo: boolean): Hyperparameters {
  const h = raw === undefined || raw === null ? {} : raw;
  if (typeof h !== 'object' || Array.isArray(h)) throw invalid("'hyperparameters' must be an object.", 'hyperparameters');
  const r = h as Record<string, unknown>;
  const out: Hyperparameters = {
    batch_size: autoOr(r.batch_size, 'batch_size', (n) => Number.isInteger(n) && n >= 1 && n <= 256, 'an integer from 1 to 256'),
    learning_rate_multiplier: autoOr(r.learning_rate_multiplier, 'learning_rate_multiplier', (n) => n > 0, 'a number above 0'),
    n_epochs: autoOr(r.n_epochs, 'n_epochs', (n) => Number.isInteger(n) && n >= 1 && n <= 50, 'an integer from 1 to 50'),
  };
  if (dpo) out.beta = autoOr(r.beta, 'beta', (n) => n > 0 && n <= 2, 'a number above 0 and at most 2');
  return out;
}

function parseMethod(body: Record<string, unknown>): JobRecord['method'] {
  const raw = body.method;
  if (raw === undefined || raw === null) {
    return { type: 'supervised', supervised: { hyperparameters: parseHyper(body.hyperparameters, false) } };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) throw invalid("'method' must be an object.", 'method');
  const m = raw as Record<string, unknown>;
  if (m.type !== 'supervised' && m.type !== 'dpo') {
    throw invalid(`The sandbox supports method.type 'supervised' or 'dpo', got ${JSON.stringify(m.type)}.`, 'method.type');
  }
  const inner = m[m.type] as Record<string, unknown> | undefined;
  const hyper = parseHyper(inner?.hyperparameters ?? body.hyperparameters, m.type === 'dpo');
  return m.type === 'dpo' ? { type: 'dpo', dpo: { hyperparameters: hyper } } : { type: 'supervised', supervised: { hyperparameters: hyper } };
}

function parseMetadata(raw: unknown): Record<string, string> | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw invalid("'metadata' must be an object of strings.", 'metadata');
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length > 16) throw invalid("'metadata' can have at most 16 keys.", 'metadata');
  for (const [k, v] of entries) {
    if (typeof v !== 'string' || k.length > 64 || v.length > 512) throw invalid(`'metadata.${k}' must be a string of at most 512 characters (key at most 64).`, 'metadata');
  }
  return raw as Record<string, string>;
}

function checkFile(sb: Sandbox, id: string, param: string): void {
  const file = findFile(sb, id, param);
  if (file.purpose !== 'fine-tune') throw invalid(`File ${id} has purpose '${file.purpose}', but fine-tuning needs purpose 'fine-tune'.`, param, `invalid_${param}`);
}

/** Nebius's hyperparameters: numbers (and two switches) with the service's defaults, no 'auto'. */
const NEBIUS_HYPER: Record<string, { default: number | boolean; check: (v: unknown) => boolean; range: string }> = {
  batch_size: { default: 8, check: (v) => Number.isInteger(v) && (v as number) >= 8 && (v as number) <= 32, range: 'an integer from 8 to 32' },
  learning_rate: { default: 0.00001, check: (v) => typeof v === 'number' && v > 0 && v <= 1, range: 'a number above 0, at most 1' },
  n_epochs: { default: 3, check: (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 20, range: 'an integer from 1 to 20' },
  warmup_ratio: { default: 0, check: (v) => typeof v === 'number' && v >= 0 && v <= 1, range: 'a number from 0 to 1' },
  weight_decay: { default: 0, check: (v) => typeof v === 'number' && v >= 0, range: 'a number from 0' },
  lora: { default: false, check: (v) => typeof v === 'boolean', range: 'true or false' },
  lora_r: { default: 8, check: (v) => Number.isInteger(v) && (v as number) >= 8 && (v as number) <= 128, range: 'an integer from 8 to 128' },
  lora_alpha: { default: 8, check: (v) => Number.isInteger(v) && (v as number) >= 8 && (v as number) <= 256, range: 'an integer from 8 to 256' },
  lora_dropout: { default: 0, check: (v) => typeof v === 'number' && v >= 0 && v <= 1, range: 'a number from 0 to 1' },
  packing: { default: true, check: (v) => typeof v === 'boolean', range: 'true or false' },
  max_grad_norm: { default: 1, check: (v) => typeof v === 'number' && v >= 0, range: 'a number from 0' },
  context_length: { default: 8192, check: (v) => Number.isInteger(v) && (v as number) >= 1024 && (v as number) <= 131072, range: 'an integer from 1024 to 131072' },
};

function parseNebiusHyper(raw: unknown): Record<string, number | boolean> {
  const given = raw === undefined || raw === null ? {} : raw;
  if (typeof given !== 'object' || Array.isArray(given)) throw invalid("'hyperparameters' must be an object.", 'hyperparameters');
  const out: Record<string, number | boolean> = {};
  for (const [key, v] of Object.entries(given as Record<string, unknown>)) {
    const spec = NEBIUS_HYPER[key];
    if (!spec) throw invalid(`Unknown hyperparameter '${key}'${key === 'learning_rate_multiplier' ? ": Nebius takes an absolute 'learning_rate'" : ''}.`, `hyperparameters.${key}`);
    if (!spec.check(v)) throw invalid(`Invalid 'hyperparameters.${key}': expected ${spec.range}, got ${JSON.stringify(v)}.`, `hyperparameters.${key}`);
    out[key] = v as number | boolean;
  }
  for (const [key, spec] of Object.entries(NEBIUS_HYPER)) out[key] ??= spec.default;
  return out;
}

/** Azure's training tiers (its fine-tuning guide): regional, global, or developer (spot capacity). */
const AZURE_TRAINING_TYPES = ['standard', 'globalstandard', 'developertier'];

export const createJob: Handler = async ({ sb, req }) => {
  const body = await readJson(req);
  const model = requiredString(body, 'model');
  const nebius = sb.state.flavor === 'nebius';
  const base = BASE_MODELS.find((m) => m.id === model);
  if (nebius ? !NEBIUS_BASES.includes(model) : !base?.fineTunable) throw invalid(`Model ${model} is not available for fine-tuning or does not exist.`, 'model', 'model_not_available');
  let trainingType: string | undefined;
  if (sb.state.flavor === 'azure' && body.trainingType !== undefined) {
    const t = typeof body.trainingType === 'string' ? body.trainingType.toLowerCase() : '';
    if (!AZURE_TRAINING_TYPES.includes(t)) throw invalid(`Invalid 'trainingType': expected one of ${AZURE_TRAINING_TYPES.join(', ')}, got ${JSON.stringify(body.trainingType)}.`, 'trainingType');
    trainingType = t;
  }
  const trainingFile = requiredString(body, 'training_file');
  checkFile(sb, trainingFile, 'training_file');
  const validationFile = optionalString(body, 'validation_file');
  if (validationFile !== null) checkFile(sb, validationFile, 'validation_file');
  const suffix = optionalString(body, 'suffix');
  if (suffix !== null && (suffix.length > 64 || !/^[A-Za-z0-9_-]*$/.test(suffix))) {
    throw invalid("'suffix' must be at most 64 letters, digits, '-' or '_'.", 'suffix');
  }
  const nebiusHyper = nebius ? parseNebiusHyper(body.hyperparameters) : null;
  // Nebius's hyperparameters are top-level only: the method carries no copy of them.
  const method: JobRecord['method'] = nebius ? { type: 'supervised' } : parseMethod(body);
  let seed = body.seed;
  if (seed === undefined || seed === null) seed = (sb.state.seq * 2654435761) % 2147483647;
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 2147483647) throw invalid("'seed' must be an integer from 0 to 2147483647.", 'seed');
  const hyper = (method.type === 'dpo' ? method.dpo : method.supervised)?.hyperparameters ?? { batch_size: 'auto', learning_rate_multiplier: 'auto', n_epochs: 'auto' };
  const now = sb.clock.now();
  const job: JobRecord = {
    id: nextId(sb.state, 'ftjob-'),
    object: 'fine_tuning.job',
    created_at: seconds(now),
    error: null,
    fine_tuned_model: null,
    finished_at: null,
    hyperparameters: (nebiusHyper as JobRecord['hyperparameters'] | null) ?? { batch_size: hyper.batch_size, learning_rate_multiplier: hyper.learning_rate_multiplier, n_epochs: hyper.n_epochs },
    model,
    organization_id: ORGANIZATION_ID,
    result_files: [],
    status: 'validating_files',
    trained_tokens: null,
    training_file: trainingFile,
    validation_file: validationFile,
    integrations: null,
    seed,
    estimated_finish: null,
    method,
    // Nebius keeps no metadata on a job (its document has none); OpenAI and Azure do.
    metadata: nebius ? null : parseMetadata(body.metadata),
    user_provided_suffix: suffix,
    ...(nebius ? { trained_steps: null, total_steps: null } : {}),
    ...(trainingType !== undefined ? { trainingType } : {}),
  };
  sb.state.jobs.unshift(job);
  sb.state.runs[job.id] = newRun(now);
  addEvent(sb.state, job, now, `Created fine-tuning job: ${job.id}`);
  addEvent(sb.state, job, now, `Validating training file: ${trainingFile}${validationFile ? ` and validation file: ${validationFile}` : ''}`);
  return job;
};

/** `metadata[key]=value` query parameters, as the service filters the job list. */
function metadataFilter(query: URLSearchParams): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of query) {
    const m = /^metadata\[(.+)\]$/.exec(name);
    if (m) pairs.push([m[1]!, value]);
  }
  return pairs;
}

export const listJobs: Handler = ({ sb, url }) => {
  const limit = limitParam(url.searchParams, 20, 100);
  const wanted = metadataFilter(url.searchParams);
  const jobs = wanted.length === 0 ? sb.state.jobs : sb.state.jobs.filter((j) => wanted.every(([k, v]) => j.metadata?.[k] === v));
  const { data, has_more } = page(jobs, url.searchParams.get('after'), limit);
  return { object: 'list', data, has_more };
};

export const getJob: Handler = ({ sb, params }) => findJob(sb, params[0]!);

export const cancelJob: Handler = ({ sb, params }) => {
  const job = findJob(sb, params[0]!);
  if (isTerminal(job.status)) throw invalid(`Job ${job.id} has already ${job.status === 'cancelled' ? 'been cancelled' : job.status}.`, null);
  const now = sb.clock.now();
  job.status = 'cancelled';
  job.finished_at = seconds(now);
  job.estimated_finish = null;
  addEvent(sb.state, job, now, 'Fine-tuning job cancelled');
  return job;
};

export const pauseJob: Handler = ({ sb, params }) => {
  const job = findJob(sb, params[0]!);
  if (job.status !== 'running') throw invalid(`Only a running job can be paused; ${job.id} is ${job.status}.`, null);
  const now = sb.clock.now();
  sb.state.runs[job.id]!.pausedFrom = job.status;
  job.status = 'paused';
  job.estimated_finish = null;
  addEvent(sb.state, job, now, 'Fine-tuning job paused');
  return job;
};

export const resumeJob: Handler = ({ sb, params }) => {
  const job = findJob(sb, params[0]!);
  if (job.status !== 'paused') throw invalid(`Only a paused job can be resumed; ${job.id} is ${job.status}.`, null);
  const run = sb.state.runs[job.id]!;
  const now = sb.clock.now();
  job.status = run.pausedFrom ?? 'running';
  run.pausedFrom = null;
  run.lastTickMs = now;
  job.estimated_finish = seconds(now + (run.finishAt - run.progressMs) / sb.speed);
  addEvent(sb.state, job, now, 'Fine-tuning job resumed');
  return job;
};

export const listEvents: Handler = ({ sb, params, url }) => {
  const job = findJob(sb, params[0]!);
  const limit = limitParam(url.searchParams, 20, 1000);
  const { data, has_more } = page(sb.state.events[job.id] ?? [], url.searchParams.get('after'), limit);
  return { object: 'list', data, has_more };
};

export const listCheckpoints: Handler = ({ sb, params, url }) => {
  const job = findJob(sb, params[0]!);
  const limit = limitParam(url.searchParams, 10, 100);
  const { data, has_more } = page(sb.state.checkpoints[job.id] ?? [], url.searchParams.get('after'), limit);
  return { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more };
};

