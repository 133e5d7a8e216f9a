// FineTuningProvider on the official together-ai SDK: files (the documented multipart upload,
// then waiting until the service has processed the file), fine-tunes with typed events, per-step
// metrics and checkpoints, the service's own price estimate, and dedicated endpoints to chat with
// a fine-tune (deployments.ts). Everything vendor-specific stays in this folder.
import { openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import Together from 'together-ai';
import { pricesOf, type Profile } from '../../core/profiles.js';
import type { ClientOptions } from '../createProvider.js';
import {
  ProviderError,
  type ChatDelta,
  type ChatRequest,
  type ChatResult,
  type CheckpointRecord,
  type CreateJobInput,
  type FileRecord,
  type FineTuningProvider,
  type JobEvent,
  type JobMetrics,
  type JobRecord,
  type ModelRecord,
  type Page,
  type PriceEstimate,
  type ProviderCapabilities,
  type UploadOptions,
  type UploadSource,
} from '../types.js';
import { TOGETHER_CREATE_FIELDS } from './createFields.js';
import { TogetherCatalog } from './catalog.js';
import { TogetherDeployments } from './deployments.js';
import { chatDeltas, chatResult } from '../chatReplies.js';
import { mapErrors, toProviderError } from './errors.js';
import {
  normalizeTogetherCheckpoint,
  normalizeTogetherEvent,
  normalizeTogetherFile,
  normalizeTogetherJob,
  normalizeTogetherMetrics,
  normalizeTogetherPrice,
} from './normalize.js';
import { createBody, priceBody } from './request.js';

export const TOGETHER_BASE_URL = 'https://api.together.ai/v1';

export const TOGETHER_CAPABILITIES: ProviderCapabilities = {
  label: 'Together',
  dpo: true,
  pause: false,
  checkpoints: true,
  uploads: false,
  metricsEvents: false,
  deployStep: true,
  metricsSeries: true,
  priceEstimate: true,
  deployments: true,
  createFields: TOGETHER_CREATE_FIELDS,
};

/** Per-request wait for an upload, which can be large on a slow link. */
const UPLOAD_TIMEOUT_MS = 15 * 60_000;
/** How long to wait for the service to process an uploaded file before giving up. */
const PROCESSING_LIMIT_MS = 30 * 60_000;

/** Together keeps no metadata on a job: ftui's client id travels as its seed (see clientMarker.ts). */
export { markerSeed } from '../clientMarker.js';
import { markerSeed } from '../clientMarker.js';

/** What a create sent, to recognise its job when its answer was lost. */
interface Attempt {
  seed: number;
  model: string;
  trainingFile: string;
  /** With a seed the user chose, jobs that existed before the create cannot be it. */
  before: Set<string> | null;
}

export interface TogetherProviderOptions {
  client: Together;
  now?: () => number;
  /** Between looks at a file being processed (tests lower it). */
  processingPollMs?: number;
  /** Training prices the profile configures (capabilities.trainingPrices). */
  trainingPrices?: Readonly<Record<string, number>>;
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });

function pageOf<T extends { id: string }>(items: T[], limit: number, after: string | undefined): Page<T> {
  const start = after === undefined ? 0 : items.findIndex((x) => x.id === after) + 1;
  const from = after !== undefined && start === 0 ? items.length : start;
  return { data: items.slice(from, from + limit), hasMore: from + limit < items.length };
}

export class TogetherProvider implements FineTuningProvider {
  readonly capabilities: ProviderCapabilities;
  readonly deployments: TogetherDeployments;
  readonly catalog: TogetherCatalog;
  private readonly client: Together;
  private readonly now: () => number;
  private readonly pollMs: number;
  private readonly attempts = new Map<string, Attempt>();

  constructor(options: TogetherProviderOptions) {
    this.client = options.client;
    this.capabilities = options.trainingPrices ? { ...TOGETHER_CAPABILITIES, trainingPrices: options.trainingPrices } : TOGETHER_CAPABILITIES;
    this.now = options.now ?? Date.now;
    this.pollMs = options.processingPollMs ?? 1000;
    this.deployments = new TogetherDeployments(this.client);
    this.catalog = new TogetherCatalog(this.client);
  }

