// One example, token by token, split the way training sees it: assistant tokens that are trained
// (weight 1, the default), assistant tokens that are masked (weight 0), and context (everything
// the model reads but is not trained to produce). What users most often get wrong about `weight`.
import { tokenizerFor, type Tokenizer } from '../tokenizer/index.js';
import { CALL_HEADER_TOKENS, callPieces, definedFunctions, estimateDefinitions, firstSystemContent, messageCalls, renderCalls } from './toolRender.js';
import type { EncodingName } from './types.js';

export type TokenKind = 'trained' | 'masked' | 'context';

export interface TokenSegment {
  /** The message's role; `preferred` / `non-preferred` for a preference example's outputs; `tools` for the definitions. */
  role: string;
  kind: TokenKind;
  /** Each token's text, in order (the first `maxShown` when a limit was given); a character split over several tokens shows whole on the last of them, so the texts join back to the message. */
  tokens: string[];
  /** How many tokens the message's text has, shown or not. */
  count: number;
  /** Tokens the engine counts for this segment that have no text of their own: the header of a message's calls, the tools section's framing. */
  fixed: number;
}

export interface TokenView {
  segments: TokenSegment[];
  /** Tokens per kind, counted the way the engine counts them: `trained` equals its trainedTokens. */
  counts: Record<TokenKind, number>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text pieces as the engine tokenizes them: a string whole, each text part of a list on its own. */
function contentPieces(content: unknown): string[] {
  if (typeof content === 'string') return [content];
  if (!Array.isArray(content)) return [];
  return content.flatMap((p) => (isObject(p) && p.type === 'text' && typeof p.text === 'string' ? [p.text] : []));
}

/** An assistant message's calls as the engine estimates them (toolRender.ts): the name they are addressed by and their text, beside a fixed header. */
function calls(message: Record<string, unknown>): { pieces: string[]; fixed: number } {
  const rendered = renderCalls(messageCalls(message));
  return rendered ? { pieces: callPieces(rendered), fixed: CALL_HEADER_TOKENS } : { pieces: [], fixed: 0 };
}

/** The tool definitions as the model reads them, as a context segment of their own. */
function definitions(e: Tokenizer, holder: Record<string, unknown>, messages: readonly unknown[], maxShown: number): TokenSegment[] {
  const estimate = estimateDefinitions(definedFunctions(holder), firstSystemContent(messages), (text) => e.count(text));
  return estimate ? [segment(e, 'tools', 'context', [estimate.text], estimate.framing, maxShown)] : [];
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
    segments.push(...definitions(e, example, example.messages, maxShown));
    for (const m of example.messages) {
      if (!isObject(m)) continue;
      const role = typeof m.role === 'string' ? m.role : '?';
      if (role !== 'assistant') {
        segments.push(segment(e, role, 'context', contentPieces(m.content), 0, maxShown));
        continue;
      }
      const called = calls(m);
      segments.push(segment(e, role, m.weight === 0 ? 'masked' : 'trained', [...contentPieces(m.content), ...called.pieces], called.fixed, maxShown));
    }
  } else if (isObject(example.input) && Array.isArray(example.input.messages)) {
    // Preference training reads the whole input and learns from both outputs.
    segments.push(...definitions(e, example.input, example.input.messages, maxShown));
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
