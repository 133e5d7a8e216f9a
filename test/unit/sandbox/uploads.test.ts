import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleTrainingJsonl, startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { call } from './client.js';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(() => sb.close());

function partForm(data: string): FormData {
  const form = new FormData();
  form.append('data', new Blob([data]), 'part');
  return form;
}

async function createUpload(bytes: number): Promise<any> {
  const res = await call(sb.baseUrl, 'POST', '/uploads', { filename: 'big.jsonl', purpose: 'fine-tune', bytes, mime_type: 'text/jsonl' });
  expect(res.status).toBe(200);
  return res.body;
}

describe('sandbox uploads', () => {
  it('joins parts in the order given on complete and makes a file', async () => {
    const text = sampleTrainingJsonl(10);
    const cut = Math.floor(text.length / 2);
    const upload = await createUpload(Buffer.byteLength(text));
    expect(upload).toMatchObject({ object: 'upload', status: 'pending', file: null });
    expect(upload.expires_at - upload.created_at).toBe(3600);
    const second = (await call(sb.baseUrl, 'POST', `/uploads/${upload.id}/parts`, partForm(text.slice(cut)))).body;
    const first = (await call(sb.baseUrl, 'POST', `/uploads/${upload.id}/parts`, partForm(text.slice(0, cut)))).body;
    expect(first).toMatchObject({ object: 'upload.part', upload_id: upload.id });
    const done = await call(sb.baseUrl, 'POST', `/uploads/${upload.id}/complete`, { part_ids: [first.id, second.id] });
    expect(done.body.status).toBe('completed');
    expect(done.body.file).toMatchObject({ object: 'file', purpose: 'fine-tune', bytes: Buffer.byteLength(text) });
    const content = await call(sb.baseUrl, 'GET', `/files/${done.body.file.id}/content`);
    expect(content.body).toBe(text);
    expect((await call(sb.baseUrl, 'POST', `/uploads/${upload.id}/parts`, partForm('x'))).status).toBe(400);
  });

  it('refuses to complete when the byte count differs, and cancels', async () => {
    const upload = await createUpload(100);
    const part = (await call(sb.baseUrl, 'POST', `/uploads/${upload.id}/parts`, partForm('short'))).body;
    const res = await call(sb.baseUrl, 'POST', `/uploads/${upload.id}/complete`, { part_ids: [part.id] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/5 bytes.*bytes=100/);
    const cancelled = await call(sb.baseUrl, 'POST', `/uploads/${upload.id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await call(sb.baseUrl, 'POST', `/uploads/${upload.id}/complete`, { part_ids: [part.id] })).status).toBe(400);
  });

  it('expires a pending upload after an hour and names missing fields', async () => {
    const upload = await createUpload(1);
    sb.clock.advance(3600_000);
    expect((await call(sb.baseUrl, 'POST', `/uploads/${upload.id}/cancel`)).body.error.message).toMatch(/expired/);
    const missing = await call(sb.baseUrl, 'POST', '/uploads', { filename: 'a.jsonl', purpose: 'fine-tune', bytes: 1 });
    expect(missing.body.error.param).toBe('mime_type');
    expect((await call(sb.baseUrl, 'POST', '/uploads/upload_nope/cancel')).status).toBe(404);
  });
});
