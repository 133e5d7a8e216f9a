// The provider over the real SDK, with fetch replaced by recorded responses: error mapping for
// each fault, pagination to the end, multipart uploads and streamed chat with usage.
import { describe, expect, it } from 'vitest';
import { createProvider } from '../../../src/api/createProvider.js';
import { ProviderError } from '../../../src/api/types.js';
import type { Profile } from '../../../src/core/profiles.js';
import { failure } from '../../helpers/providerFailure.js';

const KEY = 'sk-proj-SECRETSECRETSECRET1234567890';
const profile: Profile = { name: 't', kind: 'openai', baseUrl: 'https://api.example.test/v1', apiKeyEnv: 'T_KEY' };
const env = { T_KEY: KEY };

type Handler = (url: URL, init: RequestInit) => Response | Promise<Response>;
const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function provider(handler: Handler, extra: { uploadPartBytes?: number } = {}) {
  const calls: { method: string; url: URL; init: RequestInit }[] = [];
  const fetch = (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    calls.push({ method: init.method ?? 'GET', url, init });
    return handler(url, init);
  }) as typeof globalThis.fetch;
  return { p: createProvider(profile, env, { maxRetries: 0, fetch, ...extra }), calls };
}

describe('error mapping', () => {
  it('401 says the key was not accepted and never repeats it', async () => {
    const { p } = provider(() =>
      json(401, { error: { message: `Incorrect API key provided: ${KEY.slice(0, 8)}****7890. You can find your API key at ...`, type: 'invalid_request_error', code: 'invalid_api_key' } }),
    );
    const e = await failure(p.listJobs({}));
    expect(e.kind).toBe('auth');
    expect(e.status).toBe(401);
    expect(e.message).not.toContain(KEY.slice(0, 8));
    expect(e.message).toMatch(/not accepted/);
  });

  it('403 "not allowed to create fine-tuning jobs" is not_eligible, in plain words', async () => {
    const { p } = provider(() => json(403, { error: { message: 'Your organization is not allowed to create fine-tuning jobs.', type: 'invalid_request_error', code: null } }));
    const e = await failure(p.createJob({ clientId: 'ftui-test', model: 'gpt-4o-mini', trainingFileId: 'file-1', validationFileId: null, suffix: null, seed: null, method: 'supervised', epochs: 'auto' }));
    expect(e.kind).toBe('not_eligible');
    expect(e.message).toMatch(/organization is not allowed to create fine-tuning jobs/i);
  });

  it('other 403 is permission, 404 not_found, 5xx server', async () => {
    expect((await failure(provider(() => json(403, { error: { message: 'Project lacks scope api.fine_tuning.write' } })).p.getJob('x'))).kind).toBe('permission');
    expect((await failure(provider(() => json(404, { error: { message: 'No such job: ftjob-x' } })).p.getJob('ftjob-x'))).kind).toBe('not_found');
    const server = await failure(provider(() => json(500, { error: { message: 'boom' } })).p.getJob('x'));
    expect(server.kind).toBe('server');
    expect(server.message).toMatch(/HTTP 500/);
  });

  it('429 carries the wait the server asked for', async () => {
    const e = await failure(provider(() => json(429, { error: { message: 'Rate limit reached' } }, { 'retry-after': '7' })).p.listJobs({}));
    expect(e.kind).toBe('rate_limited');
    expect(e.retryAfterMs).toBe(7000);
    const ms = await failure(provider(() => json(429, { error: { message: 'slow down' } }, { 'retry-after-ms': '250' })).p.listJobs({}));
    expect(ms.retryAfterMs).toBe(250);
  });

  it('400 names the field', async () => {
    const e = await failure(
      provider(() => json(400, { error: { message: 'invalid training_file: file-9', type: 'invalid_request_error', param: 'training_file', code: null } })).p.createJob({
        clientId: 'ftui-test',
        model: 'm',
        trainingFileId: 'file-9',
        validationFileId: null,
        suffix: null,
        seed: null,
        method: 'supervised',
        epochs: 2,
      }),
    );
    expect(e.kind).toBe('invalid_request');
    expect(e.param).toBe('training_file');
    expect(e.message).toMatch(/training_file/);
  });

  it('a refused connection is network', async () => {
    const { p } = provider(() => {
      throw new TypeError('fetch failed');
    });
    expect((await failure(p.listModels())).kind).toBe('network');
  });

  it('an abort is passed on, not turned into a provider error', async () => {
    const controller = new AbortController();
    controller.abort();
    const { p } = provider(() => json(200, {}));
    const error = await (async () => {
      try {
        for await (const _ of p.chatStream({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }, controller.signal)) void _;
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(error).not.toBeNull();
    expect(error).not.toBeInstanceOf(ProviderError);
  });
});

describe('requests', () => {
  it('follows has_more/after to the last page', async () => {
    const all = Array.from({ length: 250 }, (_, i) => ({ id: `ftjob-${String(250 - i).padStart(3, '0')}`, status: 'queued', created_at: 1_700_000_000 + i, model: 'm', training_file: 'f' }));
    const { p, calls } = provider((url) => {
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const after = url.searchParams.get('after');
      const start = after ? all.findIndex((j) => j.id === after) + 1 : 0;
      const data = all.slice(start, start + limit);
      return json(200, { object: 'list', data, has_more: start + limit < all.length });
    });
    const jobs = await p.listAllJobs();
    expect(jobs.map((j) => j.id)).toEqual(all.map((j) => j.id));
    expect(calls.length).toBe(3);
    const rest = await p.listAllJobs({ after: 'ftjob-101' });
    expect(rest.map((j) => j.id)).toEqual(all.slice(150).map((j) => j.id));
    const first = await p.listJobs({ limit: 20 });
    expect(first.data.length).toBe(20);
    expect(first.hasMore).toBe(true);
  });

  it('creates a job with the method block, extra profile fields and no empty fields', async () => {
    let body: Record<string, unknown> = {};
    const fetch = (async (_input: unknown, init: RequestInit = {}) => {
      body = JSON.parse(String(init.body)) as Record<string, unknown>;
      return json(200, { id: 'ftjob-1', status: 'validating_files', created_at: 1, model: 'm', training_file: 'file-1', method: body.method });
    }) as typeof globalThis.fetch;
    const p = createProvider({ ...profile, extraCreateFields: { trainingType: 'Standard' } }, env, { maxRetries: 0, fetch });
    const job = await p.createJob({ clientId: 'ftui-test', model: 'm', trainingFileId: 'file-1', validationFileId: null, suffix: 'acme', seed: null, method: 'dpo', epochs: 2, beta: 0.2 });
    expect(body).toEqual({
      trainingType: 'Standard',
      model: 'm',
      training_file: 'file-1',
      suffix: 'acme',
      metadata: { ftui_client_id: 'ftui-test' },
      method: { type: 'dpo', dpo: { hyperparameters: { n_epochs: 2, beta: 0.2 } } },
    });
    expect(job.status).toBe('validating');
    expect(job.method).toBe('dpo');
  });

  it('uploads a big file in parts with progress, a small one in one request', async () => {
    const parts: number[] = [];
    const { p, calls } = provider(async (url, init) => {
      if (url.pathname.endsWith('/uploads')) return json(200, { id: 'upload_1', object: 'upload', status: 'pending', bytes: 2500, filename: 'train.jsonl', purpose: 'fine-tune', created_at: 1, expires_at: 2 });
      if (url.pathname.endsWith('/parts')) {
        const form = init.body as FormData;
        parts.push((form.get('data') as File).size);
        return json(200, { id: `part_${parts.length}`, object: 'upload.part', created_at: 1, upload_id: 'upload_1' });
      }
      if (url.pathname.endsWith('/complete')) {
        const ids = (JSON.parse(String(init.body)) as { part_ids: string[] }).part_ids;
        expect(ids).toEqual(['part_1', 'part_2', 'part_3']);
        return json(200, { id: 'upload_1', status: 'completed', file: { id: 'file-big', object: 'file', bytes: 2500, created_at: 3, filename: 'train.jsonl', purpose: 'fine-tune' } });
      }
      if (url.pathname.endsWith('/files')) return json(200, { id: 'file-small', object: 'file', bytes: 10, created_at: 3, filename: 'small.jsonl', purpose: 'fine-tune' });
      return json(404, { error: { message: 'no route' } });
    }, { uploadPartBytes: 1000 });
    const progress: [number, number][] = [];
    const file = await p.uploadFile({ name: 'train.jsonl', bytes: new Uint8Array(2500) }, { purpose: 'fine-tune', onProgress: (s, t) => progress.push([s, t]) });
    expect(file.id).toBe('file-big');
    expect(parts).toEqual([1000, 1000, 500]);
    expect(progress).toEqual([[0, 2500], [1000, 2500], [2000, 2500], [2500, 2500]]);
    const small = await p.uploadFile({ name: 'small.jsonl', bytes: new Uint8Array(10) }, { purpose: 'fine-tune' });
    expect(small.id).toBe('file-small');
    expect(calls.at(-1)!.url.pathname).toBe('/v1/files');
  });

  it('streams chat text and reports usage at the end; chat() asks for one whole answer', async () => {
    const sse = (chunks: unknown[]) =>
      new Response(chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join('') + 'data: [DONE]\n\n', { status: 200, headers: { 'content-type': 'text/event-stream' } });
    const chunk = (content: string | null, usage: unknown = null) => ({
      id: 'c',
      object: 'chat.completion.chunk',
      created: 1,
      model: 'm',
      choices: content === null ? [] : [{ index: 0, delta: { content }, finish_reason: null }],
      usage,
    });
    let sent: Record<string, unknown> = {};
    const { p } = provider((_url, init) => {
      sent = JSON.parse(String(init.body)) as Record<string, unknown>;
      if (sent.stream !== true) {
        return json(200, {
          id: 'c',
          object: 'chat.completion',
          created: 1,
          model: 'm',
          choices: [{ index: 0, message: { role: 'assistant', content: 'Hello' }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
        });
      }
      return sse([chunk('Hel'), chunk('lo'), chunk(null, { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 })]);
    });
    const pieces = [];
    for await (const piece of p.chatStream({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }, new AbortController().signal)) pieces.push(piece);
    expect(pieces).toEqual([{ delta: 'Hel' }, { delta: 'lo' }, { usage: { promptTokens: 5, completionTokens: 2 } }]);
    expect(sent.stream_options).toEqual({ include_usage: true });
    expect(await p.chat({ model: 'm', messages: [{ role: 'user', content: 'hi' }] })).toEqual({ text: 'Hello', usage: { promptTokens: 5, completionTokens: 2 } });
  });

  it('sends the key only as the Authorization header', async () => {
    const { p, calls } = provider(() => json(200, { object: 'list', data: [], has_more: false }));
    await p.listJobs({});
    const headers = new Headers(calls[0]!.init.headers);
    expect(headers.get('authorization')).toBe(`Bearer ${KEY}`);
    expect(calls[0]!.url.href).not.toContain(KEY);
  });
});
