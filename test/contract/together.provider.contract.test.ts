// ftui's Together provider — the official together-ai SDK underneath — drives the Together sandbox
// through Prism's validating proxy with Together's document: upload (and wait for processing) →
// estimate → create → retrieve to completion → events → metrics → checkpoints → list → cancel,
// then deploy, chat and stop. Any violation Prism reports, in either direction, fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTogetherProvider, type TogetherProvider } from '../../src/api/together/provider.js';
import type { CreateJobInput } from '../../src/api/types.js';
import { startPrismProxy, TOGETHER_OPENAPI_DOCUMENT, type PrismProxy } from '../helpers/prism.js';
import { startTestSandbox, togetherTrainingJsonl, type TestSandbox } from '../helpers/sandbox.js';

let sb: TestSandbox;
let prism: PrismProxy;
let provider: TogetherProvider;
const violations: { where: string; items: unknown }[] = [];
const seen: string[] = [];

const checkedFetch: typeof fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const method = init?.method ?? 'GET';
  // Each look at a file being processed moves sandbox time on, so processing finishes.
  if (method === 'GET' && /\/files\/[^/]+$/.test(url)) sb.clock.advance(800);
  const res = await fetch(input, init);
  seen.push(`${method} ${new URL(url).pathname}`);
  const header = res.headers.get('sl-violations');
  if (header !== null) violations.push({ where: `${method} ${url}`, items: JSON.parse(header) });
  else if ((res.headers.get('content-type') ?? '').includes('json')) {
    const text = await res.clone().text();
    if (text.includes('stoplight.io/prism/errors')) violations.push({ where: `${method} ${url}`, items: text });
  }
  return res;
};

beforeAll(async () => {
  sb = await startTestSandbox({ protocol: 'together' });
  prism = await startPrismProxy(sb.baseUrl, { document: TOGETHER_OPENAPI_DOCUMENT });
  provider = createTogetherProvider({ name: 'contract', kind: 'together', baseUrl: prism.baseUrl, apiKeyEnv: 'K' }, { K: 'contract' }, { maxRetries: 0, fetch: checkedFetch, processingPollMs: 1 });
}, 120_000);

afterAll(async () => {
  await prism?.close();
  await sb?.close();
});

const LLAMA = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Reference';
const bytes = (text: string) => new TextEncoder().encode(text);

function expectNoViolations() {
  expect(violations, `Prism output:\n${prism.output().slice(-3000)}`).toEqual([]);
}

