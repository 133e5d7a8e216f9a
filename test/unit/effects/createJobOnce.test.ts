// Exactly one job per confirmation. Against the sandbox with each commit-then fault (the job is
// made, its answer lost), through the real provider on the official SDK with the SDK's default
// retries left on: each fault leaves one job on the server, found by its client id.
import { afterEach, describe, expect, it } from 'vitest';
import { createProvider } from '../../../src/api/createProvider.js';
import type { FineTuningProvider, JobRecord } from '../../../src/api/types.js';
import { CreateJobError, createJobOnce } from '../../../src/effects/createJobOnce.js';
import type { FaultKind } from '../../../src/sandbox/faults.js';
import { FakeProviderError, fakeJob, fakeProvider } from '../../helpers/fakeProvider.js';
import { sampleTrainingJsonl, startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { call, uploadFile } from '../sandbox/client.js';

let sb: TestSandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

/** The client's timeout where a create's answer is held back for good (commit-then-slow). */
const LOST_ANSWER_TIMEOUT_MS = 3000;

const noWait = { lookupDelaysMs: [0, 10, 10], sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };

async function sandboxWith(kind: FaultKind) {
  sb = await startTestSandbox({ faults: [{ kind, pathPrefix: '/fine_tuning/jobs' }] });
  const file = await uploadFile(sb.baseUrl, sampleTrainingJsonl(12));
  // The SDK's own retries stay at their default (2): the create must not use them. The timeout is
  // what loses commit-then-slow's answer (the sandbox never sends it); every other request here
  // is answered, and must be well within it even on a busy machine, so it is not short.
  const provider = createProvider({ name: 't', kind: 'sandbox', baseUrl: sb.baseUrl, apiKeyEnv: 'NO_KEY' }, {}, { timeoutMs: LOST_ANSWER_TIMEOUT_MS });
  return { provider, fileId: file.body.id as string, baseUrl: sb.baseUrl };
}

const request = (fileId: string) => ({ model: 'gpt-4o-mini-2024-07-18', trainingFileId: fileId, validationFileId: null, suffix: null, seed: null, method: 'supervised' as const, epochs: 2 });

async function jobsOnServer(baseUrl: string): Promise<{ id: string; metadata: Record<string, string> | null }[]> {
  return (await call(baseUrl, 'GET', '/fine_tuning/jobs?limit=100')).body.data;
}

describe('createJobOnce against the sandbox', () => {
  for (const kind of ['commit-then-500', 'commit-then-drop', 'commit-then-slow'] as const) {
    it(`${kind}: one job on the server, adopted by its client id, and the message says so`, async () => {
      const { provider, fileId, baseUrl } = await sandboxWith(kind);
      const result = await createJobOnce(provider, request(fileId), noWait);
      const jobs = await jobsOnServer(baseUrl);
      expect(jobs).toHaveLength(1);
      expect(result.job.id).toBe(jobs[0]!.id);
      expect(jobs[0]!.metadata).toEqual({ ftui_client_id: result.clientId });
      expect(result.adopted).toContain(`The job was created: ${jobs[0]!.id}`);
    });
  }

  it('a compatible service that keeps no metadata: the job is still found (by its marker seed), one job on the server', async () => {
    sb = await startTestSandbox({ faults: [{ kind: 'commit-then-500', pathPrefix: '/fine_tuning/jobs' }] });
    const file = await uploadFile(sb.baseUrl, sampleTrainingJsonl(12));
    // Stands in for an OpenAI-compatible service that accepts `metadata` and never gives it back.
    const dropsMetadata: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input instanceof Request ? input.url : input).includes('/fine_tuning/jobs') || !response.ok) return response;
      const body = (await response.json()) as { data?: Record<string, unknown>[] } & Record<string, unknown>;
      for (const job of body.data ?? [body]) delete job.metadata;
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    };
    const provider = createProvider({ name: 'c', kind: 'custom', baseUrl: sb.baseUrl, apiKeyEnv: 'NO_KEY' }, {}, { timeoutMs: LOST_ANSWER_TIMEOUT_MS, fetch: dropsMetadata });
    const result = await createJobOnce(provider, request(file.body.id as string), noWait);
    const jobs = await jobsOnServer(sb.baseUrl);
    expect(jobs).toHaveLength(1);
    expect(result.job.id).toBe(jobs[0]!.id);
    expect(result.adopted).toContain(`The job was created: ${jobs[0]!.id}`);
  });

  it('with the service down for reads too, the error says ftui could not look, and never invites a blind retry', async () => {
    sb = await startTestSandbox({ faults: [{ kind: '500', pathPrefix: '/fine_tuning/jobs' }] });
    const file = await uploadFile(sb.baseUrl, sampleTrainingJsonl(12));
    const provider = createProvider({ name: 't', kind: 'sandbox', baseUrl: sb.baseUrl, apiKeyEnv: 'NO_KEY' }, {}, { maxRetries: 0 });
    const error = (await createJobOnce(provider, request(file.body.id), noWait).catch((e: unknown) => e)) as CreateJobError;
    expect(error.message).toMatch(/could not look for the job/);
    expect(error.message).toMatch(/check the job list before creating another/);
  });
});

