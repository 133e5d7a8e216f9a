// Dedicated endpoints, the way a Together fine-tune is served: hardware with its per-minute
// price, create (PENDING -> STARTING -> STARTED a few seconds later), retrieve, list, update
// (stop or start, inactivity timeout), delete. A started endpoint with an inactivity timeout stops
// itself after that many minutes without a request, as the service does.
import { ApiError, invalid, readJson } from '../http.js';
import { BASE_MODELS, findBaseModel, type SandboxBaseModel } from './catalog.js';
import type { TogetherHandler, TogetherSandbox } from './context.js';
import { fineTunedOutput } from './fineTunes.js';
import { iso, nextUuid, USER_NAME, type EndpointState, type TogetherEndpoint } from './state.js';

/** Simulated ms at speed 1. */
export const ENDPOINT_PHASES = { pendingMs: 1000, startingMs: 4000, stoppingMs: 1000 } as const;

function baseOf(tg: TogetherSandbox, model: string): SandboxBaseModel | undefined {
  return findBaseModel(model) ?? findBaseModel(fineTunedOutput(tg, model)?.model ?? '');
}

function hardwareList(models: SandboxBaseModel[]) {
  const seen = new Map<string, SandboxBaseModel['hardware']>();
  for (const m of models) seen.set(m.hardware.id, m.hardware);
  return [...seen.values()].map((h) => ({
    object: 'hardware' as const,
    id: h.id,
    pricing: { cents_per_minute: h.centsPerMinute },
    specs: { gpu_type: h.gpuType, gpu_link: 'sxm', gpu_memory: 80, gpu_count: h.gpuCount },
    availability: { status: 'available' as const },
    updated_at: '2026-11-01T00:00:00.000Z',
  }));
}

export const listHardware: TogetherHandler = ({ tg, url }) => {
  const model = url.searchParams.get('model');
  if (model === null) return { object: 'list', data: hardwareList(BASE_MODELS) };
  const base = baseOf(tg, model);
  if (!base) throw invalid(`Model ${model} cannot be deployed on a dedicated endpoint.`, 'model');
  return { object: 'list', data: hardwareList([base]) };
};

function findEndpoint(tg: TogetherSandbox, id: string): TogetherEndpoint {
  const e = tg.state.endpoints.find((x) => x.id === id);
  if (!e) throw new ApiError(404, `Endpoint ${id} not found`, 'invalid_request_error', 'not_found');
  return e;
}

function setState(tg: TogetherSandbox, e: TogetherEndpoint, state: EndpointState, atMs: number): void {
  e.state = state;
  const run = (tg.state.endpointRuns[e.id] ??= { stateSinceMs: atMs, lastUsedMs: atMs });
  run.stateSinceMs = atMs;
  if (state === 'STARTED') run.lastUsedMs = atMs;
}

function timeoutOf(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw invalid('inactive_timeout must be a whole number of minutes (0 or null turns it off).', 'inactive_timeout');
  return value === 0 ? null : value;
}

export const createEndpoint: TogetherHandler = async ({ tg, req }) => {
  const body = await readJson(req);
  if (typeof body.model !== 'string' || body.model === '') throw invalid("Missing required parameter: 'model'.", 'model');
  const base = baseOf(tg, body.model);
  if (!base) throw invalid(`Model ${body.model} is not a model this account can deploy (a supported base or a completed fine-tune).`, 'model');
  if (typeof body.hardware !== 'string' || !hardwareList([base]).some((h) => h.id === body.hardware)) {
    throw invalid(`Hardware ${JSON.stringify(body.hardware)} is not available for ${body.model}; see GET /hardware?model=...`, 'hardware');
  }
  const a = body.autoscaling as { min_replicas?: unknown; max_replicas?: unknown } | undefined;
  if (!a || typeof a.min_replicas !== 'number' || typeof a.max_replicas !== 'number' || a.min_replicas < 1 || a.max_replicas < a.min_replicas) {
    throw invalid('autoscaling needs min_replicas >= 1 and max_replicas >= min_replicas.', 'autoscaling');
  }
  const now = tg.clock.now();
  const id = `endpoint-${nextUuid(tg.state, 'endpoint')}`;
  const endpoint: TogetherEndpoint = {
    object: 'endpoint',
    id,
    name: `${USER_NAME}/${body.model.split('/').pop()!}-${id.slice(9, 17)}`,
    display_name: typeof body.display_name === 'string' ? body.display_name : body.model,
    model: body.model,
    hardware: body.hardware,
    type: 'dedicated',
    owner: USER_NAME,
    state: 'PENDING',
    autoscaling: { min_replicas: a.min_replicas, max_replicas: a.max_replicas },
    created_at: iso(now),
    inactive_timeout: timeoutOf(body.inactive_timeout),
  };
  tg.state.endpoints.unshift(endpoint);
  setState(tg, endpoint, body.state === 'STOPPED' ? 'STOPPED' : 'PENDING', now);
  return wire(endpoint);
};

