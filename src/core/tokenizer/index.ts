// Exact token counts, tiktoken's to the token, for the encodings ftui's models use.
import { BpeTokenizer, type Tokenizer } from './bpeTokenizer.js';
import { rankTable, type EncodingName } from './tables.js';

export type { Tokenizer } from './bpeTokenizer.js';
export { ENCODINGS, type EncodingName } from './tables.js';

const tokenizers = new Map<EncodingName, Tokenizer>();

/** One tokenizer per encoding per thread; its tables load on first use. */
export function tokenizerFor(encoding: EncodingName): Tokenizer {
  let tokenizer = tokenizers.get(encoding);
  if (!tokenizer) {
    tokenizer = new BpeTokenizer(encoding, rankTable(encoding));
    tokenizers.set(encoding, tokenizer);
  }
  return tokenizer;
}
