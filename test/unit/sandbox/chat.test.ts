import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { call, KEY } from './client.js';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(() => sb.close());

const ask = (model: string, content: string, extra: Record<string, unknown> = {}): Promise<any> =>
  call(sb.baseUrl, 'POST', '/chat/completions', { model, messages: [{ role: 'user', content }], ...extra });

/** Reads an SSE body into its `data:` payloads. */
export async function sse(res: Response): Promise<string[]> {
  const text = await res.text();
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => block.slice('data: '.length));
}

function streamRequest(body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${sb.baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ stream: true, ...body }),
  });
}

describe('sandbox chat completions', () => {
  it('answers deterministically, differently per model and prompt', async () => {
    const a = await ask('gpt-4o-mini', 'Hello');
    const again = await ask('gpt-4o-mini', 'Hello');
    const other = await ask('gpt-4o-2024-08-06', 'Hello');
    const otherPrompt = await ask('gpt-4o-mini', 'Bonjour');
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ object: 'chat.completion', model: 'gpt-4o-mini', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant' } }] });
    const text = a.body.choices[0].message.content;
    expect(text).toMatch(/^\[sandbox gpt-4o-mini\] /);
    expect(again.body.choices[0].message.content).toBe(text);
    expect(other.body.choices[0].message.content).not.toBe(text);
    expect(otherPrompt.body.choices[0].message.content).not.toBe(text);
    expect(a.body.usage.total_tokens).toBe(a.body.usage.prompt_tokens + a.body.usage.completion_tokens);
  });

  it('stops at max_completion_tokens with finish_reason length', async () => {
    const res = await ask('gpt-4o-mini', 'Hello', { max_completion_tokens: 3 });
    expect(res.body.choices[0].finish_reason).toBe('length');
    expect(res.body.usage.completion_tokens).toBe(3);
  });

  it('returns 404 model_not_found for an unknown model', async () => {
    const res = await ask('ft:gpt-4o-mini-2024-07-18:sandbox::nope', 'Hello');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'model_not_found', param: 'model', type: 'invalid_request_error' });
  });

  it('streams SSE chunks that add up to the plain answer, then [DONE]', async () => {
    const plain = (await ask('gpt-4o-mini', 'Stream me')).body.choices[0].message.content;
    const res = await streamRequest({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Stream me' }] });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = await sse(res);
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e));
    expect(chunks.every((c) => c.object === 'chat.completion.chunk')).toBe(true);
    expect(chunks[0].choices[0].delta.role).toBe('assistant');
    expect(chunks.map((c) => c.choices[0].delta.content ?? '').join('')).toBe(plain);
    expect(chunks.at(-1).choices[0].finish_reason).toBe('stop');
    expect(chunks.some((c) => 'usage' in c)).toBe(false);
  });

  it('sends a final usage chunk with stream_options.include_usage', async () => {
    const res = await streamRequest({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Count' }], stream_options: { include_usage: true } });
    const chunks = (await sse(res)).slice(0, -1).map((e) => JSON.parse(e));
    const last = chunks.at(-1);
    expect(last.choices).toEqual([]);
    expect(last.usage.completion_tokens).toBe(chunks.filter((c) => c.choices[0]?.delta.content).length);
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
  });
});
