// Uploading once: the same bytes are not sent again to the same service (confirmed by its file
// list), a multipart upload interrupted part-way resumes from the parts already sent, each part
// is retried a bounded number of times, and a stopped upload is cancelled.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createProvider, type ClientOptions } from '../../../src/api/createProvider.js';
import { providerKey, UploadRecords } from '../../../src/core/uploadRecords.js';
import { uploadOnce } from '../../../src/effects/uploadOnce.js';
import { manualClock } from '../../../src/sandbox/clock.js';
import { startSandbox, type SandboxServer } from '../../../src/sandbox/server.js';
import { sampleTrainingJsonl } from '../../helpers/sandbox.js';

let server: SandboxServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setUp(options: ClientOptions & { partBytes?: number } = {}) {
  const requests: string[] = [];
  server = await startSandbox({ port: 0, clock: manualClock(), onRequest: (method, path, status) => requests.push(`${method} ${path.replace(/\/v1/, '').replace(/(upload|part|file)[-_][A-Za-z0-9]+/g, '$1')} ${status}`) });
  const dir = mkdtempSync(join(tmpdir(), 'ftui-upload-'));
  const path = join(dir, 'train.jsonl');
  writeFileSync(path, sampleTrainingJsonl(40));
  const provider = createProvider({ name: 's', kind: 'sandbox', baseUrl: server.baseUrl, apiKeyEnv: 'NO_KEY' }, {}, { uploadPartBytes: options.partBytes ?? 1_000_000, partRetryMs: 1, ...options });
  const records = new UploadRecords(join(dir, 'data', 'uploads.json'));
  const key = providerKey('sandbox', server.baseUrl);
  return { requests, path, provider, records, key, state: server.sandbox.state };
}

describe('uploadOnce', () => {
  it('sends a file once per service; the second time nothing is uploaded, after the file list confirms it', async () => {
    const { requests, path, provider, records, key } = await setUp();
    const first = await uploadOnce(provider, path, { providerKey: key, records });
    expect(first.reused).toBe(false);
    requests.length = 0;
    const second = await uploadOnce(provider, path, { providerKey: key, records });
    expect(second).toMatchObject({ reused: true, file: { id: first.file.id } });
    expect(requests).toEqual(['GET /files 200']);
    // Another service (or base URL) has its own files.
    const elsewhere = await uploadOnce(provider, path, { providerKey: providerKey('openai', null), records });
    expect(elsewhere.reused).toBe(false);
  });

  it('uploads again when the file was deleted on the service, or its bytes changed', async () => {
    const { path, provider, records, key } = await setUp();
    const first = await uploadOnce(provider, path, { providerKey: key, records });
    await provider.deleteFile(first.file.id);
    const again = await uploadOnce(provider, path, { providerKey: key, records });
    expect(again.reused).toBe(false);
    expect(again.file.id).not.toBe(first.file.id);
    writeFileSync(path, sampleTrainingJsonl(41));
    expect((await uploadOnce(provider, path, { providerKey: key, records })).reused).toBe(false);
  });

  it('retries a failing part with backoff, at most 3 more times, then keeps the upload open and resumes from the parts sent', async () => {
    let failPart = 2;
    let partCalls = 0;
    const faulty: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      if (String(input instanceof Request ? input.url : input).endsWith('/parts')) {
        partCalls += 1;
        if (partCalls === failPart) headers.set('x-sandbox-fault', '500');
        if (failPart === -1 && partCalls >= 3) headers.set('x-sandbox-fault', '500');
      }
      return fetch(input, { ...init, headers });
    };
    const { requests, path, provider, records, key, state } = await setUp({ partBytes: 1000, fetch: faulty });
    // One failure of part 2: retried, and the upload completes.
    const ok = await uploadOnce(provider, path, { providerKey: key, records });
    expect(ok.file.bytes).toBeGreaterThan(3000);
    expect(requests.filter((r) => r === 'POST /uploads/upload/parts 500')).toHaveLength(1);
    // Part 3 fails every time: 1 + 3 tries, then the error; the upload stays pending with 2 parts.
    writeFileSync(path, sampleTrainingJsonl(40) + sampleTrainingJsonl(1));
    partCalls = 0;
    failPart = -1;
    requests.length = 0;
    const failed = await uploadOnce(provider, path, { providerKey: key, records }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ kind: 'server' });
    expect(requests.filter((r) => r.startsWith('POST /uploads/upload/parts'))).toEqual([
      'POST /uploads/upload/parts 200',
      'POST /uploads/upload/parts 200',
      ...Array(4).fill('POST /uploads/upload/parts 500'),
    ]);
    expect(state.uploads[0]).toMatchObject({ status: 'pending' });
    expect(state.uploads[0]!.parts).toHaveLength(2);
    // The retry sends only the parts that are missing, into the same upload.
    failPart = 0;
    requests.length = 0;
    const resumed = await uploadOnce(provider, path, { providerKey: key, records });
    expect(requests.filter((r) => r === 'POST /uploads 200')).toEqual([]);
    const sizes = Math.ceil(resumed.file.bytes / 1000);
    expect(requests.filter((r) => r === 'POST /uploads/upload/parts 200')).toHaveLength(sizes - 2);
    expect(state.uploads[0]).toMatchObject({ status: 'completed' });
    expect(state.fileContents[resumed.file.id]).toBe(sampleTrainingJsonl(40) + sampleTrainingJsonl(1));
  });

  it('a stopped upload is cancelled, so nothing stays pending', async () => {
    const controller = new AbortController();
    let parts = 0;
    const stopping: typeof fetch = (input, init) => {
      if (String(input instanceof Request ? input.url : input).endsWith('/parts') && ++parts === 2) controller.abort();
      return fetch(input, init);
    };
    const { path, provider, records, key, state } = await setUp({ partBytes: 1000, fetch: stopping });
    await expect(uploadOnce(provider, path, { providerKey: key, records, signal: controller.signal })).rejects.toThrow();
    expect(state.uploads[0]).toMatchObject({ status: 'cancelled' });
  });
});
