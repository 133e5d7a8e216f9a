// FineTuningProvider on the official OpenAI SDK. The same code serves api.openai.com, Azure
// OpenAI's v1 API, OpenAI-compatible services and the local sandbox; only the client and the
// capabilities differ (see client.ts).
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import OpenAI, { toFile } from 'openai';
import pRetry from 'p-retry';
import { ProviderError } from '../types.js';
import type {
  ChatDelta,
  ChatRequest,
  ChatResult,
  CheckpointRecord,
  CreateJobInput,
  FileRecord,
  FineTuningProvider,
  JobEvent,
  JobRecord,
  ModelRecord,
  Page,
  ProviderCapabilities,
  UploadOptions,
  UploadSource,
} from '../types.js';
import { markerSeed } from '../clientMarker.js';
import { chatDeltas, chatResult } from '../chatReplies.js';
import { mapErrors, toProviderError } from './errors.js';
import { CLIENT_ID_METADATA_KEY, normalizeCheckpoint, normalizeEvent, normalizeFile, normalizeJob, normalizeModel } from './normalize.js';

/** Files larger than this go through the multipart Uploads API, in parts of this size. */
export const UPLOAD_PART_BYTES = 8 * 1024 * 1024;
const PAGE_LIMIT = 100;
/** Tries after a part's first attempt fails on a 5xx, a 429 or the network. */
const PART_RETRIES = 3;
/** How many of the newest jobs a look-up by client id reads when the service ignores the metadata filter. */
const LOOKUP_RECENT_JOBS = 50;

/** Every item of a paged list, to its last page, each made provider-neutral. */
async function collect<T, R>(pages: AsyncIterable<T>, normalize: (item: T) => R): Promise<R[]> {
  const out: R[] = [];
  for await (const item of pages) out.push(normalize(item));
  return out;
}
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Per-request wait for file and part uploads, which can be large on slow links. */
const UPLOAD_TIMEOUT_MS = 15 * 60_000;

export interface OpenAIProviderOptions {
  client: OpenAI;
  capabilities: ProviderCapabilities;
  /** Extra fields sent with every job creation (from the profile), e.g. for compatible services. */
  extraCreateFields?: Record<string, unknown>;
  /** Size above which the Uploads API is used (when the capability allows); tests lower it. */
  uploadPartBytes?: number;
  /** The first wait before a failed part is sent again (doubling after); tests shorten it. */
  partRetryMs?: number;
  /**
   * Where a create's client id travels. 'metadata' (OpenAI): in the job's metadata, found with
   * the metadata filter. 'seed': the service may not keep metadata (Nebius has none; Azure's is
   * not documented), so the id also travels as the job's seed when the user chose none
   * (clientMarker.ts), and the recent jobs are searched for either.
   */
  clientMarker?: 'metadata' | 'seed';
}

/** What a create sent, to recognise its job by seed when its answer was lost. */
interface SeedAttempt {
  seed: number;
  model: string;
  trainingFile: string;
  /** With a seed the user chose, jobs that existed before the create cannot be it. */
  before: Set<string> | null;
}

function hyperparameters(input: CreateJobInput): Record<string, number | 'auto'> {
  const out: Record<string, number | 'auto'> = { n_epochs: input.epochs };
  if (input.batchSize !== undefined) out.batch_size = input.batchSize;
  if (input.learningRateMultiplier !== undefined) out.learning_rate_multiplier = input.learningRateMultiplier;
  if (input.method === 'dpo' && input.beta !== undefined) out.beta = input.beta;
  return out;
}

function wandbSettings(w: NonNullable<CreateJobInput['wandb']>) {
  return {
    project: w.project,
    ...(w.name ? { name: w.name } : {}),
    ...(w.entity ? { entity: w.entity } : {}),
    ...(w.tags && w.tags.length > 0 ? { tags: w.tags } : {}),
  };
}

