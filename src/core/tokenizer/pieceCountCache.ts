// Token counts of recent multi-token pieces, keyed by their bytes: a rare word met again is not
// merged again. Bounded (a fixed slot table and byte pool, emptied when either fills), so it costs
// the same ~1.5 MB on a 10-line file and on a 10-million-line one.
const SLOTS = 1 << 16;
const MAX_ENTRIES = SLOTS >> 1;
const POOL_BYTES = 1 << 20;
/** Longer pieces are rarely met twice; they are not kept. */
export const CACHED_PIECE_BYTES = 64;

export class PieceCountCache {
  private readonly offsets = new Int32Array(SLOTS).fill(-1);
  private readonly lengths = new Uint8Array(SLOTS);
  private readonly hashes = new Int32Array(SLOTS);
  private readonly counts = new Int32Array(SLOTS);
  private readonly pool = new Uint8Array(POOL_BYTES);
  private used = 0;
  private entries = 0;

  /** The count stored for bytes[0, length) with FNV hash `hash`, or -1. */
  get(bytes: Uint8Array, length: number, hash: number): number {
    const { offsets, lengths, hashes, pool } = this;
    let slot = (hash ^ (hash >>> 15)) & (SLOTS - 1);
    for (;;) {
      const from = offsets[slot] as number;
      if (from < 0) return -1;
      if (hashes[slot] === hash && lengths[slot] === length) {
        let i = 0;
        while (i < length && pool[from + i] === bytes[i]) i++;
        if (i === length) return this.counts[slot] as number;
      }
      slot = (slot + 1) & (SLOTS - 1);
    }
  }

  /** Remembers a count for a piece `get` just missed. */
  set(bytes: Uint8Array, length: number, hash: number, count: number): void {
    if (length > CACHED_PIECE_BYTES) return;
    if (this.entries >= MAX_ENTRIES || this.used + length > POOL_BYTES) this.clear();
    let slot = (hash ^ (hash >>> 15)) & (SLOTS - 1);
    while ((this.offsets[slot] as number) >= 0) slot = (slot + 1) & (SLOTS - 1);
    this.pool.set(bytes.subarray(0, length), this.used);
    this.offsets[slot] = this.used;
    this.lengths[slot] = length;
    this.hashes[slot] = hash;
    this.counts[slot] = count;
    this.used += length;
    this.entries++;
  }

  clear(): void {
    this.offsets.fill(-1);
    this.used = 0;
    this.entries = 0;
  }
}
