// An in-memory FineTuningProvider for screen tests that need exact control (a given number of
// jobs, a fault on one call). End-to-end behaviour is tested against the sandbox server.
import { ProviderError, type ProviderErrorKind } from '../../src/api/types.js';
import type { CheckpointRecord, ChatDelta, FineTuningProvider, JobEvent, JobRecord, ModelRecord } from '../../src/api/types.js';
import { openaiCreateFields } from '../../src/api/openai/createFields.js';

/** The provider's own error class, built the short way. */
export class FakeProviderError extends ProviderError {
  constructor(kind: ProviderErrorKind, message: string, retryAfterMs: number | null = null, param: string | null = null) {
    super(
      kind === 'rate_limited'
        ? { kind, message, retryAfterMs }
        : kind === 'invalid_request'
          ? { kind, message, param }
          : { kind, message },
    );
  }
}

export const fakeModel = (id: string, shutdownDate: number | null = null, extra: Partial<ModelRecord> = {}): ModelRecord => ({ id, ownedBy: 'acme', createdAt: 0, shutdownDate, ...extra });

export const fakeEvent = (id: string, createdAt: number, message: string, metrics?: JobEvent['metrics']): JobEvent => ({
  id,
  createdAt,
  level: 'info',
  message,
  type: metrics ? 'metrics' : 'message',
  metrics,
});

export function fakeJob(id: string, patch: Partial<JobRecord> = {}): JobRecord {
  return {
    id,
    status: 'succeeded',
    rawStatus: 'succeeded',
    model: 'gpt-4o-mini-2024-07-18',
    fineTunedModel: null,
    createdAt: Date.UTC(2026, 10, 1, 12, 0),
    startedAt: Date.UTC(2026, 10, 1, 12, 1),
    finishedAt: Date.UTC(2026, 10, 1, 12, 30),
    estimatedFinishAt: null,
    error: null,
    trainedTokens: null,
    hyperparameters: { learningRate: null, epochs: null, batchSize: null, beta: null },
    method: 'supervised',
    trainingFile: 'file-train',
    validationFile: null,
    suffix: null,
    seed: null,
    ...patch,
  };
}

export interface FakeProvider extends FineTuningProvider {
  jobs: JobRecord[];
  events: Map<string, JobEvent[]>;
  checkpoints: Map<string, CheckpointRecord[]>;
  models: ModelRecord[];
  /** The next call of this method throws this error (once). */
  failNext: Partial<Record<keyof FineTuningProvider, Error>>;
  calls: string[];
  /** Words the chat stream replies with, one delta each. */
  replyWords: string[];
  /** A model's own words, instead of replyWords (compare mode needs two different replies). */
  replyByModel: Record<string, string[]>;
  /** Every chat request, in order. */
  chatRequests: Parameters<FineTuningProvider['chatStream']>[0][];
  /** When set, each chat stream waits for this before its last word, so a test can look mid-stream. */
  hold: Promise<void> | null;
  /** What createJob was last asked for. */
  lastCreate: Parameters<FineTuningProvider['createJob']>[0] | null;
  /** Paths uploadFile was given, in order. */
  uploads: string[];
  /** The client id each created job was made with. */
  clientIds: Map<string, string>;
}

