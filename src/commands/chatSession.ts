// What `ftui chat` does once it has a provider: one message (--once) or a line-based REPL on
// stdin/stdout, to one model or to two side by side (--compare), as text or JSON. It shares the
// request shape (core/chat/examples) and prices (core/models) with the Chat screen.
import { createInterface } from 'node:readline';
import type { FineTuningProvider } from '../api/types.js';
import { toErrorInfo, type ErrorInfo } from '../core/domain.js';
import { withSystem, type ChatMessage } from '../core/chat/examples.js';
import { chatCostUsd } from '../core/models.js';
import { replyUsd } from '../core/money.js';
import { redact } from '../core/redact.js';
import { exitForKind, type Output } from './connection.js';

export interface ChatReplyRecord {
  model: string;
  text: string;
  usage: { promptTokens: number; completionTokens: number } | null;
  latencyMs: number;
  costUsd: number | null;
  error: { kind: ErrorInfo['kind']; message: string } | null;
}

export interface ChatSessionOptions {
  provider: FineTuningProvider;
  model: string;
  compare: string | null;
  system: string;
  json: boolean;
  /** Colours on stdout (a terminal without NO_COLOR), or the text as it is. */
  paint: Output['paint'];
  write: (text: string) => void;
  /** Messages for a person (prompts, failures): stderr. */
  note: (text: string) => void;
  now?: () => number;
}

/** Asks one model, streaming its text to `onDelta`; never throws (the failure is in the record). */
export async function ask(provider: FineTuningProvider, model: string, messages: readonly ChatMessage[], now: () => number, onDelta?: (text: string) => void, signal?: AbortSignal): Promise<ChatReplyRecord> {
  const started = now();
  let text = '';
  let usage: ChatReplyRecord['usage'] = null;
  let error: ChatReplyRecord['error'] = null;
  try {
    for await (const chunk of provider.chatStream({ model, messages: [...messages] }, signal ?? new AbortController().signal)) {
      if (chunk.delta) {
        text += chunk.delta;
        onDelta?.(chunk.delta);
      }
      if (chunk.usage) usage = { promptTokens: chunk.usage.promptTokens, completionTokens: chunk.usage.completionTokens };
    }
  } catch (e) {
    const info = toErrorInfo(e);
    error = { kind: info.kind, message: redact(info.message) };
  }
  return { model, text, usage, latencyMs: now() - started, costUsd: usage ? chatCostUsd(model, usage) : null, error };
}

function figures(reply: ChatReplyRecord): string {
  const parts = [`${(reply.latencyMs / 1000).toFixed(1)} s`];
  if (reply.usage) parts.push(`${reply.usage.promptTokens}+${reply.usage.completionTokens} tok`);
  if (reply.costUsd !== null) parts.push(replyUsd(reply.costUsd));
  return parts.join(' · ');
}

/**
 * One exchange: the message to the model (and the compared one, at the same time); prints the
 * replies and returns them. A single model's text streams as it comes.
 */
async function exchange(options: ChatSessionOptions, history: ChatMessage[], message: string): Promise<ChatReplyRecord[]> {
  const now = options.now ?? Date.now;
  const messages = withSystem(options.system, [...history, { role: 'user', content: message }]);
  if (options.compare === null) {
    const streaming = !options.json;
    const reply = await ask(options.provider, options.model, messages, now, streaming ? (d) => options.write(d) : undefined);
    if (options.json) options.write(`${JSON.stringify({ schemaVersion: 1, messages, replies: [reply] })}\n`);
    else if (reply.error === null || reply.text !== '') options.write('\n');
    if (reply.error) options.note(`ftui chat: ${options.model}: ${reply.error.message}\n`);
    return [reply];
  }
  const replies = await Promise.all([options.model, options.compare].map((model) => ask(options.provider, model, messages, now)));
  if (options.json) options.write(`${JSON.stringify({ schemaVersion: 1, messages, replies })}\n`);
  else {
    options.write(
      replies
        .map((r) => `${options.paint('1', `== ${r.model}`)} ${options.paint('2', `(${figures(r)})`)}\n${r.error ? options.paint('31', `(no reply: ${r.error.message})`) : r.text}\n`)
        .join('\n'),
    );
  }
  for (const r of replies) if (r.error) options.note(`ftui chat: ${r.model}: ${r.error.message}\n`);
  return replies;
}

/** `--once MESSAGE`: one exchange; the exit code says how it went. */
export async function chatOnce(options: ChatSessionOptions, message: string): Promise<number> {
  const replies = await exchange(options, [], message);
  const failed = replies.find((r) => r.error !== null);
  return failed ? exitForKind(failed.error!.kind) : 0;
}

/**
 * The REPL: each line of stdin is a message (a line ending in \ goes on to the next); the
 * conversation goes on with the first model's reply. Ends at end of input, or at once when the
 * connection or the key fails.
 */
export async function chatRepl(options: ChatSessionOptions, input: NodeJS.ReadableStream, interactive: boolean): Promise<number> {
  const history: ChatMessage[] = [];
  const lines = createInterface({ input, terminal: false, crlfDelay: Infinity });
  let exit = 0;
  let pending = '';
  const prompt = () => interactive && options.note(pending === '' ? 'you › ' : '  … ');
  prompt();
  for await (const line of lines) {
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)}\n`;
      prompt();
      continue;
    }
    const message = `${pending}${line}`;
    pending = '';
    if (message.trim() === '') {
      prompt();
      continue;
    }
    const replies = await exchange(options, history, message);
    const first = replies[0]!;
    history.push({ role: 'user', content: message });
    if (first.text !== '') history.push({ role: 'assistant', content: first.text });
    const failed = replies.find((r) => r.error !== null);
    if (failed) {
      const code = exitForKind(failed.error!.kind);
      if (code === 2) {
        lines.close();
        return 2;
      }
      exit = 1;
    }
    prompt();
  }
  return exit;
}
