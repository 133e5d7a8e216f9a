// An encoding's mergeable ranks as flat typed arrays: every token's bytes in one pool, and an
// open-addressing hash table from a byte string to its rank. Looking a piece up needs no string,
// no Map and no allocation, and the whole table is three arrays that load from one file
// (tables.ts) in a few milliseconds instead of ~200 ms of building Maps.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const MAGIC = 0x50425446; // "FTBP"
const FORMAT = 3;
// Each slot is [hash, rank + 1, pool offset | length << 24]: a probe reads one slot, and a slot
// whose hash differs is passed over without touching the token's bytes.
const SLOT_WORDS = 3;
const MAX_POOL = 1 << 24;
const HEADER_WORDS = 8;

/** FNV-1a over bytes[start, end). The tokenizer computes the same hash while it encodes a piece. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), FNV_PRIME);
  return h;
}
export const HASH_START = FNV_OFFSET;
export const HASH_PRIME = FNV_PRIME;

// FNV's low bits mix poorly for short keys; fold the high half in before masking.
const slotOf = (hash: number, mask: number): number => (hash ^ (hash >>> 15)) & mask;

// A bit per hash: set for every token's. Most byte strings a merge asks about are no token, and the
// filter (256 KB, stays in the core's cache) answers ~90% of those without touching the 6 MB of
// slots, where each probe is a trip to memory. A set bit still goes to the slots, so it never
// answers wrongly.
const FILTER_BITS = 1 << 21;
const filterBit = (hash: number): number => (hash >>> 7) & (FILTER_BITS - 1);

export class RankTable {
  /** Longest token, in bytes: a longer byte string is never a token, so it is not looked up. */
  readonly maxTokenBytes: number;
  private readonly mask: number;
  /** Rank of each two-byte string (b0 << 8 | b1), -1 for none, -2 until first asked: every merge starts with these. */
  private readonly pairs = new Int32Array(65536).fill(-2);

  private constructor(
    /** Rank r's bytes are pool[offsets[r], offsets[r + 1]); an unused rank has none. */
    readonly offsets: Uint32Array,
    readonly pool: Uint8Array,
    /** SLOT_WORDS per slot (rank + 1 = 0 for empty); a power of two of slots. */
    private readonly slots: Int32Array,
    /** Identifies the data the table was built from (see tables.ts). */
    readonly source: number,
    maxTokenBytes: number,
    /** FILTER_BITS bits; bit filterBit(h) is set when some token's hash is h. */
    private readonly filter: Int32Array,
  ) {
    this.mask = slots.length / SLOT_WORDS - 1;
    this.maxTokenBytes = maxTokenBytes;
  }

  get size(): number {
    return this.offsets.length - 1;
  }

  static build(tokens: ReadonlyArray<Uint8Array | undefined>, source: number): RankTable {
    let poolLength = 0;
    for (const t of tokens) poolLength += t?.length ?? 0;
    const offsets = new Uint32Array(tokens.length + 1);
    const pool = new Uint8Array(poolLength);
    let at = 0;
    tokens.forEach((t, r) => {
      offsets[r] = at;
      if (t) pool.set(t, at);
      at += t?.length ?? 0;
    });
    offsets[tokens.length] = at;
    if (at >= MAX_POOL) throw new Error(`${at} bytes of tokens do not fit a rank table`);
    // Load factor under 0.4: a miss (the usual case for a pair that is not a token) ends in one or two probes.
    let capacity = 1;
    while (capacity < tokens.length * 2.5) capacity *= 2;
    const slots = new Int32Array(capacity * SLOT_WORDS);
    const mask = capacity - 1;
    tokens.forEach((t, r) => {
      if (!t || t.length === 0) return;
      const hash = hashBytes(t, 0, t.length);
      let slot = slotOf(hash, mask);
      while (slots[slot * SLOT_WORDS + 1] !== 0) slot = (slot + 1) & mask;
      slots.set([hash, r + 1, (offsets[r] as number) | (t.length << 24)], slot * SLOT_WORDS);
    });
    // Both are kept in the table's file: worked out at every start they cost ~15 ms of cold code.
    let max = 0;
    for (let r = 0; r < tokens.length; r++) max = Math.max(max, (offsets[r + 1] as number) - (offsets[r] as number));
    const filter = new Int32Array(FILTER_BITS / 32);
    for (let at = 0; at < slots.length; at += SLOT_WORDS) {
      if (slots[at + 1] === 0) continue;
      const bit = filterBit(slots[at] as number);
      filter[bit >>> 5] = (filter[bit >>> 5] as number) | (1 << (bit & 31));
    }
    return new RankTable(offsets, pool, slots, source, max, filter);
  }

  /** The rank of bytes[start, end) whose hashBytes is `hash`, or -1 when it is not a token. */
  rank(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const length = end - start;
    if (length > this.maxTokenBytes) return -1;
    const bit = filterBit(hash);
    if (((this.filter[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return -1;
    const { slots, pool, mask } = this;
    let slot = slotOf(hash, mask);
    for (;;) {
      const at = slot * SLOT_WORDS;
      const entry = slots[at + 1] as number;
      if (entry === 0) return -1;
      if (slots[at] === hash) {
        const packed = slots[at + 2] as number;
        if (packed >>> 24 === length) {
          const from = packed & 0xffffff;
          let i = 0;
          while (i < length && pool[from + i] === bytes[start + i]) i++;
          if (i === length) return entry - 1;
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The rank of the two bytes at `start`, or -1. */
  pairRank(bytes: Uint8Array, start: number): number {
    const key = ((bytes[start] as number) << 8) | (bytes[start + 1] as number);
    let r = this.pairs[key] as number;
    if (r === -2) {
      r = this.rankOf(bytes, start, start + 2);
      this.pairs[key] = r;
    }
    return r;
  }

  /** The rank of bytes[start, end), or -1. */
  rankOf(bytes: Uint8Array, start: number, end: number): number {
    return end - start > this.maxTokenBytes ? -1 : this.rank(bytes, start, end, hashBytes(bytes, start, end));
  }

  tokenBytes(rank: number): Uint8Array {
    return this.pool.subarray(this.offsets[rank], this.offsets[rank + 1]);
  }

  /** header, offsets, pool (padded to 4 bytes), slots, filter. */
  serialize(): Uint8Array {
    const poolWords = Math.ceil(this.pool.length / 4);
    const words = HEADER_WORDS + this.offsets.length + poolWords + this.slots.length + this.filter.length;
    const out = new Uint32Array(words);
    out.set([MAGIC, FORMAT, this.size, this.pool.length, this.slots.length, this.source >>> 0, this.maxTokenBytes, this.filter.length]);
    let at = HEADER_WORDS;
    out.set(this.offsets, at);
    at += this.offsets.length;
    new Uint8Array(out.buffer, at * 4, this.pool.length).set(this.pool);
    at += poolWords;
    out.set(new Uint32Array(this.slots.buffer, this.slots.byteOffset, this.slots.length), at);
    at += this.slots.length;
    out.set(new Uint32Array(this.filter.buffer, this.filter.byteOffset, this.filter.length), at);
    return new Uint8Array(out.buffer);
  }

  /** The table back from serialize(), or null when the bytes are not one built from `source`. */
  static deserialize(bytes: Uint8Array, source: number): RankTable | null {
    if (bytes.byteLength < HEADER_WORDS * 4) return null;
    // Views need 4-byte alignment; a small Buffer may sit anywhere in Node's shared pool.
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    const words = new Uint32Array(aligned.buffer, aligned.byteOffset, Math.floor(aligned.byteLength / 4));
    const [magic, format, size = 0, poolLength = 0, slotCount = 0, storedSource, maxTokenBytes = 0, filterWords = 0] = words;
    if (magic !== MAGIC || format !== FORMAT || storedSource !== source >>> 0 || filterWords !== FILTER_BITS / 32) return null;
    const slotsPerTable = slotCount / SLOT_WORDS;
    if (!Number.isInteger(slotsPerTable) || slotsPerTable === 0 || (slotsPerTable & (slotsPerTable - 1)) !== 0) return null;
    const poolWords = Math.ceil(poolLength / 4);
    if (words.length !== HEADER_WORDS + size + 1 + poolWords + slotCount + filterWords) return null;
    let at = HEADER_WORDS;
    const offsets = words.subarray(at, at + size + 1);
    at += size + 1;
    const pool = new Uint8Array(aligned.buffer, aligned.byteOffset + at * 4, poolLength);
    at += poolWords;
    const slots = new Int32Array(aligned.buffer, aligned.byteOffset + at * 4, slotCount);
    at += slotCount;
    const filter = new Int32Array(aligned.buffer, aligned.byteOffset + at * 4, filterWords);
    return new RankTable(offsets, pool, slots, source, maxTokenBytes, filter);
  }
}
