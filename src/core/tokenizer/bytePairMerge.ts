// tiktoken's byte pair merge: repeatedly join the adjacent pair of parts whose joined bytes are
// the lowest-ranked token, the leftmost one on a tie, until no adjacent pair is a token.
//
// tiktoken rescans every pair after each merge, O(n²) in the piece's length: a 200 KB run with no
// spaces took 23 s. Short pieces (nearly all of them) still go that way here, since it is the
// fastest for them; longer ones keep their pairs in a binary heap ordered by (rank, position), so
// each merge costs O(log n) and the result is the same, merge for merge: the heap's minimum is
// exactly the pair the rescan would have found.
import type { RankTable } from './rankTable.js';

const NONE = 0x7fffffff;
/** Above this many bytes a piece is merged through the heap. */
export const HEAP_FROM_BYTES = 96;

/**
 * Splits bytes[0, length) into tokens. Writes each token's start into `starts` (room for
 * length + 1) followed by `length`, and returns the number of tokens.
 */
export function bytePairMerge(table: RankTable, bytes: Uint8Array, length: number, starts: Int32Array): number {
  if (length <= 1) {
    starts[0] = 0;
    starts[length] = length;
    return length;
  }
  return length > HEAP_FROM_BYTES ? mergeWithHeap(table, bytes, length, starts) : mergeByRescan(table, bytes, length, starts);
}

let rescanRanks = new Int32Array(HEAP_FROM_BYTES + 2);

/** tiktoken's own loop, for short pieces. */
export function mergeByRescan(table: RankTable, bytes: Uint8Array, length: number, starts: Int32Array): number {
  if (rescanRanks.length < length + 1) rescanRanks = new Int32Array(length + 1);
  const ranks = rescanRanks;
  // Parts are starts[0..count); starts[count] = length. ranks[i] is the rank of parts i and i+1
  // joined, NONE when that is no token (and for the last part).
  let count = length;
  for (let i = 0; i < length; i++) starts[i] = i;
  starts[length] = length;
  for (let i = 0; i < length - 1; i++) {
    const r = table.pairRank(bytes, i);
    ranks[i] = r < 0 ? NONE : r;
  }
  ranks[length - 1] = NONE;
  for (;;) {
    let min = NONE;
    let at = -1;
    for (let i = 0; i < count - 1; i++) {
      const r = ranks[i] as number;
      if (r < min) {
        min = r;
        at = i;
      }
    }
    if (at === -1) break;
    // Part at+1 joins part at; the pairs that change are (at-1, at) and (at, at+2).
    for (let i = at + 1; i < count; i++) {
      starts[i] = starts[i + 1] as number;
      ranks[i] = ranks[i + 1] as number;
    }
    count--;
    if (at > 0) {
      const r = table.rankOf(bytes, starts[at - 1] as number, starts[at + 1] as number);
      ranks[at - 1] = r < 0 ? NONE : r;
    }
    if (at + 1 < count) {
      const r = table.rankOf(bytes, starts[at] as number, starts[at + 2] as number);
      ranks[at] = r < 0 ? NONE : r;
    } else {
      ranks[at] = NONE;
    }
  }
  return count;
}

/** The same merges through an indexed binary heap of pairs keyed by (rank, position). */
export function mergeWithHeap(table: RankTable, bytes: Uint8Array, length: number, starts: Int32Array): number {
  // Parts are a linked list over byte positions; a part is named by its first byte.
  const next = new Int32Array(length);
  const prev = new Int32Array(length);
  const rank = new Int32Array(length); // of the pair starting at this part
  const heap = new Int32Array(length); // part positions
  const slot = new Int32Array(length).fill(-1); // where a part's pair sits in the heap
  let size = 0;

  const less = (a: number, b: number): boolean => {
    const ra = rank[a] as number;
    const rb = rank[b] as number;
    return ra < rb || (ra === rb && a < b);
  };
  const place = (p: number, i: number) => {
    heap[i] = p;
    slot[p] = i;
  };
  const up = (i: number) => {
    const p = heap[i] as number;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const q = heap[parent] as number;
      if (!less(p, q)) break;
      place(q, i);
      i = parent;
    }
    place(p, i);
  };
  const down = (i: number) => {
    const p = heap[i] as number;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && less(heap[child + 1] as number, heap[child] as number)) child++;
      const q = heap[child] as number;
      if (!less(q, p)) break;
      place(q, i);
      i = child;
    }
    place(p, i);
  };
  const remove = (p: number) => {
    const i = slot[p] as number;
    if (i < 0) return;
    slot[p] = -1;
    size--;
    if (i === size) return;
    place(heap[size] as number, i);
    up(i);
    down(slot[heap[i] as number] as number);
  };
  /** Re-ranks the pair starting at part p and puts it in (or takes it out of) the heap. */
  const rerank = (p: number) => {
    const second = next[p] as number;
    const r = second < length ? table.rankOf(bytes, p, next[second] as number) : -1;
    if (r < 0) {
      remove(p);
      rank[p] = NONE;
      return;
    }
    const old = rank[p] as number;
    rank[p] = r;
    const i = slot[p] as number;
    if (i < 0) {
      place(p, size++);
      up(size - 1);
    } else if (r < old) {
      up(i);
    } else {
      down(i);
    }
  };

  for (let p = 0; p < length; p++) {
    next[p] = p + 1;
    prev[p] = p - 1;
    rank[p] = NONE;
  }
  for (let p = 0; p + 1 < length; p++) {
    const r = table.pairRank(bytes, p);
    if (r >= 0) {
      rank[p] = r;
      place(p, size++);
    }
  }
  for (let i = (size >> 1) - 1; i >= 0; i--) down(i);

  while (size > 0) {
    const p = heap[0] as number;
    remove(p);
    // Part p swallows the part after it.
    const gone = next[p] as number;
    remove(gone);
    const after = next[gone] as number;
    next[p] = after;
    if (after < length) prev[after] = p;
    rerank(p);
    const before = prev[p] as number;
    if (before >= 0) rerank(before);
  }

  let count = 0;
  for (let p = 0; p < length; p = next[p] as number) starts[count++] = p;
  starts[count] = length;
  return count;
}