describe("the Together provider (together-ai SDK) conforms to Together's document", () => {
  let trainId = '';
  let validId = '';
  let jobId = '';

  it('uploads with the multipart upload and waits until the service has processed the file', async () => {
    const progress: number[] = [];
    const train = await provider.uploadFile({ name: 'train.jsonl', bytes: bytes(togetherTrainingJsonl(40)) }, { purpose: 'fine-tune', onProgress: (sent) => progress.push(sent) });
    const valid = await provider.uploadFile({ name: 'valid.jsonl', bytes: bytes(togetherTrainingJsonl(10, ' (v)')) }, { purpose: 'fine-tune' });
    expect(train.status).toBe('COMPLETED');
    expect(progress.at(-1)).toBe(train.bytes);
    trainId = train.id;
    validId = valid.id;
    expect((await provider.listFiles()).map((f) => f.id)).toEqual(expect.arrayContaining([trainId, validId]));
    expectNoViolations();
  });

  it("surfaces the service's own validation report when it refuses a file", async () => {
    const bad = `${togetherTrainingJsonl(3)}{"messages": [{"role": "user", "content": "a"}, {"role": "user", "content": "b"}]}\n`;
    const error = await provider.uploadFile({ name: 'bad.jsonl', bytes: bytes(bad) }, { purpose: 'fine-tune' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid_request' });
    expect(String((error as Error).message)).toMatch(/Together refused bad\.jsonl: .*line 4/);
    expectNoViolations();
  });

  let n = 0;
  const input = (patch: Partial<CreateJobInput> = {}): CreateJobInput => ({
    clientId: `contract-${++n}`,
    model: LLAMA,
    trainingFileId: trainId,
    validationFileId: validId,
    suffix: 'contract',
    seed: 11,
    method: 'supervised',
    epochs: 2,
    batchSize: 8,
    extra: { learningRate: 1e-5, training: 'lora', loraR: 16, loraAlpha: 32, loraDropout: 0.05, nEvals: 2, nCheckpoints: 2, warmupRatio: 0.05, maxSeqLength: 4096, trainOnInputs: 'no' },
    ...patch,
  });

  it("reads the service's base models and each one's limits (the Validate list, the form's ranges)", async () => {
    const models = await provider.catalog.list();
    expect(models).toContain(LLAMA);
    for (const model of models) {
      const info = await provider.catalog.info(model);
      expect(info.maxTokens?.supervised).toBeGreaterThan(0);
      expect(info.facts?.tokenLimit).toBe(info.maxTokens?.supervised);
    }
    const fields = await provider.catalog.fields(LLAMA);
    expect(fields.find((f) => f.name === 'loraR')?.max).toBe(64);
    expect(seen.filter((s) => s.endsWith('/fine-tunes/models/limits'))).toHaveLength(models.length);
    expectNoViolations();
  });

  it('estimates the price, creates a LoRA job, and follows it to completion with events, metrics and checkpoints', async () => {
    const price = await provider.estimatePrice(input());
    expect(price.usd).toBeGreaterThan(0);
    expect(price.trainTokens).toBeGreaterThan(0);
    const job = await provider.createJob(input());
    jobId = job.id;
    expect(job.status).toBe('queued');
    expect(job.settings).toMatchObject({ training: 'LoRA', 'LoRA r': '16' });
    const statuses = new Set<string>();
    for (let i = 0; i < 14; i++) {
      sb.clock.advance(2000);
      statuses.add((await provider.getJob(jobId)).status);
    }
    const done = await provider.getJob(jobId);
    expect(done.status).toBe('succeeded');
    expect(done.fineTunedModel).toMatch(/contract/);
    expect([...statuses]).toEqual(expect.arrayContaining(['running', 'succeeded']));
    const events = await provider.listAllEvents(jobId);
    expect(events[0]!.kind).toBe('job_complete');
    expect(events.map((e) => e.kind)).toContain('epoch_complete');
    const page = await provider.listEvents(jobId, { limit: 3, after: events[2]!.id });
    expect(page.data[0]!.id).toBe(events[3]!.id);
    const metrics = await provider.listMetrics(jobId, {});
    expect(metrics.length).toBe(10);
    expect(metrics.some((m) => m.validLoss != null)).toBe(true);
    expect((await provider.listMetrics(jobId, { fromStep: 9 })).map((m) => m.step)).toEqual([9, 10]);
    const checkpoints = await provider.listCheckpoints(jobId);
    expect(checkpoints[0]!.modelId).toBe(done.fineTunedModel);
    expect((await provider.listJobs({ limit: 5 })).data[0]!.id).toBe(jobId);
    expectNoViolations();
  });

  it('creates a full DPO job with a cosine schedule and cancels it', async () => {
    const dpo = await provider.createJob(input({ method: 'dpo', beta: 0.2, validationFileId: null, extra: { training: 'lora', lrScheduler: 'cosine' } }));
    expect(dpo.method).toBe('dpo');
    const cancelled = await provider.cancelJob(dpo.id);
    expect(cancelled.status).toBe('cancelling');
    sb.clock.advance(100);
    expect((await provider.getJob(dpo.id)).status).toBe('cancelled');
    expect((await provider.listAllJobs()).length).toBe(2);
    expectNoViolations();
  });

  it('deploys the fine-tune on a dedicated endpoint (price per hour, auto-stop), chats with it, and stops it', async () => {
    const model = (await provider.getJob(jobId)).fineTunedModel!;
    const listed = (await provider.listModels()).find((m) => m.id === model);
    expect(listed).toMatchObject({ needsDeployment: true, fineTuned: true, baseModel: (await provider.getJob(jobId)).model });
    const [option] = await provider.deployments.options(model);
    expect(option!.usdPerHour).toBeCloseTo(3.36, 2);
    const request = { model, optionId: option!.id, autoStopMinutes: 15, clientId: 'c-1' };
    const started = sb.clock.now(); // the service's clock, as a real one would be close to ours
    const dep = await provider.deployments.create(request);
    expect(dep).toMatchObject({ state: 'pending', usdPerHour: 3.36, autoStopMinutes: 15 });
    expect((await provider.deployments.find(request, started))?.id).toBe(dep.id);
    expect(await provider.deployments.find({ ...request, clientId: 'c-2' }, started)).toBeNull();
    sb.clock.advance(6000);
    const ready = await provider.deployments.get(dep.id);
    expect(ready.state).toBe('ready');
    expect((await provider.listModels()).find((m) => m.id === ready.chatModel && !m.needsDeployment)).toMatchObject({ fineTuned: true, baseModel: (await provider.getJob(jobId)).model });
    const reply = await provider.chat({ model: ready.chatModel, messages: [{ role: 'user', content: 'Hi' }], maxTokens: 30 });
    expect(reply.text).toContain('[sandbox');
    expect((await provider.deployments.stop(dep.id)).state).toBe('stopping');
    expectNoViolations();
  });

  it('went through the documented routes only', () => {
    expect(seen).toContain('POST /files/upload');
    expect(seen).not.toContain('POST /files');
  });
});
