// The sandbox held to OpenAI's OpenAPI document: every request goes through Prism's validating
// proxy (`prism proxy … --errors`), which answers with an error instead of passing on a request
// or a response that violates the document. Plain fetch only: tests never import the SDK.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrismProxy, viaPrism as checkedViaPrism, type PrismProxy } from '../helpers/prism.js';
import { sampleTrainingJsonl, startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

let sb: TestSandbox;
let prism: PrismProxy;

beforeAll(async () => {
  sb = await startTestSandbox();
  prism = await startPrismProxy(sb.baseUrl);
});

afterAll(async () => {
  await prism?.close();
  await sb?.close();
});

const viaPrism = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => checkedViaPrism(prism, method, path, body, headers);

/** The same request, expecting Prism to refuse it; returns Prism's error body. */
async function prismRejects(method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${prism.baseUrl}${path}`, {
    method,
    headers: { authorization: 'Bearer sk-contract', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const parsed: any = await res.json();
  expect(parsed.type).toContain('stoplight.io/prism/errors');
  return parsed;
}

function trainingForm(text: string, name = 'train.jsonl'): FormData {
  const form = new FormData();
  form.append('purpose', 'fine-tune');
  form.append('file', new Blob([text], { type: 'application/jsonl' }), name);
  return form;
}

describe('sandbox against the OpenAI OpenAPI document (Prism proxy)', () => {
  let fileId = '';
  let jobId = '';

  it('files: upload, list, retrieve', async () => {
    const up = await viaPrism('POST', '/files', trainingForm(sampleTrainingJsonl(12)));
    expect(up.status).toBe(200);
    fileId = up.body.id;
    const list = await viaPrism('GET', '/files?purpose=fine-tune&limit=10');
    expect(list.body.data[0].id).toBe(fileId);
    expect((await viaPrism('GET', `/files/${fileId}`)).body.id).toBe(fileId);
  });

  it('files: content (known gap: the document calls raw JSONL application/json) and delete', async () => {
    const up = await viaPrism('POST', '/files', trainingForm(sampleTrainingJsonl(10), 'gone.jsonl'));
    const res = await fetch(`${prism.baseUrl}/files/${up.body.id}/content`, { headers: { authorization: 'Bearer sk-contract' } });
    // The sandbox sends the file's bytes as application/octet-stream; the document declares a JSON
    // string. Prism refuses the response for exactly that and nothing else (a new violation fails).
    const body = (await res.json()) as { type: string; validation: { message: string }[] };
    expect(body.type).toContain('prism/errors#VIOLATIONS');
    expect(body.validation.map((v) => v.message)).toEqual([
      'The received media type "application/octet-stream" does not match the one specified in the current response: application/json',
    ]);
    const del = await viaPrism('DELETE', `/files/${up.body.id}`);
    expect(del.body.deleted).toBe(true);
  });

  it('uploads: cancel', async () => {
    const created = await viaPrism('POST', '/uploads', { filename: 'x.jsonl', purpose: 'fine-tune', bytes: 10, mime_type: 'text/jsonl' });
    expect((await viaPrism('POST', `/uploads/${created.body.id}/cancel`)).body.status).toBe('cancelled');
  });

  it('uploads: create, add part, complete', async () => {
    const text = sampleTrainingJsonl(10);
    const created = await viaPrism('POST', '/uploads', { filename: 'big.jsonl', purpose: 'fine-tune', bytes: Buffer.byteLength(text), mime_type: 'text/jsonl' });
    const form = new FormData();
    form.append('data', new Blob([text]), 'part');
    const part = await viaPrism('POST', `/uploads/${created.body.id}/parts`, form);
    const done = await viaPrism('POST', `/uploads/${created.body.id}/complete`, { part_ids: [part.body.id] });
    expect(done.body.status).toBe('completed');
    expect(done.body.file.bytes).toBe(Buffer.byteLength(text));
  });

  it('jobs: create, list, retrieve through to success, events, checkpoints', async () => {
    const created = await viaPrism('POST', '/fine_tuning/jobs', {
      model: 'gpt-4o-mini-2024-07-18',
      training_file: fileId,
      suffix: 'contract',
      seed: 42,
      metadata: { purpose: 'contract' },
      method: { type: 'supervised', supervised: { hyperparameters: { n_epochs: 2 } } },
    });
    jobId = created.body.id;
    expect(created.body.status).toBe('validating_files');
    for (const step of [2500, 2000, 8000, 8000]) {
      sb.clock.advance(step);
      await viaPrism('GET', `/fine_tuning/jobs/${jobId}`);
    }
    const job = await viaPrism('GET', `/fine_tuning/jobs/${jobId}`);
    expect(job.body.status).toBe('succeeded');
    const list = await viaPrism('GET', '/fine_tuning/jobs?limit=1');
    expect(list.body.data[0].id).toBe(jobId);
    expect((await viaPrism('GET', `/fine_tuning/jobs?limit=1&after=${jobId}`)).body.has_more).toBe(false);
    const events = await viaPrism('GET', `/fine_tuning/jobs/${jobId}/events?limit=50`);
    expect(events.body.data.some((e: any) => e.type === 'metrics')).toBe(true);
    const more = await viaPrism('GET', `/fine_tuning/jobs/${jobId}/events?limit=5&after=${events.body.data[4].id}`);
    expect(more.body.data[0].id).toBe(events.body.data[5].id);
    const ckpts = await viaPrism('GET', `/fine_tuning/jobs/${jobId}/checkpoints`);
    expect(ckpts.body.data.length).toBeGreaterThan(0);
  });

  it('jobs: cancel, and a failed job with its error', async () => {
    const created = await viaPrism('POST', '/fine_tuning/jobs', { model: 'gpt-4o-mini-2024-07-18', training_file: fileId });
    expect((await viaPrism('POST', `/fine_tuning/jobs/${created.body.id}/cancel`)).body.status).toBe('cancelled');
    const bad = await viaPrism('POST', '/files', trainingForm(sampleTrainingJsonl(2)));
    const failing = await viaPrism('POST', '/fine_tuning/jobs', { model: 'gpt-4o-mini-2024-07-18', training_file: bad.body.id });
    sb.clock.advance(3000);
    const failed = await viaPrism('GET', `/fine_tuning/jobs/${failing.body.id}`);
    expect(failed.body.error.code).toBe('invalid_training_file');
  });

  it('models: list and retrieve a fine-tuned model', async () => {
    const models = await viaPrism('GET', '/models');
    const ft = models.body.data.find((m: any) => m.id.startsWith('ft:') && m.id.endsWith(`:contract:${jobId.slice(6, 14)}`));
    expect(ft).toBeDefined();
    expect((await viaPrism('GET', `/models/${encodeURIComponent(ft.id)}`)).body.id).toBe(ft.id);
  });

  it('chat completions (non-streaming) with the fine-tuned model', async () => {
    const job = await viaPrism('GET', `/fine_tuning/jobs/${jobId}`);
    const reply = await viaPrism('POST', '/chat/completions', {
      model: job.body.fine_tuned_model,
      messages: [{ role: 'user', content: 'Hello' }],
      max_completion_tokens: 50,
    });
    expect(reply.body.choices[0].message.content).toContain('[sandbox');
  });

  it('Prism does check: a request that breaks the document is refused', async () => {
    const error = await prismRejects('POST', '/fine_tuning/jobs', { training_file: fileId });
    expect(JSON.stringify(error)).toMatch(/model/);
  });

  it('known gap of the document: a paused job is reported as a violation (status enum has no "paused")', async () => {
    const created = await viaPrism('POST', '/fine_tuning/jobs', { model: 'gpt-4o-mini-2024-07-18', training_file: fileId });
    sb.clock.advance(6000);
    await viaPrism('GET', `/fine_tuning/jobs/${created.body.id}`);
    const paused = await fetch(`${prism.baseUrl}/fine_tuning/jobs/${created.body.id}/pause`, { method: 'POST', headers: { authorization: 'Bearer sk-contract' } });
    const body: any = await paused.json();
    expect(String(body.type)).toContain('prism/errors#VIOLATIONS');
    const locations = (body.validation as { location: string[]; message: string }[]).map((v) => `${v.location.join('.')}: ${v.message}`);
    expect(locations).toContainEqual(expect.stringMatching(/^response\.body\.status: .*allowed values/));
    // Resuming brings it back into the document's enum.
    expect((await viaPrism('POST', `/fine_tuning/jobs/${created.body.id}/resume`)).body.status).toBe('running');
  });
});
