// An in-memory FineTuningProvider for screen tests that need exact control (a given number of
// jobs, a fault on one call). End-to-end behaviour is tested against the sandbox server.
import type {
  CheckpointRecord,
  ChatDelta,
  FineTuningProvider,
  JobEvent,
  JobRecord,
  ModelRecord,
  ProviderErrorKind,
} from '../../src/effects/providerTypes.js';

export class FakeProviderError extends Error {
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly retryAfterMs: number | null = null,
    readonly param: string | null = null,
  ) {
    super(message);
  }
}

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
}

export function fakeProvider(init: Partial<Pick<FakeProvider, 'jobs' | 'models'>> & { dpo?: boolean; pause?: boolean } = {}): FakeProvider {
  const p: FakeProvider = {
    capabilities: { dpo: init.dpo ?? true, pause: init.pause ?? true, checkpoints: true },
    jobs: init.jobs ?? [],
    events: new Map(),
    checkpoints: new Map(),
    models: init.models ?? [{ id: 'gpt-4o-mini-2024-07-18', shutdownDate: null }],
    failNext: {},
    calls: [],
    replyWords: ['Hello', ' from', ' the', ' fake.'],
    async uploadFile(_path, options) {
      check('uploadFile');
      options.onProgress?.(50, 100);
      options.onProgress?.(100, 100);
      return { id: `file-${p.calls.length}` };
    },
    async createJob(request) {
      check('createJob');
      const job = fakeJob(`ftjob-new${p.jobs.length}`, {
        status: 'validating_files',
        rawStatus: 'validating_files',
        model: request.model,
        finishedAt: null,
        startedAt: null,
      });
      p.jobs.unshift(job);
      return job;
    },
    async listJobs({ limit = 20, after }) {
      check('listJobs');
      const start = after === undefined ? 0 : p.jobs.findIndex((j) => j.id === after) + 1;
      return { data: p.jobs.slice(start, start + limit), hasMore: start + limit < p.jobs.length };
    },
    async listAllJobs({ after }) {
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
    async *chatStream(_request, signal): AsyncIterable<ChatDelta> {
      check('chatStream');
      for (const word of p.replyWords) {
        if (signal.aborted) return;
        await new Promise((r) => setTimeout(r, 5));
        yield { delta: word };
      }
      yield { usage: { promptTokens: 7, completionTokens: p.replyWords.length } };
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
