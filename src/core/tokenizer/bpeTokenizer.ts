// tiktoken's encode_ordinary, in TypeScript: split the text with the encoding's pattern
// (pretokenize.ts), then each piece is one token if its bytes are one, else byte-pair merged
// (bytePairMerge.ts). Counting allocates nothing per piece: each piece is written as UTF-8 into
// one scratch buffer while its hash is computed, and looked up in typed arrays.
import { bytePairMerge } from './bytePairMerge.js';
import { charClasses } from './charClass.js';
import { PieceCountCache } from './pieceCountCache.js';
import { nextPieceCl100k, nextPieceO200k, type PieceScanner } from './pretokenize.js';
import { HASH_PRIME, HASH_START, type RankTable } from './rankTable.js';
import type { EncodingName } from './tables.js';

/** Tokens of text in one encoding. Special tokens such as <|endoftext|> are ordinary text here. */
export interface Tokenizer {
  readonly encoding: string;
  /** How many tokens `text` is; the same as tiktoken's len(encode_ordinary(text)). */
  count(text: string): number;
  /** The tokens themselves (tiktoken's encode_ordinary). */
  encode(text: string): number[];
  /** A token's bytes (a token may hold part of a character). */
  tokenBytes(token: number): Uint8Array;
}

const SCANNERS: Record<EncodingName, PieceScanner> = { o200k_base: nextPieceO200k, cl100k_base: nextPieceCl100k };
// Scratch kept between pieces; a longer piece gets buffers of its own that go when it is done.
const KEPT_SCRATCH_UNITS = 1 << 14;
// The short-piece memo: pieces of up to MEMO_KEY_BYTES bytes with their count, the key held in the
// entry itself, direct-mapped. Counting is bound by memory latency (the rank table is 8 MB); the
// memo is small enough to stay in the core's cache and answers most pieces of real text with one
// read, and it compares the whole key, so it never answers for another piece.
const MEMO_KEY_BYTES = 12;
const MEMO_ENTRIES = 1 << 15;

/**
 * Where o200k_base's piece at `i` ends when it is the commonest kind, ASCII letters after at most
 * one ASCII prefix (" the", "Hello", "(word") with nothing after that could extend it; else -1,
 * and the full scanner decides. Under o200k's first alternative,
 * [^\r\n\p{L}\p{N}]?[\p{Lu}…]*[\p{Ll}…]+('s|'t|…)?, such a piece is the prefix, A-Z*, then a-z+,
 * ended by an ASCII character that is no lowercase letter and no apostrophe (a contraction).
 */
function asciiWordEnd(text: string, i: number, n: number): number {
  let j = i;
  let c = text.charCodeAt(j);
  if (c >= 0x80) return -1;
  if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) {
    // A prefix: no digit, CR or LF.
    if ((c >= 0x30 && c <= 0x39) || c === 0x0d || c === 0x0a || ++j >= n) return -1;
    c = text.charCodeAt(j);
  }
  while (c >= 0x41 && c <= 0x5a) {
    if (++j >= n) return -1;
    c = text.charCodeAt(j);
  }
  const lowerFrom = j;
  while (c >= 0x61 && c <= 0x7a) {
    if (++j >= n) return j;
    c = text.charCodeAt(j);
  }
  return j === lowerFrom || c >= 0x80 || c === 0x27 ? -1 : j;
}

export class BpeTokenizer implements Tokenizer {
  private readonly classes = charClasses();
  private readonly scan: PieceScanner;
  private readonly cache = new PieceCountCache();
  private bytes = new Uint8Array(3 * KEPT_SCRATCH_UNITS);
  /** The first MEMO_KEY_BYTES of `bytes` as three words. */
  private words = new Int32Array(this.bytes.buffer, 0, MEMO_KEY_BYTES / 4);
  /** [word0, word1, word2, length | count << 8] per entry; 0 in the last for an empty one. */
  private readonly memo = new Int32Array(MEMO_ENTRIES * 4);
  private starts = new Int32Array(3 * KEPT_SCRATCH_UNITS + 1);
  /** Set by utf8: the piece's hash. */
  private hash = 0;

  constructor(
    readonly encoding: EncodingName,
    private readonly table: RankTable,
  ) {
    this.scan = SCANNERS[encoding];
  }

  count(text: string): number {
    const n = text.length;
    const words = this.encoding === 'o200k_base';
    let total = 0;
    for (let i = 0; i < n; ) {
      const word = words ? asciiWordEnd(text, i, n) : -1;
      const end = word >= 0 ? word : this.scan(text, i, this.classes);
      // A lone ASCII character is always one token.
      total += end === i + 1 && text.charCodeAt(i) < 0x80 ? 1 : this.countPiece(text, i, end);
      i = end;
    }
    return total;
  }

  encode(text: string): number[] {
    const tokens: number[] = [];
    for (let i = 0; i < text.length; ) {
      const end = this.scan(text, i, this.classes);
      this.encodePiece(text, i, end, tokens);
      i = end;
    }
    return tokens;
  }

  tokenBytes(token: number): Uint8Array {
    return this.table.tokenBytes(token);
  }

