// /v1/chat/completions, plain and streamed (SSE). The reply is made up from a hash of the model
// and the messages, so the same question to the same model always gets the same answer, and a
// different fine-tune answers differently. It is obviously not a model: it says so.
import { createHash } from 'node:crypto';
import { ApiError, invalid, readJson, seconds } from './http.js';
import { findModel } from './models.js';
import type { Handler, RouteContext } from './sandbox.js';

const WORDS = (
  'sure here is a short answer based on what you asked the sandbox keeps replies brief and ' +
  'repeatable so tests can rely on them every word comes from a fixed list picked by a hash of ' +
  'your prompt and the model name nothing was trained and no real model was called'
).split(' ');

function seedOf(model: string, messages: unknown): Buffer {
  return createHash('sha256').update(model).update('\u0000').update(JSON.stringify(messages)).digest();
}

export function replyText(model: string, messages: unknown): string {
  const h = seedOf(model, messages);
  const count = 12 + (h[0]! % 20);
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(WORDS[h[(i + 1) % h.length]! % WORDS.length]!);
  return `[sandbox ${model}] ${words.join(' ')}.`;
}

/** Splits text into pieces of about one token each (a word and its leading space). */
export function pieces(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}

const approxTokens = (s: string): number => Math.max(1, Math.ceil(s.length / 4));

function promptTokens(messages: unknown[]): number {
  return messages.reduce<number>((sum, m) => sum + 3 + approxTokens(JSON.stringify(m)), 3);
}

export const chatCompletions: Handler = async (ctx) => {
  const { sb, req } = ctx;
  const body = await readJson(req);
  const model = body.model;
  if (typeof model !== 'string' || model === '') throw invalid("Missing required parameter: 'model'.", 'model', 'missing_required_parameter');
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0) throw invalid("'messages' must be a non-empty array.", 'messages');
  if (sb.state.flavor === 'azure') {
    // Azure answers only through a deployment: `model` is a deployment's name, and a fine-tune
    // that is not deployed (or still coming up) is refused the way Azure refuses it.
    const deployment = (sb.state.deployments ?? []).find((d) => d.name === model && d.provisioningState === 'Succeeded');
    if (!deployment) {
      throw new ApiError(404, 'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.', 'invalid_request_error', 'DeploymentNotFound', 'model');
    }
  } else if (!findModel(sb, model)) {
    throw new ApiError(404, `The model \`${model}\` does not exist or you do not have access to it.`, 'invalid_request_error', 'model_not_found', 'model');
  }
  const maxTokens = (body.max_completion_tokens ?? body.max_tokens) as unknown;
  if (maxTokens !== undefined && maxTokens !== null && (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens) || maxTokens < 1)) {
    throw invalid("'max_completion_tokens' must be a positive integer.", 'max_completion_tokens');
  }
  let parts = pieces(replyText(model, messages));
  let finish: 'stop' | 'length' = 'stop';
  if (typeof maxTokens === 'number' && parts.length > maxTokens) {
    parts = parts.slice(0, maxTokens);
    finish = 'length';
  }
  const text = parts.join('');
  const id = `chatcmpl-${seedOf(model, messages).toString('hex').slice(0, 24)}`;
  const created = seconds(sb.clock.now());
  const usage = { prompt_tokens: promptTokens(messages), completion_tokens: parts.length, total_tokens: promptTokens(messages) + parts.length };
  if (body.stream === true) {
    const options = body.stream_options as { include_usage?: unknown } | undefined;
    await stream(ctx, { id, created, model, parts, finish, usage: options?.include_usage === true ? usage : null });
    return undefined;
  }
  return {
    id,
    object: 'chat.completion',
    created,
    model,
    system_fingerprint: 'fp_sandbox',
    choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null }, logprobs: null, finish_reason: finish }],
    usage,
  };
};

export interface StreamPlan {
  id: string;
  created: number;
  model: string;
  parts: string[];
  finish: 'stop' | 'length';
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null;
}

const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Writes a reply as server-sent events (both protocols stream OpenAI-shaped chunks). */
export async function stream(ctx: Pick<RouteContext, 'res' | 'dropStream' | 'streamDelayMs'>, plan: StreamPlan): Promise<void> {
  const { res } = ctx;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const chunk = (delta: object, finish: string | null, extra: object = {}): object => ({
    id: plan.id,
    object: 'chat.completion.chunk',
    created: plan.created,
    model: plan.model,
    system_fingerprint: 'fp_sandbox',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...extra,
  });
  const send = (payload: object | string): void => {
    res.write(`data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`);
  };
  send(chunk({ role: 'assistant', content: '', refusal: null }, null, plan.usage ? { usage: null } : {}));
  for (const [i, piece] of plan.parts.entries()) {
    if (ctx.dropStream && i === Math.floor(plan.parts.length / 2)) {
      // A dropped connection mid-answer: no finish_reason, no [DONE]. Let what was sent reach
      // the client first, or it sees a refused request instead of a broken stream.
      await new Promise<void>((resolve) => res.write('', () => resolve()));
      await wait(20);
      res.socket?.destroy();
      return;
    }
    if (ctx.streamDelayMs > 0) await wait(ctx.streamDelayMs);
    if (res.destroyed) return;
    send(chunk({ content: piece }, null, plan.usage ? { usage: null } : {}));
  }
  send(chunk({}, plan.finish, plan.usage ? { usage: null } : {}));
  if (plan.usage) {
    send({ id: plan.id, object: 'chat.completion.chunk', created: plan.created, model: plan.model, system_fingerprint: 'fp_sandbox', choices: [], usage: plan.usage });
  }
  send('[DONE]');
  res.end();
}
