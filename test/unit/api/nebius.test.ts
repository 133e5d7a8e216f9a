// Nebius Token Factory through ftui's provider, driven against `ftui sandbox --protocol nebius`
// with the official openai SDK: its own create fields, steps, checkpoints with downloadable
// weights, the deploy step (/v0/models) before chat, and exactly-once creates without metadata.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProvider } from '../../../src/api/createProvider.js';
import type { NebiusProvider } from '../../../src/api/nebius/provider.js';
import type { FineTuningProvider } from '../../../src/api/types.js';
import { connectionLabel } from '../../../src/components/connectionLabel.js';
import { parseProfiles, resolveConnection } from '../../../src/core/profiles.js';
import { createJobOnce } from '../../../src/effects/createJobOnce.js';
import { initialConnectionState } from '../../../src/store/slices/connection.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

const none = { profiles: [] };

function chatJsonl(n = 20): string {
  return `${Array.from({ length: n }, (_, i) => JSON.stringify({ messages: [{ role: 'user', content: `What is ${i} + ${i}?` }, { role: 'assistant', content: `${2 * i}.` }] })).join('\n')}\n`;
}

describe('choosing Nebius', () => {
  it('NEBIUS_API_KEY alone picks Nebius (NEBIUS_BASE_URL moves it); a profile of kind nebius reads NEBIUS_API_KEY', () => {
    expect(resolveConnection({}, { NEBIUS_API_KEY: 'k', NEBIUS_BASE_URL: 'http://127.0.0.1:9/v1' }, none).settings).toMatchObject({ kind: 'nebius', apiKeyEnv: 'NEBIUS_API_KEY', baseUrl: 'http://127.0.0.1:9/v1' });
    expect(resolveConnection({}, { NEBIUS_API_KEY: 'k', OPENAI_API_KEY: 'o' }, none).settings.kind).toBe('openai');
    expect(resolveConnection({ baseUrl: 'https://api.tokenfactory.nebius.com/v1/', apiKeyEnv: 'MY' }, { MY: 'k' }, none).settings.kind).toBe('nebius');
    expect(parseProfiles(JSON.stringify({ profiles: [{ name: 'n', kind: 'nebius' }] }), 'p.json').profiles[0]).toMatchObject({ kind: 'nebius', baseUrl: null, apiKeyEnv: 'NEBIUS_API_KEY' });
    expect(connectionLabel({ ...initialConnectionState, kind: 'nebius', baseUrl: 'http://127.0.0.1:8787/v1', keyPresent: true })).toBe('Nebius SANDBOX 127.0.0.1:8787');
  });

  it('offers exactly Nebius fields with numeric defaults, no multiplier and no auto', () => {
    const caps = createProvider({ name: 'n', kind: 'nebius', baseUrl: null, apiKeyEnv: 'K' }, { K: 'k' }).capabilities;
    const names = caps.createFields.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['learningRate', 'lora', 'loraR', 'loraAlpha', 'loraDropout', 'packing', 'maxGradNorm', 'contextLength', 'warmupRatio', 'weightDecay']));
    expect(names).not.toContain('learningRateMultiplier');
    expect(caps.createFields.filter((f) => f.allowsAuto)).toEqual([]);
    expect(caps.createFields.find((f) => f.name === 'learningRate')?.empty).toBe('0.00001');
    expect(caps).toMatchObject({ label: 'Nebius', deployStep: true, deployments: true, weightsDownload: true });
  });
});

