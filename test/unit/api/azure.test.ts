// Azure OpenAI through ftui's provider against `ftui sandbox --protocol azure`: the training tier,
// the UTF-8-with-BOM upload made from a copy, and the deploy step through Azure's own SDKs
// (@azure/identity for the token, @azure/arm-cognitiveservices for the deployment) at the
// sandbox's local HTTPS management endpoint, before chat answers.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProvider } from '../../../src/api/createProvider.js';
import type { FineTuningProvider } from '../../../src/api/types.js';
import { parseProfiles, type Profile } from '../../../src/core/profiles.js';
import { createJobOnce } from '../../../src/effects/createJobOnce.js';
import { manualClock, type ManualClock } from '../../../src/sandbox/clock.js';
import { startSandbox, type SandboxServer } from '../../../src/sandbox/server.js';
import { sampleTrainingJsonl } from '../../helpers/sandbox.js';

describe('an azure profile', () => {
  it('takes subscription, resource group and account together, and https management URLs only', () => {
    const ok = parseProfiles(JSON.stringify({ profiles: [{ name: 'a', kind: 'azure', baseUrl: 'https://x.openai.azure.com', subscriptionId: 's', resourceGroup: 'rg', accountName: 'x' }] }), 'p.json');
    expect(ok.profiles[0]!.azure).toEqual({ subscriptionId: 's', resourceGroup: 'rg', accountName: 'x' });
    expect(() => parseProfiles(JSON.stringify({ profiles: [{ name: 'a', kind: 'azure', baseUrl: 'https://x.openai.azure.com', subscriptionId: 's' }] }), 'p.json')).toThrow(/resourceGroup is missing/);
    expect(() => parseProfiles(JSON.stringify({ profiles: [{ name: 'a', kind: 'azure', baseUrl: 'https://x', subscriptionId: 's', resourceGroup: 'r', accountName: 'x', managementEndpoint: 'http://x' }] }), 'p.json')).toThrow(/https/);
    expect(() => parseProfiles(JSON.stringify({ profiles: [{ name: 'o', kind: 'openai', subscriptionId: 's', resourceGroup: 'r', accountName: 'x' }] }), 'p.json')).toThrow(/azure profile/);
  });

  it('offers the training tier with a line on each, and deploys only when the resource is named', () => {
    const without = createProvider({ name: 'a', kind: 'azure', baseUrl: 'https://x.openai.azure.com', apiKeyEnv: 'K' }, { K: 'k' });
    const tier = without.capabilities.createFields.find((f) => f.name === 'trainingType')!;
    expect(tier.choices).toEqual(['standard', 'globalstandard', 'developertier']);
    expect(Object.values(tier.choiceHelp ?? {})).toEqual([expect.stringMatching(/^Standard: .*region/), expect.stringMatching(/^Global Standard: .*cheaper/), expect.stringMatching(/^Developer: .*spot/)]);
    expect(without.capabilities).toMatchObject({ deployStep: true, deployments: false, fileRules: { bom: 'required' } });
  });
});