  async uploadFile(source: UploadSource, options: UploadOptions): Promise<FileRecord> {
    const name = typeof source === 'string' ? basename(source) : source.name;
    const size = typeof source === 'string' ? (await stat(source)).size : source.bytes.byteLength;
    // openAsBlob reads the file as it is sent instead of holding it all in memory.
    const blob = typeof source === 'string' ? await openAsBlob(source) : new Blob([source.bytes]);
    const type = extname(name).slice(1).toLowerCase();
    const form = new FormData();
    form.append('purpose', options.purpose);
    form.append('file_name', name);
    form.append('file_type', type === 'csv' || type === 'parquet' ? type : 'jsonl');
    form.append('file', blob, name);
    options.onProgress?.(0, size);
    const created = await mapErrors(() =>
      this.client.post('/files/upload', { body: form, timeout: UPLOAD_TIMEOUT_MS, ...(options.signal ? { signal: options.signal } : {}) }),
    );
    options.onProgress?.(size, size);
    return this.untilProcessed(normalizeTogetherFile(created), name, options.signal);
  }

  /** Together checks a file after it arrives; a job can use it only once that is done. */
  private async untilProcessed(file: FileRecord, name: string, signal?: AbortSignal): Promise<FileRecord> {
    const deadline = this.now() + PROCESSING_LIMIT_MS;
    let current = file;
    while (current.status === 'PENDING' || current.status === 'QUEUED' || current.status === 'RUNNING') {
      if (this.now() > deadline) throw new ProviderError({ kind: 'server', message: `Together has not finished checking ${name} after 30 minutes; try the job again later.` });
      await sleep(this.pollMs, signal);
      const raw = await mapErrors(() => this.client.files.retrieve(file.id, signal ? { signal } : undefined));
      current = normalizeTogetherFile(raw);
      if (current.status === 'INVALID_FORMAT' || current.status === 'FAILED') {
        const report = (raw as { validation_report?: { error?: string } }).validation_report;
        throw new ProviderError({ kind: 'invalid_request', message: `Together refused ${name}: ${report?.error ?? 'its format is not valid'}`, param: 'training_file' }, 400);
      }
    }
    return current;
  }

  async listFiles(): Promise<FileRecord[]> {
    return (await mapErrors(() => this.client.files.list())).data.map(normalizeTogetherFile);
  }

  async deleteFile(id: string): Promise<void> {
    await mapErrors(() => this.client.files.delete(id));
  }

  async createJob(input: CreateJobInput): Promise<JobRecord> {
    const chosen = input.seed !== null;
    const seed = chosen ? input.seed! : markerSeed(input.clientId);
    const body = await createBody({ ...input, seed }, (model) => this.catalog.limits(model));
    if (!this.attempts.has(input.clientId)) {
      const before = chosen ? new Set((await this.allJobs()).map((j) => j.id)) : null;
      this.attempts.set(input.clientId, { seed, model: input.model, trainingFile: input.trainingFileId, before });
    }
    // Never retried by the SDK: a create whose answer was lost may have started a paid job.
    const job = await mapErrors(() => this.client.fineTuning.create(body, { maxRetries: 0 }));
    return { ...normalizeTogetherJob(job, this.now()), clientId: input.clientId };
  }

  /** The newest job carrying this create's marker (see markerSeed), or null. */
  async findJobByClientId(clientId: string): Promise<JobRecord | null> {
    const attempt = this.attempts.get(clientId);
    const seed = attempt?.seed ?? markerSeed(clientId);
    const found = (await this.allJobs()).find(
      (j) =>
        j.seed === seed &&
        (attempt === undefined || (j.model === attempt.model && j.trainingFile === attempt.trainingFile && !(attempt.before?.has(j.id) ?? false))),
    );
    return found === undefined ? null : { ...found, clientId };
  }

  private async allJobs(): Promise<JobRecord[]> {
    const list = await mapErrors(() => this.client.fineTuning.list());
    const now = this.now();
    return list.data.map((j) => normalizeTogetherJob(j, now)).sort((a, b) => b.createdAt - a.createdAt);
  }

  // Together lists every job in one answer; pages are cut from it here.
  async listJobs(options: { limit?: number; after?: string }): Promise<Page<JobRecord>> {
    return pageOf(await this.allJobs(), options.limit ?? 20, options.after);
  }

  async listAllJobs(options: { after?: string | undefined } = {}): Promise<JobRecord[]> {
    const all = await this.allJobs();
    return options.after === undefined ? all : pageOf(all, all.length, options.after).data;
  }

  async getJob(id: string): Promise<JobRecord> {
    return normalizeTogetherJob(await mapErrors(() => this.client.fineTuning.retrieve(id)), this.now());
  }

  async cancelJob(id: string): Promise<JobRecord> {
    return normalizeTogetherJob(await mapErrors(() => this.client.fineTuning.cancel(id)), this.now());
  }

  pauseJob(): Promise<JobRecord> {
    return Promise.reject(new ProviderError({ kind: 'invalid_request', message: 'Together cannot pause a fine-tuning job; cancel it instead.', param: null }));
  }