describe('createJobOnce rules (fake provider)', () => {
  it('a refusal (4xx) is final: no look-up, and the message says no job was created', async () => {
    const provider = fakeProvider();
    provider.failNext.createJob = new (class extends FakeProviderError {
      override readonly status = 400;
    })('invalid_request', 'bad suffix', null, 'suffix');
    const error = (await createJobOnce(provider, request('file-1'), noWait).catch((e: unknown) => e)) as CreateJobError;
    expect(error.outcome).toBe('not_created');
    expect(error.message).toBe('bad suffix No job was created.');
    expect(provider.calls).toEqual(['createJob']);
  });

  it('an earlier request whose job shows up late is adopted on the next confirmation instead of creating another', async () => {
    const provider = fakeProvider();
    const late: JobRecord = fakeJob('ftjob-late', { status: 'queued' });
    provider.jobs.push(late);
    provider.clientIds.set(late.id, 'ftui-earlier');
    const result = await createJobOnce(provider, { ...request('file-1'), clientId: 'ftui-earlier' }, { ...noWait, lookupFirst: true });
    expect(result.job.id).toBe('ftjob-late');
    expect(result.adopted).toMatch(/earlier request did create a job after all: ftjob-late/);
    expect(provider.calls).toEqual(['findJobByClientId']);
  });

  it('a lost answer with no job found looks three times, then creates nothing', async () => {
    const provider: FineTuningProvider = fakeProvider();
    (provider as ReturnType<typeof fakeProvider>).failNext.createJob = new FakeProviderError('network', 'Could not reach the service.');
    const error = (await createJobOnce(provider, request('file-1'), noWait).catch((e: unknown) => e)) as CreateJobError;
    expect(error.outcome).toBe('unknown');
    expect(error.message).toMatch(/the connection was lost.*no job was created/);
    expect((provider as ReturnType<typeof fakeProvider>).calls).toEqual(['createJob', 'findJobByClientId', 'findJobByClientId', 'findJobByClientId']);
  });

  it('a 500 before the commit: "no job was created"; confirming again with the same id looks, then makes exactly one', async () => {
    const provider = fakeProvider();
    provider.failNext.createJob = new (class extends FakeProviderError {
      override readonly status = 500;
    })('server', 'The service had a problem (HTTP 500).');
    const error = (await createJobOnce(provider, request('file-1'), noWait).catch((e: unknown) => e)) as CreateJobError;
    expect(error.message).toMatch(/HTTP 500.*no job was created\. Confirming again looks once more before creating\./);
    expect(error.message).not.toMatch(/usually works/);
    const again = await createJobOnce(provider, { ...request('file-1'), clientId: error.clientId }, { ...noWait, lookupFirst: true });
    expect(again.adopted).toBeNull();
    expect(provider.jobs).toHaveLength(1);
    expect(provider.clientIds.get(again.job.id)).toBe(error.clientId);
  });
});
