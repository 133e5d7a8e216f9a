// Reads a JSONL file as a stream of lines, whatever it throws at us: a UTF-8 BOM, CRLF ends, a
// last line without a newline, invalid UTF-8, single lines far larger than one read. Memory
// stays at one read buffer plus the longest line, and a line over MAX_LINE_BYTES is counted, not
// held: it is reported as too long (`tooLong`) with its length, so a 60 MB line, or /dev/zero
// behind a symlink, cannot take the machine's memory.
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';

/**
 * The longest line ftui reads into memory and analyses (16 MiB): far beyond any example the
 * service trains on in full (its limit is tens of thousands of tokens), with room for inline
 * images. Stated in README; a longer line is one `line_too_long` finding.
 */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

export interface RawLine {
  /** 1-based. */
  number: number;
  text: string;
  /** The line's bytes (without line end), only when they are not valid UTF-8: `text` cannot hold them. */
  bytes: Buffer | null;
  /** 1-based column of the first byte that is not valid UTF-8, or null. */
  invalidUtf8Column: number | null;
  /** The line ended in \r\n. */
  crlf: boolean;
  /** The line's length in bytes when it is over the limit: then it was skipped and `text` is empty. */
  tooLong: number | null;
}

export interface ReadSummary {
  bom: boolean;
  crlfLines: number;
  lines: number;
  /** The file ends with a line end (or is empty). */
  finalNewline: boolean;
}

const CHUNK = 1 << 20;
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Buffer): { text: string; invalidColumn: number | null } {
  const text = bytes.toString('utf8');
  // U+FFFD also appears in valid text, so only then pay for the strict check.
  if (!text.includes('\uFFFD')) return { text, invalidColumn: null };
  try {
    strictDecoder.decode(bytes);
    return { text, invalidColumn: null };
  } catch {
    return { text, invalidColumn: firstInvalidColumn(bytes) };
  }
}

/** Column (in characters) of the first byte sequence that is not UTF-8. */
export function firstInvalidColumn(bytes: Buffer): number {
  let column = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const size = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (size === 0 || i + size > bytes.length) return column;
    try {
      strictDecoder.decode(bytes.subarray(i, i + size));
    } catch {
      return column;
    }
    i += size;
    column++;
  }
  return column;
}

/**
 * Calls `onLine` for every line, in order. Resolves with what it saw about the file as a whole.
 * Rejects only when the file cannot be opened or read.
 */
export async function readLines(
  /** A path, or a file already opened (and checked to be a regular file). */
  source: string | FileHandle,
  onLine: (line: RawLine) => void,
  onProgress?: (bytesRead: number) => void,
  /** Awaited after each read: lets a consumer that works in the background hold the reader back. */
  afterChunk?: () => Promise<void> | void,
  options: { maxLineBytes?: number } = {},
): Promise<ReadSummary> {
  const maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
  const summary: ReadSummary = { bom: false, crlfLines: 0, lines: 0, finalNewline: true };
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  // Bytes of the current line once it is over the limit; null while it is not.
  let skipped: number | null = null;
  let bytesRead = 0;
  let first = true;

  const emit = (bytes: Buffer) => {
    let end = bytes.length;
    const crlf = end > 0 && bytes[end - 1] === 0x0d;
    if (crlf) {
      end--;
      summary.crlfLines++;
    }
    const { text, invalidColumn } = decode(end === bytes.length ? bytes : bytes.subarray(0, end));
    summary.lines++;
    onLine({ number: summary.lines, text, bytes: invalidColumn === null ? null : Buffer.from(bytes.subarray(0, end)), invalidUtf8Column: invalidColumn, crlf, tooLong: null });
  };
  const emitTooLong = (length: number) => {
    summary.lines++;
    onLine({ number: summary.lines, text: '', bytes: null, invalidUtf8Column: null, crlf: false, tooLong: length });
  };
  // Part of a line without its end yet: kept while the line is within the limit, counted after.
  const hold = (part: Buffer) => {
    if (skipped !== null) {
      skipped += part.length;
      return;
    }
    if (pendingBytes + part.length > maxLineBytes) {
      skipped = pendingBytes + part.length;
      pending = [];
      pendingBytes = 0;
      return;
    }
    pending.push(part);
    pendingBytes += part.length;
  };

  const stream = typeof source === 'string' ? createReadStream(source, { highWaterMark: CHUNK }) : source.createReadStream({ highWaterMark: CHUNK, autoClose: false, start: 0 });
  for await (const data of stream as AsyncIterable<Buffer>) {
    let chunk = data;
    bytesRead += chunk.length;
    if (first) {
      first = false;
      if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        summary.bom = true;
        chunk = chunk.subarray(3);
      }
    }
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      if (nl === -1) break;
      const part = chunk.subarray(start, nl);
      if (pending.length > 0 || skipped !== null || part.length > maxLineBytes) {
        hold(part);
        if (skipped !== null) emitTooLong(skipped);
        else emit(Buffer.concat(pending));
        pending = [];
        pendingBytes = 0;
        skipped = null;
      } else {
        emit(part);
      }
      start = nl + 1;
    }
    if (start < chunk.length) hold(chunk.subarray(start));
    onProgress?.(bytesRead);
    await afterChunk?.();
  }
  if (skipped !== null) {
    summary.finalNewline = false;
    emitTooLong(skipped);
  } else if (pending.length > 0) {
    summary.finalNewline = false;
    emit(Buffer.concat(pending));
  }
  return summary;
}
