// Exact token counts in one model's encoding with gpt-tokenizer, through its counting path
// (countTokens) so no token arrays are built. Encodings load lazily and synchronously (the CJS
// build through createRequire), so an analyzer for cl100k never pays for o200k's tables.
import { createRequire } from 'node:module';
import type { EncodingName } from './types.js';

/** The parts of a gpt-tokenizer encoding module ftui uses. */
export interface EncodingModule {
  countTokens(text: string, options?: { disallowedSpecial?: Set<string> }): number;
  encode(text: string, options?: { disallowedSpecial?: Set<string> }): number[];
  decode(tokens: number[]): string;
  setMergeCacheSize(words: number): void;
}

const require = createRequire(import.meta.url);
const loaded = new Map<EncodingName, EncodingModule>();
// gpt-tokenizer remembers the tokens of up to 100,000 recent words, about 60 MB per thread on the
// bench file. Half of that still holds the common words of real text; on the bench file's
// made-up vocabulary it costs some speed (`ftui validate` on it: 23.6 -> 25.3 s, with the worker
// heap cap) for about 30 MB less per thread.
const MERGE_CACHE_WORDS = 50_000;

/** One shared copy of each encoding's tables per thread, loaded on first use. */
export function loadEncoding(name: EncodingName): EncodingModule {
  let module = loaded.get(name);
  if (!module) {
    module = require(`gpt-tokenizer/cjs/encoding/${name}`) as EncodingModule;
    module.setMergeCacheSize(MERGE_CACHE_WORDS);
    loaded.set(name, module);
  }
  return module;
}

// Special tokens such as <|endoftext|> are counted as the plain text they are in a training
// file (gpt-tokenizer would otherwise throw on them); the rules flag them separately.
const AS_TEXT = { disallowedSpecial: new Set<string>() };

export interface TokenCounter {
  /** Tokens of any string. */
  count(text: string): number;
  /** The same, remembered: for text that repeats across examples (system prompts, roles, tool definitions). */
  countCached(text: string): number;
}

const CACHE_LIMIT = 4096;
// Long unique strings would only churn the cache; system prompts are rarely this long.
const CACHEABLE_LENGTH = 20_000;

export function createTokenCounter(encoding: EncodingName): TokenCounter {
  // Loaded on first use: a process that hands all its lines to worker threads never needs the tables.
  let module: EncodingModule | null = null;
  const cache = new Map<string, number>();
  const count = (text: string): number => (text.length === 0 ? 0 : (module ??= loadEncoding(encoding)).countTokens(text, AS_TEXT));
  return {
    count,
    countCached(text: string): number {
      if (text.length > CACHEABLE_LENGTH) return count(text);
      const hit = cache.get(text);
      if (hit !== undefined) return hit;
      const n = count(text);
      // Clearing (rather than LRU bookkeeping) keeps the hot path to one Map lookup; repeated
      // texts come back within a few examples and refill it at once.
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(text, n);
      return n;
    },
  };
}
