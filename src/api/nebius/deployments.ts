// Nebius custom models as ftui's DeploymentService: a fine-tune's checkpoint is served after
// POST /v0/models {name, base_model, source: "<job>:<checkpoint>"} and is ready once
// GET /v0/models/{name} says active. A LoRA is served serverless: billed per token at the base
// model's price, nothing by the hour, so it needs no auto-stop; deleting it frees the name.
// The create carries ftui's client id in its description, which the service keeps, so a create
// whose answer was lost is found in the list instead of being sent twice.
import type OpenAI from 'openai';
import { toEpochMs } from '../openai/normalize.js';
import { mapErrors } from '../openai/errors.js';
import { ProviderError, type DeploymentOption, type DeploymentRecord, type DeploymentRequest, type DeploymentService, type DeploymentState, type JobRecord } from '../types.js';

export const sourceOf = (jobId: string, checkpointId: string): string => `${jobId}:${checkpointId}`;

/** The name ftui gives a deployment: short, from the client id, so a retry names the same one. */
export const nameFor = (clientId: string): string => `ftui-${clientId.replace(/^ftui-/, '').replace(/[^A-Za-z0-9-]/g, '').slice(0, 12).toLowerCase()}`;

const markerOf = (clientId: string): string => `created by ftui (request ${clientId})`;

const STATES: Record<string, DeploymentState> = { validating: 'starting', active: 'ready', error: 'failed', deleted: 'stopped' };

interface Wire {
  name?: unknown;
  base_model?: unknown;
  source?: unknown;
  status?: unknown;
  created_at?: unknown;
  description?: unknown;
  job_id?: unknown;
  checkpoint_id?: unknown;
  flavors?: { input_price_per_million_tokens?: unknown; output_price_per_million_tokens?: unknown }[];
}

export class NebiusDeployments implements DeploymentService {
  readonly stopDeletes = true;
  readonly offersAutoStop = false;
  /** Short name -> the full name it answers to in chat, learnt from the create's answer. */
  private readonly fullNames = new Map<string, string>();

  constructor(
    private readonly client: OpenAI,
    private readonly job: (id: string) => Promise<JobRecord>,
  ) {}

  private record(raw: unknown, shortName?: string): DeploymentRecord {
    const w = (raw ?? {}) as Wire;
    const full = typeof w.name === 'string' ? w.name : '';
    // The list and GET by short name answer with the full name; keep the short one as the id.
    const id = shortName ?? [...this.fullNames.entries()].find(([, f]) => f === full)?.[0] ?? full;
    if (shortName !== undefined && full !== '') this.fullNames.set(shortName, full);
    const rawState = typeof w.status === 'string' ? w.status : 'unknown';
    const flavor = w.flavors?.[0];
    const input = typeof flavor?.input_price_per_million_tokens === 'number' ? flavor.input_price_per_million_tokens : null;
    const output = typeof flavor?.output_price_per_million_tokens === 'number' ? flavor.output_price_per_million_tokens : null;
    const source = typeof w.source === 'string' ? w.source : typeof w.job_id === 'string' && typeof w.checkpoint_id === 'string' ? sourceOf(w.job_id, w.checkpoint_id) : '';
    return {
      id,
      model: source,
      chatModel: full || id,
      state: STATES[rawState] ?? 'unknown',
      rawState,
      hardware: 'serverless',
      usdPerHour: null,
      autoStopMinutes: null,
      createdAt: toEpochMs(w.created_at) ?? 0,
      expiresAt: null,
      usdPerMillionTokens: input !== null && output !== null ? { input, output } : null,
    };
  }

  async options(): Promise<DeploymentOption[]> {
    return [
      {
        id: 'serverless',
        label: 'Serverless LoRA',
        usdPerHour: null,
        available: true,
        lifetimeHours: null,
        note: "no hourly charge: each request is billed per token at the base model's price",
      },
    ];
  }

  async create(request: DeploymentRequest): Promise<DeploymentRecord> {
    const [jobId] = request.model.split(':');
    if (!jobId || !request.model.includes(':')) {
      throw new ProviderError({ kind: 'invalid_request', message: `Nebius deploys a checkpoint (<job>:<checkpoint>), not ${request.model}.`, param: 'source' }, 400);
    }
    const job = await this.job(jobId);
    const name = nameFor(request.clientId);
    const created = await mapErrors(() =>
      this.client.post('/v0/models', { body: { name, base_model: job.model, source: request.model, description: markerOf(request.clientId) }, maxRetries: 0 }),
    );
    return this.record(created, name);
  }

  async find(request: DeploymentRequest, since: number): Promise<DeploymentRecord | null> {
    const all = await this.listRaw();
    const found = all.find((w) => w.description === markerOf(request.clientId) && (toEpochMs(w.created_at) ?? since) >= since - 60_000);
    return found === undefined ? null : this.record(found, nameFor(request.clientId));
  }

  async get(id: string): Promise<DeploymentRecord> {
    return this.record(await mapErrors(() => this.client.get(`/v0/models/${encodeURIComponent(id)}`)), id);
  }

  private async listRaw(): Promise<Wire[]> {
    const list = await mapErrors(() => this.client.get<unknown>('/v0/models'));
    const items = Array.isArray(list) ? list : ((list as { data?: unknown[] } | null)?.data ?? []);
    return items as Wire[];
  }

  async list(): Promise<DeploymentRecord[]> {
    return (await this.listRaw()).filter((w) => w.status !== 'deleted').map((w) => this.record(w));
  }

  async stop(id: string): Promise<DeploymentRecord> {
    const current = await this.get(id);
    await mapErrors(() => this.client.delete(`/v0/models/${encodeURIComponent(id)}`));
    return { ...current, state: 'stopped', rawState: 'deleted' };
  }
}