export function fakeProvider(init: Partial<Pick<FakeProvider, 'jobs' | 'models'>> & { dpo?: boolean; pause?: boolean } = {}): FakeProvider {
  const p: FakeProvider = {
    capabilities: { label: 'Fake', dpo: init.dpo ?? true, pause: init.pause ?? true, checkpoints: true, uploads: false, metricsEvents: true, deployStep: false, metricsSeries: false, priceEstimate: false, deployments: false, createFields: openaiCreateFields({ dpo: init.dpo ?? true, wandb: true }) },
    jobs: init.jobs ?? [],
    events: new Map(),
    checkpoints: new Map(),
    models: init.models ?? [fakeModel('gpt-4o-mini-2024-07-18')],
    failNext: {},
    calls: [],
    replyWords: ['Hello', ' from', ' the', ' fake.'],
    replyByModel: {},
    chatRequests: [],
    hold: null,
    lastCreate: null,
    uploads: [],
    clientIds: new Map(),
    async uploadFile(source, options) {
      check('uploadFile');
      p.uploads.push(typeof source === 'string' ? source : source.name);
      options.onProgress?.(50, 100);
      options.onProgress?.(100, 100);
      return { id: `file-${p.calls.length}`, filename: 'train.jsonl', purpose: 'fine-tune', bytes: 100, createdAt: 0, status: 'processed' };
    },
    async createJob(request) {
      check('createJob');
      p.lastCreate = request;
      const job = fakeJob(`ftjob-new${p.jobs.length}`, {
        status: 'validating',
        rawStatus: 'validating_files',
        model: request.model,
        finishedAt: null,
        startedAt: null,
      });
      p.jobs.unshift(job);
      p.clientIds.set(job.id, request.clientId);
      return job;
    },
    async findJobByClientId(clientId) {
      check('findJobByClientId');
      return p.jobs.find((j) => p.clientIds.get(j.id) === clientId) ?? null;
    },
    async listJobs({ limit = 20, after }) {
      check('listJobs');
      const start = after === undefined ? 0 : p.jobs.findIndex((j) => j.id === after) + 1;
      return { data: p.jobs.slice(start, start + limit), hasMore: start + limit < p.jobs.length };
    },
    async listAllJobs({ after } = {}) {
      check('listAllJobs');
      const start = after === undefined ? 0 : p.jobs.findIndex((j) => j.id === after) + 1;
      return p.jobs.slice(start);
    },
    async getJob(id) {
      check('getJob');
      const job = p.jobs.find((j) => j.id === id);
      if (!job) throw new FakeProviderError('not_found', `no job ${id}`);
      return job;
    },
    async cancelJob(id) {
      check('cancelJob');
      return setStatus(id, 'cancelled');
    },
    async pauseJob(id) {
      check('pauseJob');
      return setStatus(id, 'paused');
    },
    async resumeJob(id) {
      check('resumeJob');
      return setStatus(id, 'running');
    },
    async listEvents(jobId, { limit = 20 }) {
      check('listEvents');
      const all = [...(p.events.get(jobId) ?? [])].reverse();
      return { data: all.slice(0, limit), hasMore: all.length > limit };
    },
    async listAllEvents(jobId) {
      check('listAllEvents');
      return [...(p.events.get(jobId) ?? [])].reverse();
    },
    async listCheckpoints(jobId) {
      check('listCheckpoints');
      return p.checkpoints.get(jobId) ?? [];
    },
    async listModels() {
      check('listModels');
      return p.models;
    },
    async chat() {
      check('chat');
      return { text: p.replyWords.join(''), usage: null };
    },
    async listFiles() {
      check('listFiles');
      return [];
    },
    async deleteFile() {
      check('deleteFile');
    },
    async *chatStream(request, signal): AsyncIterable<ChatDelta> {
      p.chatRequests.push(request);
      check('chatStream');
      const words = p.replyByModel[request.model] ?? p.replyWords;
      for (const [i, word] of words.entries()) {
        if (signal.aborted) return;
        if (i === words.length - 1 && p.hold) await p.hold;
        await new Promise((r) => setTimeout(r, 5));
        yield { delta: word };
      }
      yield { usage: { promptTokens: 7, completionTokens: words.length } };
    },
  };
  function check(method: keyof FineTuningProvider) {
    p.calls.push(method);
    const error = p.failNext[method];
    if (error) {
      delete p.failNext[method];
      throw error;
    }
  }
  function setStatus(id: string, status: JobRecord['status']): JobRecord {
    const index = p.jobs.findIndex((j) => j.id === id);
    const job = { ...p.jobs[index]!, status, rawStatus: status };
    p.jobs[index] = job;
    return job;
  }
  return p;
}
