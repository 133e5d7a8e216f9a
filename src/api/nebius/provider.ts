// Nebius Token Factory: OpenAI's fine-tuning protocol (files, jobs, events, checkpoints, chat
// through the official openai SDK) with its own create fields (createFields.ts), progress in
// trained_steps/total_steps, checkpoints whose weights can be downloaded (result_files), no job
// metadata (a create's client id travels as its seed), and a deploy step before chat
// (deployments.ts). Everything Nebius-specific stays in this folder.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type OpenAI from 'openai';
import { OpenAIProvider } from '../openai/provider.js';
import { mapErrors } from '../openai/errors.js';
import { normalizeJob } from '../openai/normalize.js';
import type { CheckpointRecord, CreateJobInput, JobRecord, ModelRecord, ProviderCapabilities } from '../types.js';
import { NEBIUS_CREATE_FIELDS, NEBIUS_HYPERPARAMETERS } from './createFields.js';
import { NebiusDeployments, sourceOf } from './deployments.js';

export const NEBIUS_BASE_URL = 'https://api.tokenfactory.nebius.com/v1/';

export const NEBIUS_CAPABILITIES: ProviderCapabilities = {
  label: 'Nebius',
  dpo: false,
  pause: false,
  checkpoints: true,
  uploads: false,
  metricsEvents: true,
  deployStep: true,
  metricsSeries: false,
  priceEstimate: false,
  deployments: true,
  weightsDownload: true,
  createFields: NEBIUS_CREATE_FIELDS,
};

const WORDS: Record<string, string> = {
  lora: 'LoRA',
  lora_r: 'LoRA rank',
  lora_alpha: 'LoRA alpha',
  lora_dropout: 'LoRA dropout',
  packing: 'packing',
  max_grad_norm: 'max grad norm',
  context_length: 'context length',
  warmup_ratio: 'warmup ratio',
  weight_decay: 'weight decay',
};

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A Nebius job as ftui shows it: OpenAI's shape plus steps and its own settings in words. */
export function normalizeNebiusJob(raw: unknown): JobRecord {
  const job = normalizeJob(raw);
  const wire = (raw ?? {}) as { trained_steps?: unknown; total_steps?: unknown; hyperparameters?: Record<string, unknown> | null };
  const settings: Record<string, string> = {};
  for (const [key, words] of Object.entries(WORDS)) {
    const v = wire.hyperparameters?.[key];
    if (typeof v === 'boolean') settings[words] = v ? 'yes' : 'no';
    else if (typeof v === 'number') settings[words] = String(v);
  }
  const step = num(wire.trained_steps);
  const totalSteps = num(wire.total_steps);
  return {
    ...job,
    ...(Object.keys(settings).length > 0 ? { settings } : {}),
    ...(step !== null || totalSteps !== null ? { progress: { step, totalSteps } } : {}),
  };
}

export interface NebiusProviderOptions {
  client: OpenAI;
  /** The same key at the service's origin, for its /v0 model API. */
  controlClient: OpenAI;
  /** Training prices the profile configures (capabilities.trainingPrices). */
  trainingPrices?: Readonly<Record<string, number>>;
}

export class NebiusProvider extends OpenAIProvider {
  readonly deployments: NebiusDeployments;

  constructor(options: NebiusProviderOptions) {
    super({ client: options.client, capabilities: { ...NEBIUS_CAPABILITIES, ...(options.trainingPrices ? { trainingPrices: options.trainingPrices } : {}) }, clientMarker: 'seed' });
    this.deployments = new NebiusDeployments(options.controlClient, (id) => this.getJob(id));
  }

  protected override createBody(input: CreateJobInput): Record<string, unknown> {
    const hyperparameters: Record<string, number | boolean> = {};
    if (typeof input.epochs === 'number') hyperparameters.n_epochs = input.epochs;
    if (typeof input.batchSize === 'number') hyperparameters.batch_size = input.batchSize;
    for (const [field, wire] of Object.entries(NEBIUS_HYPERPARAMETERS)) {
      const v = input.extra?.[field];
      if (typeof v === 'number' || typeof v === 'boolean') hyperparameters[wire] = v;
    }
    return {
      model: input.model,
      training_file: input.trainingFileId,
      ...(input.validationFileId ? { validation_file: input.validationFileId } : {}),
      ...(input.suffix ? { suffix: input.suffix } : {}),
      ...(input.seed !== null ? { seed: input.seed } : {}),
      hyperparameters,
    };
  }

