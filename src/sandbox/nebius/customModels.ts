// Nebius's /v0/models: a finished job's checkpoint served as a custom model. POST takes
// {name, base_model, source: "<job>:<checkpoint>", description} and answers with the full name
// the model will answer to (the service prefixes the base's LoRA family and adds a short random
// tail), status "validating"; it turns "active" as sandbox time passes. GET lists them (an array)
// or reads one by its short name; DELETE removes it. From Nebius's API reference.
import { createHash } from 'node:crypto';
import { DEPLOY_MS, NEBIUS_BASES } from '../flavors.js';
import { ApiError, invalid, readJson, requiredString, optionalString, seconds } from '../http.js';
import type { Handler, Sandbox } from '../sandbox.js';
import type { CustomModelRecord } from '../state.js';

function models(sb: Sandbox): CustomModelRecord[] {
  if (sb.state.flavor !== 'nebius') throw new ApiError(404, 'Not Found', 'invalid_request_error');
  return (sb.state.customModels ??= []);
}

function wire(m: CustomModelRecord) {
  const [job_id, checkpoint_id] = m.source.split(':');
  return { name: m.name, base_model: m.base_model, source: m.source, created_at: m.created_at, status: m.status, description: m.description, job_id, checkpoint_id, type: 'text2text' };
}

function find(sb: Sandbox, name: string): CustomModelRecord {
  const m = models(sb).find((x) => (x.short_name === name || x.name === name) && x.status !== 'deleted');
  if (!m) throw new ApiError(404, `Model ${name} not found`, 'invalid_request_error', 'not_found');
  return m;
}

export const createCustomModel: Handler = async ({ sb, req }) => {
  const list = models(sb);
  const body = await readJson(req);
  const name = requiredString(body, 'name');
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(name)) throw invalid("'name' must be 1-63 lowercase letters, digits or '-'.", 'name');
  if (list.some((m) => m.short_name === name && m.status !== 'deleted')) throw new ApiError(409, `A model named ${name} already exists.`, 'invalid_request_error', 'conflict', 'name');
  const base = requiredString(body, 'base_model');
  if (!NEBIUS_BASES.includes(base)) throw invalid(`Base model ${base} does not take LoRA adapters or does not exist.`, 'base_model');
  const source = requiredString(body, 'source');
  const [jobId, checkpointId] = source.split(':');
  const job = sb.state.jobs.find((j) => j.id === jobId);
  const checkpoint = job ? (sb.state.checkpoints[job.id] ?? []).find((c) => c.id === checkpointId) : undefined;
  if (!job || !checkpoint) throw invalid(`Source ${source} is not a checkpoint of one of your fine-tuning jobs (expected <job_id>:<checkpoint_id>).`, 'source');
  if (job.model !== base) throw invalid(`Checkpoint ${source} was trained from ${job.model}, not ${base}.`, 'base_model');
  const now = sb.clock.now();
  const tail = createHash('sha256').update(`${name}${list.length}`).digest('hex').slice(0, 4);
  const record: CustomModelRecord = {
    short_name: name,
    name: `${base}-LoRa:${name}-${tail}`,
    base_model: base,
    source,
    description: optionalString(body, 'description'),
    created_at: seconds(now),
    status: 'validating',
    ready_at_ms: now + DEPLOY_MS / sb.speed,
  };
  list.push(record);
  return wire(record);
};

export const listCustomModels: Handler = ({ sb }) => models(sb).filter((m) => m.status !== 'deleted').map(wire);

export const getCustomModel: Handler = ({ sb, params }) => wire(find(sb, params.join('/')));

export const deleteCustomModel: Handler = ({ sb, params }) => {
  const m = find(sb, params.join('/'));
  m.status = 'deleted';
  return wire(m);
};
