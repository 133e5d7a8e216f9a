// An immutable list of rows in chunks: changing, inserting or removing one row copies one chunk
// and the short list of chunks, never the whole dataset, so every edit can keep the previous
// list for undo at almost no cost.
import type { Row } from './row.js';

const CHUNK = 1024;

export class RowList {
  private constructor(
    private readonly chunks: readonly (readonly Row[])[],
    readonly length: number,
  ) {}

  static readonly empty = new RowList([], 0);

  static from(rows: readonly Row[]): RowList {
    const chunks: Row[][] = [];
    for (let i = 0; i < rows.length; i += CHUNK) chunks.push(rows.slice(i, i + CHUNK));
    return new RowList(chunks, rows.length);
  }

  private locate(index: number): [number, number] {
    let i = index;
    for (let c = 0; c < this.chunks.length; c++) {
      const size = (this.chunks[c] as readonly Row[]).length;
      if (i < size) return [c, i];
      i -= size;
    }
    throw new RangeError(`row ${index} is outside 0..${this.length - 1}`);
  }

  get(index: number): Row {
    const [c, i] = this.locate(index);
    return (this.chunks[c] as readonly Row[])[i] as Row;
  }

  set(index: number, row: Row): RowList {
    const [c, i] = this.locate(index);
    const chunk = [...(this.chunks[c] as readonly Row[])];
    chunk[i] = row;
    return this.withChunk(c, [chunk], this.length);
  }

  insert(index: number, row: Row): RowList {
    if (index === this.length) {
      const lastIndex = this.chunks.length - 1;
      const last = this.chunks[lastIndex];
      if (!last || last.length >= CHUNK) return new RowList([...this.chunks, [row]], this.length + 1);
      return this.withChunk(lastIndex, [[...last, row]], this.length + 1);
    }
    const [c, i] = this.locate(index);
    const chunk = [...(this.chunks[c] as readonly Row[])];
    chunk.splice(i, 0, row);
    // Split a chunk that grew too big, so later edits stay cheap.
    const replacement = chunk.length > CHUNK * 2 ? [chunk.slice(0, CHUNK), chunk.slice(CHUNK)] : [chunk];
    return this.withChunk(c, replacement, this.length + 1);
  }

  remove(index: number): RowList {
    const [c, i] = this.locate(index);
    const chunk = [...(this.chunks[c] as readonly Row[])];
    chunk.splice(i, 1);
    return this.withChunk(c, chunk.length === 0 ? [] : [chunk], this.length - 1);
  }

  move(from: number, to: number): RowList {
    if (from === to) return this;
    const row = this.get(from);
    return this.remove(from).insert(to, row);
  }

  /** Rows from..to (exclusive), for drawing a window of the list. */
  slice(from: number, to: number): Row[] {
    const out: Row[] = [];
    const end = Math.min(to, this.length);
    if (from >= end) return out;
    let [c, i] = this.locate(Math.max(0, from));
    let n = end - Math.max(0, from);
    while (n > 0 && c < this.chunks.length) {
      const chunk = this.chunks[c] as readonly Row[];
      for (; i < chunk.length && n > 0; i++, n--) out.push(chunk[i] as Row);
      c++;
      i = 0;
    }
    return out;
  }

  *[Symbol.iterator](): Iterator<Row> {
    for (const chunk of this.chunks) yield* chunk;
  }

  toArray(): Row[] {
    return this.chunks.flat();
  }

  indexOfId(id: number): number {
    let base = 0;
    for (const chunk of this.chunks) {
      const i = chunk.findIndex((r) => r.id === id);
      if (i >= 0) return base + i;
      base += chunk.length;
    }
    return -1;
  }

  private withChunk(c: number, replacement: (readonly Row[])[], length: number): RowList {
    const chunks = [...this.chunks.slice(0, c), ...replacement, ...this.chunks.slice(c + 1)];
    return new RowList(chunks, length);
  }
}