const wire = (e: TogetherEndpoint) => {
  const { inactive_timeout: _t, ...rest } = e;
  return rest;
};

export const getEndpoint: TogetherHandler = ({ tg, params }) => wire(findEndpoint(tg, params[0]!));

export const listEndpoints: TogetherHandler = ({ tg }) => ({
  object: 'list',
  data: tg.state.endpoints.map((e) => ({ object: e.object, id: e.id, name: e.name, model: e.model, type: e.type, owner: e.owner, state: e.state, created_at: e.created_at })),
});

export const updateEndpoint: TogetherHandler = async ({ tg, req, params }) => {
  const e = findEndpoint(tg, params[0]!);
  const body = await readJson(req);
  const now = tg.clock.now();
  if (body.inactive_timeout !== undefined) e.inactive_timeout = timeoutOf(body.inactive_timeout);
  if (typeof body.display_name === 'string') e.display_name = body.display_name;
  if (body.state === 'STOPPED' && e.state !== 'STOPPED' && e.state !== 'STOPPING') setState(tg, e, 'STOPPING', now);
  else if (body.state === 'STARTED' && (e.state === 'STOPPED' || e.state === 'ERROR')) setState(tg, e, 'PENDING', now);
  else if (body.state !== undefined && body.state !== 'STOPPED' && body.state !== 'STARTED') throw invalid('state must be STARTED or STOPPED.', 'state');
  return wire(e);
};

export const deleteEndpoint: TogetherHandler = ({ tg, params, res }) => {
  const e = findEndpoint(tg, params[0]!);
  tg.state.endpoints = tg.state.endpoints.filter((x) => x !== e);
  delete tg.state.endpointRuns[e.id];
  res.writeHead(204);
  res.end();
  return undefined;
};

export function tickEndpoints(tg: TogetherSandbox, now: number): void {
  const scaled = (ms: number) => ms / tg.speed;
  for (const e of tg.state.endpoints) {
    const run = (tg.state.endpointRuns[e.id] ??= { stateSinceMs: now, lastUsedMs: now });
    if (e.state === 'PENDING' && now - run.stateSinceMs >= scaled(ENDPOINT_PHASES.pendingMs)) setState(tg, e, 'STARTING', run.stateSinceMs + scaled(ENDPOINT_PHASES.pendingMs));
    if (e.state === 'STARTING' && now - run.stateSinceMs >= scaled(ENDPOINT_PHASES.startingMs)) setState(tg, e, 'STARTED', run.stateSinceMs + scaled(ENDPOINT_PHASES.startingMs));
    if (e.state === 'STARTED' && e.inactive_timeout !== null && now - run.lastUsedMs >= scaled(e.inactive_timeout * 60_000)) {
      setState(tg, e, 'STOPPING', run.lastUsedMs + scaled(e.inactive_timeout * 60_000));
    }
    if (e.state === 'STOPPING' && now - run.stateSinceMs >= scaled(ENDPOINT_PHASES.stoppingMs)) setState(tg, e, 'STOPPED', run.stateSinceMs + scaled(ENDPOINT_PHASES.stoppingMs));
  }
}

/** The started endpoint that serves `model` (its name, or the model it was created for). */
export function servingEndpoint(tg: TogetherSandbox, model: string): TogetherEndpoint | undefined {
  return tg.state.endpoints.find((e) => e.state === 'STARTED' && (e.name === model || e.model === model));
}
