import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleTrainingJsonl, startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { call, uploadFile } from './client.js';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(() => sb.close());

describe('sandbox files', () => {
  it('says SANDBOX at / and requires a key under /v1', async () => {
    const root = await fetch(sb.baseUrl.replace(/\/v1$/, '/'));
    expect(await root.text()).toMatch(/SANDBOX.*trains nothing/);
    const res = await fetch(`${sb.baseUrl}/files`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: Record<string, unknown> };
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
    expect(body.error.message).toMatch(/API key/);
  });

  it('uploads, lists, retrieves, returns content and deletes a file', async () => {
    const text = sampleTrainingJsonl(10);
    const up = await uploadFile(sb.baseUrl, text);
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ object: 'file', purpose: 'fine-tune', filename: 'train.jsonl', bytes: Buffer.byteLength(text), status: 'processed' });
    const id = up.body.id as string;
    expect(id).toMatch(/^file-/);

    const list = await call(sb.baseUrl, 'GET', '/files?purpose=fine-tune');
    expect(list.body.object).toBe('list');
    expect(list.body.data.map((f: { id: string }) => f.id)).toContain(id);
    expect(list.body.has_more).toBe(false);

    expect((await call(sb.baseUrl, 'GET', `/files/${id}`)).body.id).toBe(id);
    const content = await call(sb.baseUrl, 'GET', `/files/${id}/content`);
    expect(typeof content.body === 'string' ? content.body : JSON.stringify(content.body)).toContain('"assistant"');

    const del = await call(sb.baseUrl, 'DELETE', `/files/${id}`);
    expect(del.body).toEqual({ id, object: 'file', deleted: true });
    const gone = await call(sb.baseUrl, 'GET', `/files/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toContain(id);
  });

  it('pages the file list with limit and after', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await uploadFile(sb.baseUrl, sampleTrainingJsonl(10), `p${i}.jsonl`)).body.id);
    const first = await call(sb.baseUrl, 'GET', '/files?limit=2');
    expect(first.body.data).toHaveLength(2);
    expect(first.body.has_more).toBe(true);
    expect(first.body.data[0].id).toBe(ids[2]);
    const next = await call(sb.baseUrl, 'GET', `/files?limit=2&after=${first.body.last_id}`);
    expect(next.body.data[0].id).toBe(ids[0]);
  });

  it('rejects an upload without purpose or with a non-jsonl fine-tune file, naming the param', async () => {
    const form = new FormData();
    form.append('file', new Blob(['x']), 'a.jsonl');
    const noPurpose = await call(sb.baseUrl, 'POST', '/files', form);
    expect(noPurpose.status).toBe(400);
    expect(noPurpose.body.error.param).toBe('purpose');
    const wrongType = await uploadFile(sb.baseUrl, 'a,b', 'data.csv');
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.param).toBe('file');
  });
});
