// Exactly one job per confirmation on Together, which keeps no job metadata: the client id rides
// as the job's random seed (markerSeed) and the shared createJobOnce service finds the job by it
// when the create's answer is lost. Against the Together sandbox with each commit-then fault,
// through the real provider on the together-ai SDK with its default retries left on.
import { afterEach, describe, expect, it } from 'vitest';
import { createTogetherProvider, markerSeed } from '../../../src/api/together/provider.js';
import { createJobOnce } from '../../../src/effects/createJobOnce.js';
import type { FaultKind } from '../../../src/sandbox/faults.js';
import { startTestSandbox, togetherTrainingJsonl, type TestSandbox } from '../../helpers/sandbox.js';
import { call } from '../sandbox/client.js';

let sb: TestSandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

const LLAMA = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Reference';
const noWait = { lookupDelaysMs: [0, 10, 10], sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };

async function sandboxWith(kind: FaultKind) {
  sb = await startTestSandbox({ protocol: 'together', faults: [{ kind, pathPrefix: '/fine-tunes' }] });
  const form = new FormData();
  form.append('purpose', 'fine-tune');
  form.append('file_name', 'train.jsonl');
  form.append('file', new Blob([togetherTrainingJsonl(12)]), 'train.jsonl');
  const file = await call(sb.baseUrl, 'POST', '/files/upload', form);
  sb.clock.advance(2000);
  // The timeout is what loses commit-then-slow's answer (the sandbox never sends it); every other
  // request is answered, well within it even on a busy machine, so it is not short.
  const provider = createTogetherProvider({ name: 't', kind: 'together', baseUrl: sb.baseUrl, apiKeyEnv: 'K' }, { K: 'k' }, { timeoutMs: 3000 });
  return { provider, fileId: file.body.id as string, baseUrl: sb.baseUrl };
}

const request = (fileId: string, seed: number | null = null) => ({ model: LLAMA, trainingFileId: fileId, validationFileId: null, suffix: null, seed, method: 'supervised' as const, epochs: 1, extra: { loraR: 8 } });

async function jobsOnServer(baseUrl: string): Promise<{ id: string; random_seed: number | null }[]> {
  return (await call(baseUrl, 'GET', '/fine-tunes')).body.data;
}

describe('createJobOnce on Together (client id carried as the random seed)', () => {
  for (const kind of ['commit-then-500', 'commit-then-drop', 'commit-then-slow'] as const) {
    it(`${kind}: one job on the server, adopted by its marker`, async () => {
      const { provider, fileId, baseUrl } = await sandboxWith(kind);
      const result = await createJobOnce(provider, { ...request(fileId), clientId: 'ftui-abc' }, noWait);
      const jobs = await jobsOnServer(baseUrl);
      expect(jobs).toHaveLength(1);
      expect(jobs[0]!.random_seed).toBe(markerSeed('ftui-abc'));
      expect(result.job.id).toBe(jobs[0]!.id);
      expect(result.adopted).toMatch(/The job was created/);
    });
  }

  it("with a seed the user chose, an older job with the same seed is not mistaken for the lost one", async () => {
    const { provider, fileId, baseUrl } = await sandboxWith('commit-then-500');
    // An earlier job with the same seed, model and file, made before this create.
    await call(baseUrl, 'POST', '/fine-tunes', { model: LLAMA, training_file: fileId, random_seed: 42, training_type: { type: 'Lora', lora_r: 8, lora_alpha: 16 } }, { 'x-sandbox-fault': '' });
    const before = (await jobsOnServer(baseUrl)).map((j) => j.id);
    const result = await createJobOnce(provider, { ...request(fileId, 42), clientId: 'ftui-def' }, noWait);
    expect(before).not.toContain(result.job.id);
    expect(await jobsOnServer(baseUrl)).toHaveLength(2);
  });

  it('markerSeed is a valid, stable seed that differs between ids', () => {
    const a = markerSeed('ftui-1');
    expect(a).toBe(markerSeed('ftui-1'));
    expect(a).not.toBe(markerSeed('ftui-2'));
    expect(a).toBeGreaterThanOrEqual(1);
    expect(a).toBeLessThanOrEqual(2_147_483_647);
  });
});
