import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_ELIGIBLE_MESSAGE } from '../../../src/sandbox/faults.js';
import { eventually } from '../../helpers/eventually.js';
import { sampleTrainingJsonl, startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { call, KEY, uploadFile } from './client.js';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ slowMs: 300 });
});
afterAll(() => sb.close());

const fault = (kind: string): Record<string, string> => ({ 'x-sandbox-fault': kind });

describe('sandbox faults (x-sandbox-fault header)', () => {
  it('401 answers like a wrong key', async () => {
    const res = await call(sb.baseUrl, 'GET', '/models', undefined, fault('401'));
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'invalid_api_key', type: 'invalid_request_error', param: null });
    expect(res.body.error.message).not.toContain(KEY);
  });

  it('403-not-eligible says the organisation can no longer create fine-tuning jobs', async () => {
    const file = await uploadFile(sb.baseUrl, sampleTrainingJsonl(12));
    const res = await call(sb.baseUrl, 'POST', '/fine_tuning/jobs', { model: 'gpt-4o-mini-2024-07-18', training_file: file.body.id }, fault('403-not-eligible'));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(NOT_ELIGIBLE_MESSAGE);
    expect(res.body.error.message).toMatch(/not eligible to create new fine-tuning jobs/);
    expect((await call(sb.baseUrl, 'GET', '/fine_tuning/jobs')).body.data).toHaveLength(0);
  });

  it('429 carries Retry-After', async () => {
    const res = await call(sb.baseUrl, 'GET', '/fine_tuning/jobs', undefined, fault('429'));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(res.body.error.code).toBe('rate_limit_exceeded');
  });

  it('500 is a server error', async () => {
    const res = await call(sb.baseUrl, 'GET', '/files', undefined, fault('500'));
    expect(res.status).toBe(500);
    expect(res.body.error.type).toBe('server_error');
  });

  it('slow holds the answer, then answers normally', async () => {
    const t0 = performance.now();
    const res = await call(sb.baseUrl, 'GET', '/models', undefined, fault('slow'));
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
    expect(res.status).toBe(200);
  });

  it('drop-stream closes the connection in the middle of a streamed answer', async () => {
    const res = await fetch(`${sb.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...fault('drop-stream') },
      body: JSON.stringify({ model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content: 'Hi' }] }),
    });
    expect(res.status).toBe(200);
    let received = '';
    await expect(
      (async () => {
        for await (const chunk of res.body!) received += Buffer.from(chunk).toString();
      })(),
    ).rejects.toThrow();
    expect(received).toContain('chat.completion.chunk');
    expect(received).not.toContain('[DONE]');
  });

  it('drop-stream on a plain request closes the connection without an answer', async () => {
    await expect(call(sb.baseUrl, 'GET', '/models', undefined, fault('drop-stream'))).rejects.toThrow();
  });

  it('commit-then-500 / -drop / -slow make the job, then lose the answer; a read with the same header is answered', async () => {
    const file = await uploadFile(sb.baseUrl, sampleTrainingJsonl(12));
    const body = { model: 'gpt-4o-mini-2024-07-18', training_file: file.body.id };
    const before = (await call(sb.baseUrl, 'GET', '/fine_tuning/jobs?limit=100')).body.data.length;
    const failed = await call(sb.baseUrl, 'POST', '/fine_tuning/jobs', body, fault('commit-then-500'));
    expect(failed.status).toBe(500);
    await expect(call(sb.baseUrl, 'POST', '/fine_tuning/jobs', body, fault('commit-then-drop'))).rejects.toThrow();
    // The slow one makes the job and holds its answer: the client gives up once the job is there
    // (not after a fixed time, which a busy machine could spend before the job was even made).
    const giveUp = new AbortController();
    const slow = fetch(`${sb.baseUrl}/fine_tuning/jobs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...fault('commit-then-slow') },
      body: JSON.stringify(body),
      signal: giveUp.signal,
    });
    let answered = false;
    void slow.then(() => (answered = true), () => undefined);
    // A read with the fault header is answered.
    const made = async () => {
      const list = await call(sb.baseUrl, 'GET', '/fine_tuning/jobs?limit=100', undefined, fault('commit-then-500'));
      expect(list.status).toBe(200);
      return list.body.data.length - before === 3;
    };
    await eventually(made, { describe: () => 'the commit-then-slow job to be made' });
    expect(answered).toBe(false);
    giveUp.abort();
    await expect(slow).rejects.toThrow();
  });

  it('an unknown fault name is a 400 that lists the known ones', async () => {
    const res = await call(sb.baseUrl, 'GET', '/models', undefined, fault('teapot'));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('403-not-eligible');
  });
});

describe('server-wide faults (ftui sandbox --fault)', () => {
  it('403-not-eligible applies to job creation only; a path-limited 429 only to its path', async () => {
    const s = await startTestSandbox({ faults: [{ kind: '403-not-eligible', pathPrefix: null }, { kind: '429', pathPrefix: '/models' }] });
    try {
      const file = await uploadFile(s.baseUrl, sampleTrainingJsonl(12));
      expect(file.status).toBe(200);
      const job = await call(s.baseUrl, 'POST', '/fine_tuning/jobs', { model: 'gpt-4o-mini-2024-07-18', training_file: file.body.id });
      expect(job.status).toBe(403);
      expect((await call(s.baseUrl, 'GET', '/models')).status).toBe(429);
      expect((await call(s.baseUrl, 'GET', '/files')).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});