interface SourceFile {
  name: string;
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

async function readSource(source: UploadSource): Promise<SourceFile> {
  if (typeof source !== 'string') {
    const bytes = source.bytes;
    return { name: source.name, size: bytes.byteLength, read: async (o, l) => bytes.subarray(o, o + l), close: async () => undefined };
  }
  const size = (await stat(source)).size;
  const handle = await open(source, 'r');
  return {
    name: basename(source),
    size,
    async read(offset, length) {
      const buffer = Buffer.alloc(Math.min(length, size - offset));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      return buffer.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}

export class OpenAIProvider implements FineTuningProvider {
  readonly capabilities: ProviderCapabilities;
  protected readonly client: OpenAI;
  private readonly extraCreateFields: Record<string, unknown>;
  private readonly partBytes: number;
  private readonly partRetryMs: number;
  private readonly clientMarker: 'metadata' | 'seed';
  private readonly seedAttempts = new Map<string, SeedAttempt>();

  constructor(options: OpenAIProviderOptions) {
    this.client = options.client;
    this.capabilities = options.capabilities;
    this.extraCreateFields = options.extraCreateFields ?? {};
    this.partBytes = options.uploadPartBytes ?? UPLOAD_PART_BYTES;
    this.partRetryMs = options.partRetryMs ?? 500;
    this.clientMarker = options.clientMarker ?? 'metadata';
  }

  async uploadFile(source: UploadSource, options: UploadOptions): Promise<FileRecord> {
    const rules = this.capabilities.fileRules;
    if (rules !== undefined && rules.bom !== 'either') return this.uploadConverted(source, options, rules.bom);
    const file = await readSource(source);
    try {
      options.onProgress?.(0, file.size);
      if (this.capabilities.uploads && file.size > this.partBytes) return await this.uploadInParts(file, options);
      const upload = await toFile(await file.read(0, file.size), file.name);
      const created = await mapErrors(() =>
        this.client.files.create({ file: upload, purpose: options.purpose }, { timeout: UPLOAD_TIMEOUT_MS, ...(options.signal ? { signal: options.signal } : {}) }),
      );
      options.onProgress?.(file.size, file.size);
      return normalizeFile(created);
    } finally {
      await file.close();
    }
  }

  /**
   * The service wants the file with (or without) a UTF-8 byte-order mark: a converted copy goes
   * up, in memory, and the user's file is never touched. Only for services without multipart
   * uploads, whose files are sent in one request anyway (Azure: at most 512 MB).
   */
  private async uploadConverted(source: UploadSource, options: UploadOptions, bom: 'required' | 'forbidden'): Promise<FileRecord> {
    const file = await readSource(source);
    let bytes: Uint8Array;
    try {
      bytes = await file.read(0, file.size);
    } finally {
      await file.close();
    }
    const has = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const converted = bom === 'required' && !has ? Buffer.concat([UTF8_BOM, bytes]) : bom === 'forbidden' && has ? bytes.subarray(3) : bytes;
    options.onProgress?.(0, converted.byteLength);
    const upload = await toFile(converted, file.name);
    const created = await mapErrors(() =>
      this.client.files.create({ file: upload, purpose: options.purpose }, { timeout: UPLOAD_TIMEOUT_MS, ...(options.signal ? { signal: options.signal } : {}) }),
    );
    options.onProgress?.(converted.byteLength, converted.byteLength);
    return normalizeFile(created);
  }

  private async uploadInParts(file: SourceFile, options: UploadOptions): Promise<FileRecord> {
    const resume = options.resume && options.resume.partBytes === this.partBytes ? options.resume : null;
    if (resume !== null) {
      try {
        return await this.sendParts(file, options, resume.uploadId, [...resume.partIds]);
      } catch (error) {
        // An upload that expired, completed or was cancelled takes no more parts: start anew.
        if (!(error instanceof ProviderError && (error.kind === 'invalid_request' || error.kind === 'not_found'))) throw error;
      }
    }
    const upload = await mapErrors(() =>
      this.client.uploads.create({ bytes: file.size, filename: file.name, mime_type: 'application/jsonl', purpose: options.purpose }, this.uploadRequest(options)),
    );
    options.onPartial?.({ uploadId: upload.id, partIds: [], partBytes: this.partBytes });
    return this.sendParts(file, options, upload.id, []);
  }

  private uploadRequest(options: UploadOptions) {
    return { timeout: UPLOAD_TIMEOUT_MS, ...(options.signal ? { signal: options.signal } : {}) };
  }

  /** Sends the parts after `partIds` (each retried a bounded number of times), then completes. */
  private async sendParts(file: SourceFile, options: UploadOptions, uploadId: string, partIds: string[]): Promise<FileRecord> {
    // Each part is retried here, with backoff, instead of by the SDK, so the bound is one number.
    const request = { ...this.uploadRequest(options), maxRetries: 0 };
    try {
      if (partIds.length > 0) options.onProgress?.(Math.min(file.size, partIds.length * this.partBytes), file.size);
      for (let offset = partIds.length * this.partBytes; offset < file.size; offset += this.partBytes) {
        const chunk = await file.read(offset, this.partBytes);
        const name = `${file.name}.part${partIds.length}`;
        const part = await pRetry(async () => mapErrors(async () => this.client.uploads.parts.create(uploadId, { data: await toFile(chunk, name) }, request)), {
          retries: PART_RETRIES,
          minTimeout: this.partRetryMs,
          factor: 2,
          ...(options.signal ? { signal: options.signal } : {}),
          shouldRetry: ({ error }) => error instanceof ProviderError && (error.kind === 'server' || error.kind === 'network' || error.kind === 'rate_limited'),
        });
        partIds.push(part.id);
        options.onPartial?.({ uploadId, partIds: [...partIds], partBytes: this.partBytes });
        options.onProgress?.(offset + chunk.byteLength, file.size);
      }
      const done = await mapErrors(() => this.client.uploads.complete(uploadId, { part_ids: partIds }, this.uploadRequest(options)));
      if (!done.file) throw new Error(`The upload ${uploadId} completed without a file.`);
      options.onPartial?.(null);
      return normalizeFile(done.file);
    } catch (error) {
      // A caller that can resume keeps the parts for its retry; otherwise (or when the user
      // stopped it) nothing is left pending. The original failure is what the user needs to see.
      if (options.onPartial === undefined || options.signal?.aborted) {
        await this.client.uploads.cancel(uploadId).catch(() => undefined);
        options.onPartial?.(null);
      }
      throw error;
    }
  }

  async listFiles(): Promise<FileRecord[]> {
    return mapErrors(() => collect(this.client.files.list(), normalizeFile));
  }

  async deleteFile(id: string): Promise<void> {
    await mapErrors(() => this.client.files.delete(id));
  }

  /** The create request's body; services with their own fields override it (src/api/nebius). */
  protected createBody(input: CreateJobInput): Record<string, unknown> {
    return {
      ...this.extraCreateFields,
      model: input.model,
      training_file: input.trainingFileId,
      ...(input.validationFileId ? { validation_file: input.validationFileId } : {}),
      ...(input.suffix ? { suffix: input.suffix } : {}),
      ...(input.seed !== null ? { seed: input.seed } : {}),
      metadata: { ...input.metadata, [CLIENT_ID_METADATA_KEY]: input.clientId },
      ...(input.wandb ? { integrations: [{ type: 'wandb' as const, wandb: wandbSettings(input.wandb) }] } : {}),
      method:
        input.method === 'dpo'
          ? { type: 'dpo' as const, dpo: { hyperparameters: hyperparameters(input) } }
          : { type: 'supervised' as const, supervised: { hyperparameters: hyperparameters(input) } },
      // The service's own fields from the form (e.g. Azure's trainingType), by their wire name.
      ...(input.extra ?? {}),
    };
  }

  /** The job as ftui shows it; services with their own fields override it. */
  protected normalize(raw: unknown): JobRecord {
    return normalizeJob(raw);
  }

  async createJob(input: CreateJobInput): Promise<JobRecord> {
    let request = input;
    if (this.clientMarker === 'seed') {
      const chosen = input.seed !== null;
      const seed = chosen ? input.seed! : markerSeed(input.clientId);
      if (!this.seedAttempts.has(input.clientId)) {
        const before = chosen ? new Set((await this.listJobs({ limit: LOOKUP_RECENT_JOBS })).data.map((j) => j.id)) : null;
        this.seedAttempts.set(input.clientId, { seed, model: input.model, trainingFile: input.trainingFileId, before });
      }
      request = { ...input, seed };
    }
    const body = this.createBody(request) as unknown as OpenAI.FineTuning.JobCreateParams;
    // The SDK would retry a 5xx, a timeout or a dropped connection, and each retry of a create
    // whose answer was lost makes another paid job: one request here, and the caller looks up.
    const job = this.normalize(await mapErrors(() => this.client.fineTuning.jobs.create(body, { maxRetries: 0 })));
    return this.clientMarker === 'seed' ? { ...job, clientId: input.clientId } : job;
  }

  async findJobByClientId(clientId: string): Promise<JobRecord | null> {
    if (this.clientMarker === 'seed') return this.findBySeed(clientId);
    const match = (jobs: JobRecord[]) => jobs.find((j) => j.clientId === clientId) ?? null;
    let filtered: JobRecord[] | null = null;
    try {
      const page = await mapErrors(() => this.client.fineTuning.jobs.list({ limit: 10, metadata: { [CLIENT_ID_METADATA_KEY]: clientId } }));
      filtered = page.data.map(normalizeJob);
    } catch (error) {
      // Compatible services may refuse the filter; the newest jobs are read below instead.
      if (!(error instanceof ProviderError && error.kind === 'invalid_request')) throw error;
    }
    const found = filtered === null ? null : match(filtered);
    if (found !== null) return found;
    // A service that ignores the filter answers with its newest jobs, which is where a job just
    // created would be; one that applies it and found nothing has answered already.
    if (filtered !== null && filtered.every((j) => j.clientId === clientId)) return null;
    const recent = await mapErrors(() => this.client.fineTuning.jobs.list({ limit: LOOKUP_RECENT_JOBS }));
    return match(recent.data.map(normalizeJob));
  }

  /** The newest recent job carrying this create's id in its metadata or its marker seed. */
  private async findBySeed(clientId: string): Promise<JobRecord | null> {
    const attempt = this.seedAttempts.get(clientId);
    const seed = attempt?.seed ?? markerSeed(clientId);
    const recent = (await this.listJobs({ limit: LOOKUP_RECENT_JOBS })).data;
    const found = recent.find(
      (j) =>
        j.clientId === clientId ||
        (j.seed === seed &&
          (attempt === undefined || (j.model === attempt.model && j.trainingFile === attempt.trainingFile && !(attempt.before?.has(j.id) ?? false)))),
    );
    return found === undefined ? null : { ...found, clientId };
  }

  async listJobs(options: { limit?: number; after?: string }): Promise<Page<JobRecord>> {
    const page = await mapErrors(() => this.client.fineTuning.jobs.list({ limit: options.limit ?? 20, ...(options.after ? { after: options.after } : {}) }));
    return { data: page.data.map((j) => this.normalize(j)), hasMore: page.has_more };
  }

  async listAllJobs(options: { after?: string | undefined } = {}): Promise<JobRecord[]> {
    return mapErrors(() => collect(this.client.fineTuning.jobs.list({ limit: PAGE_LIMIT, ...(options.after ? { after: options.after } : {}) }), (j) => this.normalize(j)));
  }

  async getJob(id: string): Promise<JobRecord> {
    return this.normalize(await mapErrors(() => this.client.fineTuning.jobs.retrieve(id)));
  }

  async cancelJob(id: string): Promise<JobRecord> {
    return this.normalize(await mapErrors(() => this.client.fineTuning.jobs.cancel(id)));
  }

  async pauseJob(id: string): Promise<JobRecord> {
    return this.normalize(await mapErrors(() => this.client.fineTuning.jobs.pause(id)));
  }

  async resumeJob(id: string): Promise<JobRecord> {
    return this.normalize(await mapErrors(() => this.client.fineTuning.jobs.resume(id)));
  }

  async listEvents(jobId: string, options: { limit?: number; after?: string }): Promise<Page<JobEvent>> {
    const page = await mapErrors(() => this.client.fineTuning.jobs.listEvents(jobId, { limit: options.limit ?? 50, ...(options.after ? { after: options.after } : {}) }));
    return { data: page.data.map(normalizeEvent), hasMore: page.has_more };
  }

  async listAllEvents(jobId: string): Promise<JobEvent[]> {
    return mapErrors(() => collect(this.client.fineTuning.jobs.listEvents(jobId, { limit: PAGE_LIMIT }), normalizeEvent));
  }

  async listCheckpoints(jobId: string): Promise<CheckpointRecord[]> {
    return mapErrors(() => collect(this.client.fineTuning.jobs.checkpoints.list(jobId, { limit: PAGE_LIMIT }), normalizeCheckpoint));
  }

  async listModels(): Promise<ModelRecord[]> {
    return mapErrors(() => collect(this.client.models.list(), normalizeModel));
  }

  private chatBody(request: ChatRequest) {
    return {
      model: request.model,
      messages: request.messages,
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(request.maxTokens !== undefined ? { max_completion_tokens: request.maxTokens } : {}),
    };
  }

  async *chatStream(request: ChatRequest, signal: AbortSignal): AsyncIterable<ChatDelta> {
    try {
      yield* chatDeltas(await this.client.chat.completions.create({ ...this.chatBody(request), stream: true, stream_options: { include_usage: true } }, { signal }));
    } catch (error) {
      throw toProviderError(error);
    }
  }

  async chat(request: ChatRequest, signal?: AbortSignal): Promise<ChatResult> {
    return chatResult(await mapErrors(() => this.client.chat.completions.create({ ...this.chatBody(request), stream: false }, signal ? { signal } : undefined)));
  }
}
