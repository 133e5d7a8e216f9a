// One line of a dataset file as ftui holds it. Untouched rows remember where they came from, so
// a save writes them back byte for byte and a draft journal can refer to them instead of
// copying their text.

export interface Row {
  /** Stable identity across edits, moves and undo; never reused within a session. */
  readonly id: number;
  /** The line's text without its line end: one JSON example, or whatever the file had there. */
  readonly text: string;
  /** 0-based line in the file as loaded, while the row is unchanged; null once edited or new. */
  readonly origin: number | null;
  /** The line's bytes as the file holds them, for an untouched line: a save writes these back. */
  readonly bytes?: Buffer;
  /**
   * The line's own line end, kept only for an untouched line in a file that mixes \n and \r\n
   * and whose end differs from the file's majority (FileFormat.lineEnding), so it goes back as it came.
   */
  readonly lineEnd?: '\n' | '\r\n';
}

/**
 * A line of the loaded file, held as its place in the file's bytes rather than as a string: a
 * JS string of mostly non-Latin-1 text takes two bytes a character, so 100k decoded lines took
 * about twice the file in heap. The text is decoded when something reads it (the rows on screen,
 * a search, the validator), and a save copies the bytes. `text` is a getter on the class, so
 * `{ ...row }` would drop it: build a new row (editedRow, freshRow) instead of spreading one.
 */
export class FileRow implements Row {
  constructor(
    readonly id: number,
    readonly origin: number,
    private readonly file: Buffer,
    private readonly start: number,
    private readonly end: number,
    readonly lineEnd?: '\n' | '\r\n',
  ) {}

  get text(): string {
    return this.file.toString('utf8', this.start, this.end);
  }

  get bytes(): Buffer {
    return this.file.subarray(this.start, this.end);
  }

  /** Whether this row is a line of `file` (the bytes of one particular load). */
  pointsInto(file: Buffer): boolean {
    return this.file === file;
  }

  withLineEnd(lineEnd: '\n' | '\r\n'): FileRow {
    return new FileRow(this.id, this.origin, this.file, this.start, this.end, lineEnd);
  }
}

let lastId = 0;

export function newRowId(): number {
  return ++lastId;
}

/** Makes sure ids handed out later never collide with ids already in use (after a draft restore). */
export function reserveRowIds(upTo: number): void {
  if (upTo > lastId) lastId = upTo;
}

export function editedRow(row: Row, text: string): Row {
  return { id: row.id, text, origin: null };
}

export function freshRow(text: string): Row {
  return { id: newRowId(), text, origin: null };
}