  private countPiece(text: string, start: number, end: number): number {
    const units = end - start;
    if (units <= MEMO_KEY_BYTES) {
      // Most pieces are short ASCII: key and hash them straight from the text; the bytes are
      // written out only when the memo does not know the piece.
      let h = HASH_START;
      let w0 = 0;
      let w1 = 0;
      let w2 = 0;
      let i = 0;
      for (; i < units; i++) {
        const c = text.charCodeAt(start + i);
        if (c >= 0x80) break;
        h = Math.imul(h ^ c, HASH_PRIME);
        if (i < 4) w0 |= c << (i << 3);
        else if (i < 8) w1 |= c << ((i - 4) << 3);
        else w2 |= c << ((i - 8) << 3);
      }
      if (i === units) {
        const at = ((h ^ (h >>> 15)) & (MEMO_ENTRIES - 1)) * 4;
        const { memo } = this;
        const meta = memo[at + 3] as number;
        if ((meta & 0xff) === units && memo[at] === w0 && memo[at + 1] === w1 && memo[at + 2] === w2) return meta >>> 8;
        this.utf8(text, start, end);
        return this.remember(at, units, h, w0, w1, w2);
      }
    }
    const length = this.utf8(text, start, end);
    const { bytes, hash } = this;
    if (length === 1) return 1;
    if (length > MEMO_KEY_BYTES) return this.countLongPiece(length, hash);
    for (let i = length; i < MEMO_KEY_BYTES; i++) bytes[i] = 0;
    const { words, memo } = this;
    const w0 = words[0] as number;
    const w1 = words[1] as number;
    const w2 = words[2] as number;
    const at = ((hash ^ (hash >>> 15)) & (MEMO_ENTRIES - 1)) * 4;
    const meta = memo[at + 3] as number;
    if ((meta & 0xff) === length && memo[at] === w0 && memo[at + 1] === w1 && memo[at + 2] === w2) return meta >>> 8;
    return this.remember(at, length, hash, w0, w1, w2);
  }

  /** Counts a short piece (its bytes in `bytes`) the memo missed, and keeps it in memo entry `at`. */
  private remember(at: number, length: number, hash: number, w0: number, w1: number, w2: number): number {
    const count = this.countLongPiece(length, hash);
    const { memo } = this;
    memo[at] = w0;
    memo[at + 1] = w1;
    memo[at + 2] = w2;
    memo[at + 3] = length | (count << 8);
    return count;
  }

  /**
   * A piece not in the memo: a count remembered in the cache, else one token or merged now. The
   * cache is asked first because a piece met again is usually a word of several tokens (8 in 9 on
   * real text); the single-token pieces are remembered there too.
   */
  private countLongPiece(length: number, hash: number): number {
    const { bytes, table } = this;
    const cached = this.cache.get(bytes, length, hash);
    if (cached >= 0) return cached;
    const count = table.rank(bytes, 0, length, hash) >= 0 ? 1 : bytePairMerge(table, bytes, length, this.startsFor(length));
    this.cache.set(bytes, length, hash, count);
    return count;
  }

  private encodePiece(text: string, start: number, end: number, out: number[]): void {
    const length = this.utf8(text, start, end);
    const { bytes, table } = this;
    const whole = table.rank(bytes, 0, length, this.hash);
    if (whole >= 0) {
      out.push(whole);
      return;
    }
    const starts = this.startsFor(length);
    const count = bytePairMerge(table, bytes, length, starts);
    for (let t = 0; t < count; t++) out.push(table.rankOf(bytes, starts[t] as number, starts[t + 1] as number));
  }

  private startsFor(length: number): Int32Array {
    return length < this.starts.length ? this.starts : new Int32Array(length + 1);
  }

  private setScratch(bytes: Uint8Array<ArrayBuffer>): void {
    this.bytes = bytes;
    this.words = new Int32Array(bytes.buffer, 0, MEMO_KEY_BYTES / 4);
  }

  /**
   * Writes text[start, end) as UTF-8 into this.bytes (a surrogate without its pair as U+FFFD, as
   * tiktoken's bindings do), sets this.hash, and returns the byte length.
   */
  private utf8(text: string, start: number, end: number): number {
    const units = end - start;
    if (units * 3 > this.bytes.length) {
      this.setScratch(new Uint8Array(units * 3));
    } else if (this.bytes.length > 3 * KEPT_SCRATCH_UNITS && units <= KEPT_SCRATCH_UNITS) {
      this.setScratch(new Uint8Array(3 * KEPT_SCRATCH_UNITS));
    }
    const out = this.bytes;
    let h = HASH_START;
    let n = 0;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        out[n++] = c;
        h = Math.imul(h ^ c, HASH_PRIME);
        continue;
      }
      if (c < 0x800) {
        const b0 = 0xc0 | (c >> 6);
        const b1 = 0x80 | (c & 0x3f);
        out[n++] = b0;
        out[n++] = b1;
        h = Math.imul(Math.imul(h ^ b0, HASH_PRIME) ^ b1, HASH_PRIME);
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < end ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
          i++;
          const b0 = 0xf0 | (cp >> 18);
          const b1 = 0x80 | ((cp >> 12) & 0x3f);
          const b2 = 0x80 | ((cp >> 6) & 0x3f);
          const b3 = 0x80 | (cp & 0x3f);
          out[n++] = b0;
          out[n++] = b1;
          out[n++] = b2;
          out[n++] = b3;
          h = Math.imul(Math.imul(Math.imul(Math.imul(h ^ b0, HASH_PRIME) ^ b1, HASH_PRIME) ^ b2, HASH_PRIME) ^ b3, HASH_PRIME);
          continue;
        }
        c = 0xfffd;
      }
      const b0 = 0xe0 | (c >> 12);
      const b1 = 0x80 | ((c >> 6) & 0x3f);
      const b2 = 0x80 | (c & 0x3f);
      out[n++] = b0;
      out[n++] = b1;
      out[n++] = b2;
      h = Math.imul(Math.imul(Math.imul(h ^ b0, HASH_PRIME) ^ b1, HASH_PRIME) ^ b2, HASH_PRIME);
    }
    this.hash = h;
    return n;
  }
}