  protected override normalize(raw: unknown): JobRecord {
    return normalizeNebiusJob(raw);
  }

  /**
   * Nebius names no fine-tuned model on the job: what is deployed is a checkpoint. A finished
   * job's model is its newest checkpoint as `<job>:<checkpoint>`, the source a deployment takes.
   */
  override async getJob(id: string): Promise<JobRecord> {
    return this.withNewestCheckpoint(await super.getJob(id));
  }

  private async withNewestCheckpoint(job: JobRecord): Promise<JobRecord> {
    if (job.status !== 'succeeded' || job.fineTunedModel !== null) return job;
    const newest = (await this.listCheckpoints(job.id)).sort((a, b) => b.step - a.step)[0];
    return newest === undefined ? job : { ...job, fineTunedModel: newest.modelId };
  }

  override async listCheckpoints(jobId: string): Promise<CheckpointRecord[]> {
    // result_files is Nebius's own field; the SDK passes unknown fields through untouched.
    const all: unknown[] = [];
    await mapErrors(async () => {
      for await (const c of this.client.fineTuning.jobs.checkpoints.list(jobId, { limit: 100 })) all.push(c);
    });
    return all.map((raw) => {
      const c = raw as { id?: unknown; created_at?: unknown; step_number?: unknown; result_files?: unknown; metrics?: Record<string, unknown> };
      const id = String(c.id ?? '');
      return {
        id,
        jobId,
        step: num(c.step_number) ?? 0,
        modelId: sourceOf(jobId, id),
        createdAt: (num(c.created_at) ?? 0) * 1000,
        metrics: { trainLoss: num(c.metrics?.train_loss), validLoss: num(c.metrics?.valid_loss) ?? num(c.metrics?.full_valid_loss), trainAccuracy: num(c.metrics?.train_mean_token_accuracy) },
        weightFiles: Array.isArray(c.result_files) ? c.result_files.filter((f): f is string => typeof f === 'string') : [],
      };
    });
  }

  /** Bases Nebius serves, deployed fine-tunes by the name they answer to, finished fine-tunes to deploy. */
  override async listModels(): Promise<ModelRecord[]> {
    const [served, deployed, jobs] = await Promise.all([super.listModels(), this.deployments.list().catch(() => []), this.listJobs({ limit: 50 })]);
    const ready = deployed.filter((d) => d.state === 'ready');
    const baseOf = (source: string) => jobs.data.find((j) => j.id === source.split(':')[0])?.model ?? null;
    const models: ModelRecord[] = ready.map((d) => ({ id: d.chatModel, ownedBy: 'deployment', createdAt: d.createdAt, shutdownDate: null, fineTuned: true, baseModel: baseOf(d.model) }));
    for (const job of jobs.data.filter((j) => j.status === 'succeeded')) {
      // The list already holds the job: only its checkpoints are asked for.
      const full = await this.withNewestCheckpoint(job).catch(() => job);
      if (full.fineTunedModel === null || ready.some((d) => d.model === full.fineTunedModel)) continue;
      models.push({ id: full.fineTunedModel, ownedBy: 'fine-tune', createdAt: full.finishedAt ?? full.createdAt, shutdownDate: null, needsDeployment: true, fineTuned: true, baseModel: job.model });
    }
    return [...models, ...served.filter((m) => !models.some((x) => x.id === m.id))];
  }

  /** Streams a file the service holds (a checkpoint's weights) to `destination`, via a temporary file. */
  async downloadFile(id: string, destination: string, options: { signal?: AbortSignal; onProgress?: (received: number, total: number | null) => void } = {}): Promise<{ bytes: number }> {
    const response = await mapErrors(() => this.client.files.content(id, options.signal ? { signal: options.signal } : undefined));
    const total = Number(response.headers.get('content-length') ?? NaN);
    const partial = `${destination}.part`;
    let received = 0;
    const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
    body.on('data', (chunk: Buffer) => {
      received += chunk.length;
      options.onProgress?.(received, Number.isFinite(total) ? total : null);
    });
    try {
      await pipeline(body, createWriteStream(partial, { mode: 0o644 }), options.signal ? { signal: options.signal } : {});
      await rename(partial, destination);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return { bytes: received };
  }
}
