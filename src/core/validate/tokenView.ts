// One example, token by token, split the way training sees it: assistant tokens that are trained
// (weight 1, the default), assistant tokens that are masked (weight 0), and context (everything
// the model reads but is not trained to produce). What users most often get wrong about `weight`.
import { tokenizerFor, type Tokenizer } from '../tokenizer/index.js';
import type { EncodingName } from './types.js';

export type TokenKind = 'trained' | 'masked' | 'context';

export interface TokenSegment {
  /** The message's role; `preferred` / `non-preferred` for a preference example's outputs. */
  role: string;
  kind: TokenKind;
  /** Each token's text, in order (the first `maxShown` when a limit was given); a character split over several tokens shows whole on the last of them, so the texts join back to the message. */
  tokens: string[];
  /** How many tokens the message's text has, shown or not. */
  count: number;
  /** Tokens the engine counts for this message that have no text of their own: 3 per tool or function call. */
  fixed: number;
}

export interface TokenView {
  segments: TokenSegment[];
  /** Tokens per kind, counted the way the engine counts them: `trained` equals its trainedTokens. */
  counts: Record<TokenKind, number>;
}

/** The engine's fixed estimate per tool or function call (src/core/validate/rules/tools.ts). */
const TOKENS_PER_CALL = 3;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text pieces as the engine tokenizes them: a string whole, each text part of a list on its own. */
function contentPieces(content: unknown): string[] {
  if (typeof content === 'string') return [content];
  if (!Array.isArray(content)) return [];
  return content.flatMap((p) => (isObject(p) && p.type === 'text' && typeof p.text === 'string' ? [p.text] : []));
}

/**
 * An assistant's tool and function calls, as the engine estimates them: 3 tokens plus the name's
 * for each call with a name, plus the arguments string's (a tool call's even without a name).
 */
function callPieces(message: Record<string, unknown>): { pieces: string[]; calls: number } {
  const pieces: string[] = [];
  let calls = 0;
  const named = (name: unknown): name is string => typeof name === 'string' && name.length > 0;
  if (Array.isArray(message.tool_calls)) {
    for (const call of message.tool_calls) {
      if (!isObject(call) || !isObject(call.function)) continue;
      if (named(call.function.name)) {
        calls++;
        pieces.push(call.function.name);
      }
      if (typeof call.function.arguments === 'string') pieces.push(call.function.arguments);
    }
  }
  const legacy = message.function_call;
  if (isObject(legacy) && named(legacy.name)) {
    calls++;
    pieces.push(legacy.name);
    if (typeof legacy.arguments === 'string') pieces.push(legacy.arguments);
  }
  return { pieces, calls };
}

function segment(e: Tokenizer, role: string, kind: TokenKind, pieces: string[], fixed: number, maxShown: number): TokenSegment {
  const tokens: string[] = [];
  let count = 0;
  for (const text of pieces) {
    if (!text) continue;
    const ids = e.encode(text);
    count += ids.length;
    // Decoding every token of a long message only to show a few rows of them would cost more than the encoding.
    const decoder = new TextDecoder();
    for (let i = 0; i < ids.length && tokens.length < maxShown; i++) tokens.push(decoder.decode(e.tokenBytes(ids[i] as number), { stream: true }));
  }
  return { role, kind, tokens, count, fixed };
}

/**
 * The token view of a chat example (`messages`) or a preference example (`input` +
 * `preferred_output` + `non_preferred_output`); null when the value is neither.
 */
export function tokenView(example: unknown, encoding: EncodingName, options: { maxShown?: number } = {}): TokenView | null {
  if (!isObject(example)) return null;
  const e = tokenizerFor(encoding);
  const maxShown = options.maxShown ?? Infinity;
  const segments: TokenSegment[] = [];
  if (Array.isArray(example.messages)) {
    for (const m of example.messages) {
      if (!isObject(m)) continue;
      const role = typeof m.role === 'string' ? m.role : '?';
      if (role !== 'assistant') {
        segments.push(segment(e, role, 'context', contentPieces(m.content), 0, maxShown));
        continue;
      }
      const calls = callPieces(m);
      segments.push(segment(e, role, m.weight === 0 ? 'masked' : 'trained', [...contentPieces(m.content), ...calls.pieces], calls.calls * TOKENS_PER_CALL, maxShown));
    }
  } else if (isObject(example.input) && Array.isArray(example.input.messages)) {
    // Preference training reads the whole input and learns from both outputs.
    for (const m of example.input.messages) {
      if (isObject(m)) segments.push(segment(e, typeof m.role === 'string' ? m.role : '?', 'context', contentPieces(m.content), 0, maxShown));
    }
    for (const [key, role] of [['preferred_output', 'preferred'], ['non_preferred_output', 'non-preferred']] as const) {
      const output: unknown = example[key];
      const message: unknown = Array.isArray(output) && output.length === 1 ? output[0] : undefined;
      if (isObject(message) && message.role === 'assistant') segments.push(segment(e, role, 'trained', contentPieces(message.content), 0, maxShown));
    }
  } else {
    return null;
  }
  const counts: Record<TokenKind, number> = { trained: 0, masked: 0, context: 0 };
  for (const s of segments) counts[s.kind] += s.count + s.fixed;
  return { segments, counts };
}