  resumeJob(): Promise<JobRecord> {
    return this.pauseJob();
  }

  /** Newest first, like every provider's list; Together sends the whole log, oldest first. */
  private async allEvents(jobId: string): Promise<JobEvent[]> {
    const events = await mapErrors(() => this.client.fineTuning.listEvents(jobId));
    return events.data.map((e, i) => normalizeTogetherEvent(e, jobId, i)).reverse();
  }

  async listEvents(jobId: string, options: { limit?: number; after?: string }): Promise<Page<JobEvent>> {
    return pageOf(await this.allEvents(jobId), options.limit ?? 50, options.after);
  }

  async listAllEvents(jobId: string): Promise<JobEvent[]> {
    return this.allEvents(jobId);
  }

  async listCheckpoints(jobId: string): Promise<CheckpointRecord[]> {
    const list = await mapErrors(() => this.client.fineTuning.listCheckpoints(jobId));
    return list.data.map((c) => normalizeTogetherCheckpoint(c, jobId));
  }

  async listMetrics(jobId: string, options: { fromStep?: number }): Promise<JobMetrics[]> {
    const res = await mapErrors(() => this.client.fineTuning.listMetrics(jobId, options.fromStep === undefined ? {} : { global_step_from: options.fromStep }));
    return (res.metrics ?? []).flatMap((row) => normalizeTogetherMetrics(row) ?? []);
  }

  async estimatePrice(input: CreateJobInput): Promise<PriceEstimate> {
    const body = await priceBody(input, (model) => this.catalog.limits(model));
    return normalizeTogetherPrice(await mapErrors(() => this.client.fineTuning.estimatePrice(body)));
  }

  /**
   * What can be chatted with: bases that answer serverless, started endpoints (by their name),
   * and completed fine-tunes, which need a deployment first.
   */
  async listModels(): Promise<ModelRecord[]> {
    const [supported, jobs, endpoints] = await Promise.all([
      this.catalog.list(),
      this.allJobs(),
      this.deployments.list().catch(() => []),
    ]);
    const ready = endpoints.filter((e) => e.state === 'ready');
    const baseOf = (model: string) => jobs.find((j) => j.fineTunedModel === model)?.model ?? null;
    const models: ModelRecord[] = ready.map((e) => {
      const base = baseOf(e.model);
      return { id: e.chatModel, ownedBy: 'endpoint', createdAt: e.createdAt, shutdownDate: null, fineTuned: base !== null, baseModel: base };
    });
    for (const job of jobs) {
      if (job.fineTunedModel === null || ready.some((e) => e.model === job.fineTunedModel)) continue;
      models.push({ id: job.fineTunedModel, ownedBy: 'fine-tune', createdAt: job.finishedAt ?? job.createdAt, shutdownDate: null, needsDeployment: true, fineTuned: true, baseModel: job.model });
    }
    for (const id of supported) models.push({ id, ownedBy: 'together', createdAt: 0, shutdownDate: null });
    return models;
  }

  private chatBody(request: ChatRequest) {
    return {
      model: request.model,
      messages: request.messages,
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(request.maxTokens !== undefined ? { max_tokens: request.maxTokens } : {}),
    };
  }

  async *chatStream(request: ChatRequest, signal: AbortSignal): AsyncIterable<ChatDelta> {
    try {
      yield* chatDeltas(await this.client.chat.completions.create({ ...this.chatBody(request), stream: true }, { signal }));
    } catch (error) {
      throw toProviderError(error);
    }
  }

  async chat(request: ChatRequest, signal?: AbortSignal): Promise<ChatResult> {
    return chatResult(await mapErrors(() => this.client.chat.completions.create({ ...this.chatBody(request), stream: false }, signal ? { signal } : undefined)));
  }
}

export function createTogetherProvider(profile: Profile, env: NodeJS.ProcessEnv, options: ClientOptions & { processingPollMs?: number } = {}): TogetherProvider {
  const key = env[profile.apiKeyEnv];
  const client = new Together({
    // A missing key gets a clear 'auth' error from the first call instead of a throw here.
    apiKey: key || 'missing-key',
    baseURL: profile.baseUrl ?? TOGETHER_BASE_URL,
    maxRetries: options.maxRetries ?? 2,
    timeout: options.timeoutMs ?? 60_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.defaultHeaders ? { defaultHeaders: options.defaultHeaders } : {}),
  });
  return new TogetherProvider({ client, ...pricesOf(profile), ...(options.processingPollMs !== undefined ? { processingPollMs: options.processingPollMs } : {}) });
}
