// Every provider call against the in-process sandbox, through the real SDK: the whole loop
// (upload, create, lifecycle, events, checkpoints, models, chat), pagination past one page,
// and each fault the sandbox can stage mapped to its ProviderError kind.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProvider } from '../../../src/api/createProvider.js';
import { ProviderError, type CreateJobInput, type FineTuningProvider } from '../../../src/api/types.js';
import type { Profile } from '../../../src/core/profiles.js';
import { sampleTrainingJsonl, startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { failure } from '../../helpers/providerFailure.js';

let sb: TestSandbox;
let provider: FineTuningProvider;
const env = { SANDBOX_KEY: 'sk-sandbox-test' };
const profileFor = (baseUrl: string): Profile => ({ name: 'sb', kind: 'sandbox', baseUrl, apiKeyEnv: 'SANDBOX_KEY' });
const withFault = (fault: string) => createProvider(profileFor(sb.baseUrl), env, { maxRetries: 0, defaultHeaders: { 'x-sandbox-fault': fault } });

beforeAll(async () => {
  sb = await startTestSandbox({ slowMs: 400 });
  provider = createProvider(profileFor(sb.baseUrl), env, { maxRetries: 0, uploadPartBytes: 300 });
});
afterAll(async () => sb?.close());

const training = (n = 12) => ({ name: 'train.jsonl', bytes: new TextEncoder().encode(sampleTrainingJsonl(n)) });
let clientIds = 0;
const jobInput = (trainingFileId: string, patch: Partial<CreateJobInput> = {}): CreateJobInput => ({
  clientId: `ftui-test-${++clientIds}`,
  model: 'gpt-4o-mini-2024-07-18',
  trainingFileId,
  validationFileId: null,
  suffix: 'demo',
  seed: 7,
  method: 'supervised',
  epochs: 3,
  ...patch,
});

describe('provider against the sandbox', () => {
  it('uploads (multipart for a big file), lists and deletes files', async () => {
    const progress: number[] = [];
    const big = await provider.uploadFile(training(12), { purpose: 'fine-tune', onProgress: (sent) => progress.push(sent) });
    expect(big.id).toMatch(/^file-/);
    expect(big.bytes).toBe(training(12).bytes.byteLength);
    expect(progress.length).toBeGreaterThan(3); // one step per 300-byte part
    expect(progress.at(-1)).toBe(big.bytes);
    const files = await provider.listFiles();
    expect(files.map((f) => f.id)).toContain(big.id);
    await provider.deleteFile(big.id);
    expect((await provider.listFiles()).map((f) => f.id)).not.toContain(big.id);
  });

  it('uploads from a path in one request or in parts, and stops on abort', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ftui-upload-'));
    try {
      const path = join(dir, 'train.jsonl');
      await writeFile(path, sampleTrainingJsonl(12));
      const whole = await createProvider(profileFor(sb.baseUrl), env, { maxRetries: 0 }).uploadFile(path, { purpose: 'fine-tune' });
      expect(whole).toMatchObject({ filename: 'train.jsonl', purpose: 'fine-tune', bytes: training(12).bytes.byteLength });
      const parted = await provider.uploadFile(path, { purpose: 'fine-tune' });
      expect(parted).toMatchObject({ filename: 'train.jsonl', bytes: whole.bytes });
      const controller = new AbortController();
      const upload = provider.uploadFile(path, { purpose: 'fine-tune', signal: controller.signal, onProgress: (sent) => sent > 0 && controller.abort() });
      await expect(upload).rejects.not.toBeInstanceOf(ProviderError);
      await expect(provider.uploadFile(join(dir, 'missing.jsonl'), { purpose: 'fine-tune' })).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('runs a job to success: statuses, events with metrics, checkpoints, the model to chat with', async () => {
    const file = await provider.uploadFile(training(), { purpose: 'fine-tune' });
    const created = await provider.createJob(jobInput(file.id));
    expect(created).toMatchObject({ status: 'validating', rawStatus: 'validating_files', suffix: 'demo', seed: 7, method: 'supervised', trainingFile: file.id });
    expect(created.createdAt).toBe(Math.floor(sb.clock.now() / 1000) * 1000);
    sb.clock.advance(2500);
    expect((await provider.getJob(created.id)).status).toBe('queued');
    sb.clock.advance(2000);
    const running = await provider.getJob(created.id);
    expect(running.status).toBe('running');
    expect(running.estimatedFinishAt).toBeGreaterThan(running.createdAt);
    sb.clock.advance(16_000);
    const done = await provider.getJob(created.id);
    expect(done.status).toBe('succeeded');
    expect(done.fineTunedModel).toMatch(/^ft:gpt-4o-mini/);
    expect(done.hyperparameters).toEqual({ learningRate: { kind: 'multiplier', value: 1.8 }, epochs: 3, batchSize: 1, beta: null });
    expect(done.finishedAt).not.toBeNull();

    const events = await provider.listAllEvents(created.id);
    const metrics = events.filter((e) => e.type === 'metrics');
    expect(metrics.length).toBe(36);
    expect(metrics.every((e) => typeof e.metrics?.trainLoss === 'number')).toBe(true);
    const firstPage = await provider.listEvents(created.id, { limit: 10 });
    expect(firstPage.data).toEqual(events.slice(0, 10));
    expect(firstPage.hasMore).toBe(true);
    const next = await provider.listEvents(created.id, { limit: 10, after: firstPage.data.at(-1)!.id });
    expect(next.data).toEqual(events.slice(10, 20));

    const checkpoints = await provider.listCheckpoints(created.id);
    expect(checkpoints.length).toBeGreaterThan(0);
    expect(checkpoints[0]!.jobId).toBe(created.id);
    expect(checkpoints[0]!.modelId).toMatch(/ckpt-step-/);

    const models = await provider.listModels();
    expect(models.map((m) => m.id)).toContain(done.fineTunedModel);
    expect(models.find((m) => m.id === 'gpt-4o-mini-2024-07-18')?.shutdownDate).toEqual(expect.any(Number));

    const pieces: string[] = [];
    let usage: unknown = null;
    for await (const piece of provider.chatStream({ model: done.fineTunedModel!, messages: [{ role: 'user', content: 'What is 2 + 2?' }] }, new AbortController().signal)) {
      if (piece.delta) pieces.push(piece.delta);
      if (piece.usage) usage = piece.usage;
    }
    expect(pieces.length).toBeGreaterThan(1);
    expect(usage).toEqual({ promptTokens: expect.any(Number), completionTokens: expect.any(Number) });
    const whole = await provider.chat({ model: done.fineTunedModel!, messages: [{ role: 'user', content: 'What is 2 + 2?' }] });
    expect(whole.text).toBe(pieces.join(''));
  });

  it('pauses, resumes and cancels; DPO jobs keep their method', async () => {
    const file = await provider.uploadFile(training(), { purpose: 'fine-tune' });
    const job = await provider.createJob(jobInput(file.id, { suffix: null, seed: null }));
    sb.clock.advance(5000);
    expect((await provider.pauseJob(job.id)).status).toBe('paused');
    expect((await provider.resumeJob(job.id)).status).not.toBe('paused');
    expect((await provider.cancelJob(job.id)).status).toBe('cancelled');
    const dpo = await provider.createJob(jobInput(file.id, { method: 'dpo', beta: 0.2 }));
    expect(dpo.method).toBe('dpo');
    await provider.cancelJob(dpo.id);
  });

  it('lists past one page: every job, in order, and from a given job to the end', async () => {
    const file = await provider.uploadFile(training(), { purpose: 'fine-tune' });
    for (let i = 0; i < 130; i++) await provider.createJob(jobInput(file.id, { suffix: null }));
    const all = await provider.listAllJobs();
    expect(all.length).toBeGreaterThanOrEqual(130);
    expect(new Set(all.map((j) => j.id)).size).toBe(all.length);
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.createdAt).toBeGreaterThanOrEqual(all[i]!.createdAt);
    const page = await provider.listJobs({ limit: 20 });
    expect(page.data).toEqual(all.slice(0, 20));
    expect(page.hasMore).toBe(true);
    const rest = await provider.listAllJobs({ after: all[99]!.id });
    expect(rest.map((j) => j.id)).toEqual(all.slice(100).map((j) => j.id));
  });

  it('an unknown job is not_found; a bad request names the field', async () => {
    expect((await failure(provider.getJob('ftjob-nope'))).kind).toBe('not_found');
    expect((await failure(provider.createJob(jobInput('file-does-not-exist')))).kind).toBe('not_found');
    const file = await provider.uploadFile(training(), { purpose: 'fine-tune' });
    const bad = await failure(provider.createJob(jobInput(file.id, { epochs: 0 })));
    expect(bad.kind).toBe('invalid_request');
    expect(bad.param).toMatch(/n_epochs/);
    expect(bad.message).toMatch(/n_epochs/);
  });
});

describe('faults', () => {
  it('401 is auth, and the message does not carry the key', async () => {
    const e = await failure(withFault('401').listJobs({}));
    expect(e.kind).toBe('auth');
    expect(e.message).not.toContain(env.SANDBOX_KEY);
  });

  it('403-not-eligible says plainly that the organisation cannot create jobs', async () => {
    const e = await failure(withFault('403-not-eligible').createJob(jobInput('file-x')));
    expect(e.kind).toBe('not_eligible');
    expect(e.message).toMatch(/not allowed to create fine-tuning jobs/);
  });

  it('429 is rate_limited with the server-given wait', async () => {
    const e = await failure(withFault('429').listModels());
    expect(e.kind).toBe('rate_limited');
    expect(e.retryAfterMs).toBe(2000);
  });

  it('500 is server', async () => {
    expect((await failure(withFault('500').getJob('ftjob-x'))).kind).toBe('server');
  });

  it('slow past the timeout is network; within it, an answer', async () => {
    const slow = createProvider(profileFor(sb.baseUrl), env, { maxRetries: 0, timeoutMs: 100, defaultHeaders: { 'x-sandbox-fault': 'slow' } });
    const e = await failure(slow.listModels());
    expect(e.kind).toBe('network');
    expect(e.message).toMatch(/did not answer in time/);
    expect((await withFault('slow').listModels()).length).toBeGreaterThan(0);
  });

  it('drop-stream mid-reply is a network error after the first text', async () => {
    const dropping = withFault('drop-stream');
    const pieces: string[] = [];
    const error = await (async () => {
      try {
        for await (const piece of dropping.chatStream({ model: 'gpt-4o-mini-2024-07-18', messages: [{ role: 'user', content: 'Tell me a long story please' }] }, new AbortController().signal)) {
          if (piece.delta) pieces.push(piece.delta);
        }
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(pieces.length).toBeGreaterThan(0);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).kind).toBe('network');
  });
});
