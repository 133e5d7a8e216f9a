// Token counts of recent pieces the tokenizer's memo cannot hold, keyed by their bytes: a rare word
// met again is not merged or looked up again. Bounded (a fixed slot table and byte pool, emptied
// when either fills), so it costs the same ~7 MB on a 10-line file and on a 10-million-line one;
// 128k pieces hold the rarer words of a large real dataset between clearings.
const SLOTS = 1 << 18;
const MAX_ENTRIES = SLOTS >> 1;
const POOL_BYTES = 1 << 22;
/** Longer pieces are rarely met twice; they are not kept. */
export const CACHED_PIECE_BYTES = 64;
// Each slot is [hash, pool offset + 1 (0 = empty), count | length << 24]: one slot read per probe.
const SLOT_WORDS = 3;

export class PieceCountCache {
  private readonly slots = new Int32Array(SLOTS * SLOT_WORDS);
  private readonly pool = new Uint8Array(POOL_BYTES);
  private used = 0;
  private entries = 0;

  /** The count stored for bytes[0, length) with FNV hash `hash`, or -1. */
  get(bytes: Uint8Array, length: number, hash: number): number {
    const { slots, pool } = this;
    let slot = (hash ^ (hash >>> 15)) & (SLOTS - 1);
    for (;;) {
      const at = slot * SLOT_WORDS;
      const offset = slots[at + 1] as number;
      if (offset === 0) return -1;
      const packed = slots[at + 2] as number;
      if (slots[at] === hash && packed >>> 24 === length) {
        const from = offset - 1;
        let i = 0;
        while (i < length && pool[from + i] === bytes[i]) i++;
        if (i === length) return packed & 0xffffff;
      }
      slot = (slot + 1) & (SLOTS - 1);
    }
  }

  /** Remembers a count for a piece `get` just missed. */
  set(bytes: Uint8Array, length: number, hash: number, count: number): void {
    if (length > CACHED_PIECE_BYTES) return;
    if (this.entries >= MAX_ENTRIES || this.used + length > POOL_BYTES) this.clear();
    const { slots } = this;
    let slot = (hash ^ (hash >>> 15)) & (SLOTS - 1);
    while ((slots[slot * SLOT_WORDS + 1] as number) !== 0) slot = (slot + 1) & (SLOTS - 1);
    this.pool.set(bytes.subarray(0, length), this.used);
    const at = slot * SLOT_WORDS;
    slots[at] = hash;
    slots[at + 1] = this.used + 1;
    slots[at + 2] = count | (length << 24);
    this.used += length;
    this.entries++;
  }

  clear(): void {
    this.slots.fill(0);
    this.used = 0;
    this.entries = 0;
  }
}