describe('Azure against its sandbox', () => {
  let server: SandboxServer;
  let clock: ManualClock;
  let provider: FineTuningProvider;
  let dir: string;

  beforeEach(async () => {
    clock = manualClock();
    server = await startSandbox({ protocol: 'azure', clock, port: 0, streamDelayMs: 0 });
    const m = server.management!;
    const profile: Profile = {
      name: 'azure-sandbox',
      kind: 'azure',
      baseUrl: server.baseUrl.replace(/\/v1$/, ''),
      apiKeyEnv: 'K',
      azure: { subscriptionId: 'sub', resourceGroup: 'rg', accountName: 'acct', tenantId: 'sandbox-tenant', managementEndpoint: m.origin, authorityHost: m.origin, caFile: m.certFile },
    };
    provider = createProvider(profile, { K: 'sandbox' }, { maxRetries: 0 });
    dir = await mkdtemp(join(tmpdir(), 'ftui-azure-'));
  });
  afterEach(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("reads Azure's own dates from its model list: the fine-tunable bases, the last day of training and retirement replace OpenAI's shutdown date", async () => {
    const catalog = provider.catalog!;
    const models = await catalog.list();
    expect(models).toContain('gpt-4.1-mini-2025-04-14');
    expect(models).not.toContain('gpt-4o-mini'); // listed, but Azure does not fine-tune it
    const info = await catalog.info('gpt-4.1-mini-2025-04-14');
    expect(info).toMatchObject({ trainingEnds: '2027-04-14', retires: '2027-10-14' });
    // Counted exactly as OpenAI's model (ftui's table), with Azure's retirement date.
    expect(info.facts).toMatchObject({ encoding: 'o200k_base', shutdownDate: '2027-10-14' });
    expect(info.facts?.tokenEstimate).toBeUndefined();
    expect((await catalog.fields('gpt-4.1-mini-2025-04-14')).find((f) => f.name === 'model')?.choices).toEqual(models);
    // The provider's model list (the Jobs and Chat screens' dates) carries the same date.
    const listed = (await provider.listModels()).find((m) => m.id === 'gpt-4.1-mini-2025-04-14');
    expect(new Date(listed!.shutdownDate!).toISOString().slice(0, 10)).toBe('2027-10-14');
  });

  it('uploads a copy with the BOM Azure asks for and leaves the file as it was', async () => {
    const path = join(dir, 'train.jsonl');
    const text = sampleTrainingJsonl();
    await writeFile(path, text);
    const file = await provider.uploadFile(path, { purpose: 'fine-tune' });
    expect(file.bytes).toBe(Buffer.byteLength(text) + 3);
    expect(await readFile(path, 'utf8')).toBe(text);
    // Without ftui's conversion the sandbox refuses the file as Azure's rule says.
    const raw = createProvider({ name: 'o', kind: 'sandbox', baseUrl: server.baseUrl, apiKeyEnv: 'K' }, { K: 'x' }, { maxRetries: 0 });
    await expect(raw.uploadFile(path, { purpose: 'fine-tune' })).rejects.toMatchObject({ kind: 'invalid_request', message: expect.stringMatching(/byte-order mark/) });
  });

  it('trains with a tier, refuses chat until deployed, deploys through the management SDK once, chats, deletes', async () => {
    const file = await provider.uploadFile({ name: 'train.jsonl', bytes: new TextEncoder().encode(sampleTrainingJsonl()) }, { purpose: 'fine-tune' });
    const { job } = await createJobOnce(provider, { model: 'gpt-4.1-mini-2025-04-14', trainingFileId: file.id, validationFileId: null, suffix: null, seed: null, method: 'supervised', epochs: 'auto', extra: { trainingType: 'developertier' } });
    clock.advance(60_000);
    const done = await provider.getJob(job.id);
    expect(done.status).toBe('succeeded');
    expect(done.fineTunedModel).toMatch(/^gpt-4\.1-mini-2025-04-14\.ft-[0-9a-f]{32}$/);
    await expect(provider.chat({ model: done.fineTunedModel!, messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({ kind: 'not_found' });

    const service = provider.deployments!;
    const options = await service.options(done.fineTunedModel!);
    expect(options.map((o) => [o.id, o.usdPerHour, o.lifetimeHours])).toEqual([['Standard', 1.7, null], ['GlobalStandard', 1.7, null], ['DeveloperTier', null, 24]]);
    const request = { model: done.fineTunedModel!, optionId: 'DeveloperTier', autoStopMinutes: null, clientId: 'ftui-5678-efgh' };
    const created = await service.create(request);
    expect(created).toMatchObject({ id: 'ftui-5678-efgh', chatModel: 'ftui-5678-efgh', usdPerHour: null, state: 'starting' });
    expect(created.expiresAt).toBe(created.createdAt + 24 * 3600_000);
    // The same request again (a lost answer, a retry) updates the same deployment.
    await service.create(request);
    expect((await service.list()).map((d) => d.id)).toEqual(['ftui-5678-efgh']);
    expect(await service.find(request, 0)).toMatchObject({ id: 'ftui-5678-efgh' });
    clock.advance(10_000);
    expect((await service.get(created.id)).state).toBe('ready');
    const reply = await provider.chat({ model: created.chatModel, messages: [{ role: 'user', content: 'hi' }] });
    expect(reply.text).toContain('[sandbox');
    expect((await service.stop(created.id)).state).toBe('stopped');
    expect(await service.list()).toEqual([]);
    expect(await service.find(request, 0)).toBeNull();
  });
});
