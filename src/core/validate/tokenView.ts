// One example, token by token, split the way training sees it: assistant tokens that are trained
// (weight 1, the default), assistant tokens that are masked (weight 0), and context (everything
// the model reads but is not trained to produce). What users most often get wrong about `weight`.
import { createRequire } from 'node:module';
import type { EncodingName } from './types.js';

interface Encoder {
  encode(text: string, options?: { disallowedSpecial?: Set<string> }): number[];
  decode(tokens: number[]): string;
}

const require = createRequire(import.meta.url);
const encoders = new Map<EncodingName, Encoder>();
function encoder(name: EncodingName): Encoder {
  let e = encoders.get(name);
  if (!e) {
    e = require(`gpt-tokenizer/cjs/encoding/${name}`) as Encoder;
    encoders.set(name, e);
  }
  return e;
}

export type TokenKind = 'trained' | 'masked' | 'context';

export interface TokenSegment {
  role: string;
  kind: TokenKind;
  /** Each token's text, in order (a token that splits a character shows as its bytes' replacement). */
  tokens: string[];
}

export interface TokenView {
  segments: TokenSegment[];
  counts: Record<TokenKind, number>;
}

const AS_TEXT = { disallowedSpecial: new Set<string>() };

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p) => (p && typeof p === 'object' && (p as { type?: unknown }).type === 'text' ? String((p as { text?: unknown }).text ?? '') : '')).join('');
  return '';
}

/** The token view of a chat example's messages; null when the value has no messages list. */
export function tokenView(example: unknown, encoding: EncodingName): TokenView | null {
  const messages = example && typeof example === 'object' ? (example as { messages?: unknown }).messages : undefined;
  if (!Array.isArray(messages)) return null;
  const e = encoder(encoding);
  const counts: Record<TokenKind, number> = { trained: 0, masked: 0, context: 0 };
  const segments = messages.map((m): TokenSegment => {
    const message = (m && typeof m === 'object' ? m : {}) as Record<string, unknown>;
    const role = typeof message.role === 'string' ? message.role : '?';
    const kind: TokenKind = role === 'assistant' ? (message.weight === 0 ? 'masked' : 'trained') : 'context';
    let text = textOf(message.content);
    if (Array.isArray(message.tool_calls)) text += message.tool_calls.map((c) => JSON.stringify((c as { function?: unknown })?.function ?? c)).join('');
    const ids = text ? e.encode(text, AS_TEXT) : [];
    counts[kind] += ids.length;
    return { role, kind, tokens: ids.map((id) => e.decode([id])) };
  });
  return { segments, counts };
}