describe('Nebius against its sandbox', () => {
  let sandbox: TestSandbox;
  let provider: NebiusProvider;
  let dir: string;

  beforeEach(async () => {
    sandbox = await startTestSandbox({ protocol: 'nebius' });
    provider = createProvider({ name: 'n', kind: 'nebius', baseUrl: sandbox.baseUrl, apiKeyEnv: 'K' }, { K: 'sandbox' }, { maxRetries: 0 }) as NebiusProvider;
    dir = await mkdtemp(join(tmpdir(), 'ftui-nebius-'));
  });
  afterEach(async () => {
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function finishedJob(p: FineTuningProvider) {
    const file = await p.uploadFile({ name: 'train.jsonl', bytes: new TextEncoder().encode(chatJsonl()) }, { purpose: 'fine-tune' });
    const { job } = await createJobOnce(p, {
      model: 'meta-llama/Meta-Llama-3.1-8B-Instruct',
      trainingFileId: file.id,
      validationFileId: null,
      suffix: null,
      seed: null,
      method: 'supervised',
      epochs: 2,
      batchSize: 8,
      extra: { learningRate: 0.0002, lora: true, loraR: 16, loraAlpha: 32, packing: false, contextLength: 4096 },
    });
    sandbox.clock.advance(60_000);
    return { job, full: await p.getJob(job.id) };
  }

  it('sends its fields in hyperparameters and reads back steps and settings', async () => {
    const { full } = await finishedJob(provider);
    expect(full.status).toBe('succeeded');
    expect(full.hyperparameters.learningRate).toEqual({ kind: 'absolute', value: 0.0002 });
    expect(full.hyperparameters.epochs).toBe(2);
    expect(full.settings).toMatchObject({ LoRA: 'yes', 'LoRA rank': '16', 'LoRA alpha': '32', packing: 'no', 'context length': '4096' });
    expect(full.progress?.totalSteps).toBeGreaterThan(0);
    expect(full.progress?.step).toBe(full.progress?.totalSteps);
    // Nebius names no model on the job: what it deploys is a checkpoint, <job>:<checkpoint>.
    expect(full.fineTunedModel).toMatch(new RegExp(`^${full.id}:ftckpt_`));
  });

  it('downloads a checkpoint\'s weights to a file without holding a partial one', async () => {
    const { job } = await finishedJob(provider);
    const checkpoints = await provider.listCheckpoints(job.id);
    const file = checkpoints[0]!.weightFiles![0]!;
    const dest = join(dir, 'adapter.safetensors');
    const seen: number[] = [];
    const { bytes } = await provider.downloadFile(file, dest, { onProgress: (n) => seen.push(n) });
    const text = await readFile(dest, 'utf8');
    expect(text).toContain('SANDBOX CHECKPOINT WEIGHTS');
    expect(bytes).toBe(Buffer.byteLength(text));
    expect(seen.at(-1)).toBe(bytes);
  });

  it('refuses chat with the undeployed checkpoint, deploys it, follows it until active, then chats by its name', async () => {
    const { full } = await finishedJob(provider);
    const source = full.fineTunedModel!;
    await expect(provider.chat({ model: source, messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({ kind: 'not_found' });
    const models = await provider.listModels();
    expect(models.find((m) => m.id === source)).toMatchObject({ needsDeployment: true });

    const service = provider.deployments;
    expect(await service.options()).toEqual([expect.objectContaining({ usdPerHour: null, available: true })]);
    const request = { model: source, optionId: 'serverless', autoStopMinutes: null, clientId: 'ftui-1234-abcd' };
    const created = await service.create(request);
    expect(created).toMatchObject({ state: 'starting', rawState: 'validating', usdPerHour: null, model: source });
    expect(created.chatModel).toMatch(/^meta-llama\/Meta-Llama-3\.1-8B-Instruct-LoRa:ftui-/);
    sandbox.clock.advance(10_000);
    const ready = await service.get(created.id);
    expect(ready.state).toBe('ready');
    const reply = await provider.chat({ model: ready.chatModel, messages: [{ role: 'user', content: 'hi' }] });
    expect(reply.text).toContain('[sandbox');
    // A create whose answer was lost is found by the marker it carried, not sent again.
    expect(await service.find(request, sandbox.clock.now() - 60_000)).toMatchObject({ id: created.id });
    expect(await service.find({ ...request, clientId: 'ftui-other' }, sandbox.clock.now() - 60_000)).toBeNull();
    const stopped = await service.stop(created.id);
    expect(stopped.state).toBe('stopped');
    expect((await service.list()).map((d) => d.id)).not.toContain(created.id);
  });

  it('creates exactly once when the answer is lost: the seed marker finds the job', async () => {
    const file = await provider.uploadFile({ name: 'train.jsonl', bytes: new TextEncoder().encode(chatJsonl()) }, { purpose: 'fine-tune' });
    const lossy = createProvider({ name: 'n', kind: 'nebius', baseUrl: sandbox.baseUrl, apiKeyEnv: 'K' }, { K: 'sandbox' }, { maxRetries: 0, defaultHeaders: { 'x-sandbox-fault': 'commit-then-500' } });
    // Reads under a commit fault are answered, so the look-up works on the same client.
    const result = await createJobOnce(lossy, { model: 'meta-llama/Meta-Llama-3.1-8B-Instruct', trainingFileId: file.id, validationFileId: null, suffix: null, seed: null, method: 'supervised', epochs: 'auto' }, { lookupDelaysMs: [0] });
    expect(result.adopted).toMatch(/found the job by its request id/);
    expect((await provider.listJobs({ limit: 10 })).data).toHaveLength(1);
  });
});
