// Exact token counts in one model's encoding (src/core/tokenizer: tiktoken's encode_ordinary,
// token for token). The encoding's tables load on first use, so a process that hands all its
// lines to worker threads never loads them.
import { tokenizerFor, type Tokenizer } from '../tokenizer/index.js';
import type { EncodingName } from './types.js';

export interface TokenCounter {
  /** Tokens of any string; special tokens such as <|endoftext|> count as the plain text they are. */
  count(text: string): number;
  /** The same, remembered: for text that repeats across examples (system prompts, roles, tool definitions). */
  countCached(text: string): number;
}

const CACHE_LIMIT = 4096;
// Long unique strings would only churn the cache; system prompts are rarely this long.
const CACHEABLE_LENGTH = 20_000;

export function createTokenCounter(encoding: EncodingName): TokenCounter {
  let tokenizer: Tokenizer | null = null;
  const cache = new Map<string, number>();
  const count = (text: string): number => (text.length === 0 ? 0 : (tokenizer ??= tokenizerFor(encoding)).count(text));
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
