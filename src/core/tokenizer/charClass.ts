// The class (charClassIds.ts) of every code point, as one byte each, decoded once per thread from
// the pinned Unicode 16 runs: the split patterns must not drift with the ICU of the running Node.
import { CLASS_RUNS } from './unicodeClasses.gen.js';

let table: Uint8Array | null = null;

/** Class ids indexed by code point (U+0000..U+10FFFF); about 1 MB, built in well under a millisecond. */
export function charClasses(): Uint8Array {
  if (table) return table;
  const t = new Uint8Array(0x110000);
  let at = 0;
  for (const run of CLASS_RUNS.split(',')) {
    const length = parseInt(run.slice(0, -1), 36);
    const id = run.charCodeAt(run.length - 1) - 48;
    if (id !== 0) t.fill(id, at, at + length);
    at += length;
  }
  if (at !== 0x110000) throw new Error(`unicodeClasses.gen.ts covers ${at} code points, not 0x110000`);
  table = t;
  return t;
}
