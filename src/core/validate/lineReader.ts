// Reads a JSONL file as a stream of lines, whatever it throws at us: a UTF-8 BOM, CRLF ends, a
// last line without a newline, invalid UTF-8, single lines far larger than one read. Memory
// stays at one read buffer plus the longest line, and a line over MAX_LINE_BYTES is counted, not
// held: it is reported as too long (`tooLong`) with its length, so a 60 MB line, or /dev/zero
// behind a symlink, cannot take the machine's memory.
//
// Two levels: readLineChunks hands over the file's bytes as chunks of whole lines, undecoded, each
// in an ArrayBuffer of its own (so `ftui validate` can transfer them to worker threads, which
// decode and analyse them while this thread reads on), and forEachLine splits a chunk into lines.
// readLines is the two together, for callers that want one line at a time.
import { readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

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
  /** No JSON string in the line can hold a control character (controlFree of its bytes); unset when not known. */
  controlFree?: boolean;
}

export interface ReadSummary {
  bom: boolean;
  crlfLines: number;
  lines: number;
  /** The file ends with a line end (or is empty). */
  finalNewline: boolean;
}

/** Whole lines of the file, undecoded. */
export interface LineChunk {
  /** The lines' bytes, each with its \n (the file's last line may have none); the BOM is not included. Nothing else uses this ArrayBuffer, so it can be transferred. */
  bytes: Uint8Array<ArrayBuffer>;
  /** 1-based number of the chunk's first line. */
  firstLine: number;
  lines: number;
}

export interface ChunkHandlers {
  chunk(chunk: LineChunk): void;
  /** A line longer than `longLineBytes`, decoded; or one over `maxLineBytes`, counted (`tooLong`) and never held. */
  line(line: RawLine): void;
}

export interface ChunkOptions {
  /** Bytes per read, and so about the size of a chunk (64 KiB to 1 MiB: more lines than that to a chunk only cost memory). */
  chunkBytes?: number;
  /** Lines longer than this come one by one through `line` instead of in a chunk. */
  longLineBytes?: number;
  maxLineBytes?: number;
  onProgress?: (bytesRead: number) => void;
  /** Awaited after each read: lets a consumer that works in the background hold the reader back. */
  afterChunk?: () => Promise<void> | void;
  /**
   * Read on this thread, blocking it (for a process with nothing else to do, such as
   * `ftui validate` without workers): an asynchronous read hands each 1 MiB to libuv's thread
   * pool and leaves this thread idle until it comes back, longer when the machine is busy.
   */
  blocking?: boolean;
}

const CHUNK = 1 << 20;
const LF = 0x0a;
const CR = 0x0d;
const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const EMPTY = new Uint8Array(0);

function decode(view: Buffer, start: number, end: number): { text: string; invalidColumn: number | null } {
  const text = view.toString('utf8', start, end);
  // U+FFFD also appears in valid text, so only then pay for the strict check.
  if (!text.includes('\uFFFD')) return { text, invalidColumn: null };
  const bytes = view.subarray(start, end);
  try {
    strictDecoder.decode(bytes);
    return { text, invalidColumn: null };
  } catch {
    return { text, invalidColumn: firstInvalidColumn(bytes) };
  }
}

/** Column (in characters) of the first byte sequence that is not UTF-8. */
export function firstInvalidColumn(bytes: Uint8Array): number {
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

const BACKSLASH = 0x5c;

/**
 * Whether no JSON string written in these bytes can hold a control character other than tab and
 * the line ends (C0, DEL, C1: what the text checks look for), so they need not look. Inside a
 * JSON string a C0 character can only be an escape (JSON.parse refuses it raw), DEL and C1 can
 * also be raw: DEL is the byte 7F, C1 the bytes C2 80-9F (any other bytes for them are not UTF-8
 * and decode to U+FFFD). So: no 7F, no C2 80-9F, and no \b, \f or \uXXXX escape. Searching the
 * bytes is far cheaper than the pattern on every text of the line.
 */
export function controlFree(bytes: Buffer): boolean {
  if (bytes.indexOf(0x7f) !== -1) return false;
  for (let i = bytes.indexOf(0xc2); i !== -1; i = bytes.indexOf(0xc2, i + 1)) {
    const next = bytes[i + 1];
    if (next !== undefined && next >= 0x80 && next <= 0x9f) return false;
  }
  // Every backslash in valid JSON starts an escape of two characters (\uXXXX's four digits
  // cannot hold a backslash), so stepping over the escaped one keeps \\u from reading as \u.
  for (let i = bytes.indexOf(BACKSLASH); i !== -1; i = bytes.indexOf(BACKSLASH, i + 2)) {
    const next = bytes[i + 1];
    if (next === 0x75 || next === 0x62 || next === 0x66) return false;
  }
  return true;
}

/** The line in view[start, end) (without its \n): a \r before the \n is taken as part of the line end. */
function lineAt(view: Buffer, start: number, end: number, number: number): RawLine {
  const crlf = end > start && view[end - 1] === CR;
  if (crlf) end--;
  const { text, invalidColumn } = decode(view, start, end);
  const bytes = view.subarray(start, end);
  return { number, text, bytes: invalidColumn === null ? null : Buffer.from(bytes), invalidUtf8Column: invalidColumn, crlf, tooLong: null, controlFree: controlFree(bytes) };
}

/** The same bytes as a Buffer (no copy), for Buffer's decoding and search. */
export const viewOf = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function tooLongLine(number: number, length: number): RawLine {
  return { number, text: '', bytes: null, invalidUtf8Column: null, crlf: false, tooLong: length };
}

/** Calls `onLine` for each line of a chunk, in order, until it returns false. */
export function forEachLine(chunk: LineChunk, onLine: (line: RawLine) => void | boolean): void {
  const view = viewOf(chunk.bytes);
  let number = chunk.firstLine;
  let start = 0;
  while (start < view.length) {
    let nl = view.indexOf(LF, start);
    if (nl === -1) nl = view.length;
    if (onLine(lineAt(view, start, nl, number++)) === false) return;
    start = nl + 1;
  }
}

/**
 * Hands the file over as chunks of whole lines and, one by one, the lines too long for a chunk,
 * in file order. Resolves with what it saw about the file as a whole. Rejects only when the file
 * cannot be opened or read.
 */
export async function readLineChunks(
  /** A path, or a file already opened (and checked to be a regular file). */
  source: string | FileHandle,
  handlers: ChunkHandlers,
  options: ChunkOptions = {},
): Promise<ReadSummary> {
  // At least a BOM's length, so the first read shows whether the file starts with one.
  const chunkBytes = Math.max(4, options.chunkBytes ?? CHUNK);
  const maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
  const longLineBytes = Math.min(options.longLineBytes ?? maxLineBytes, maxLineBytes);
  const summary: ReadSummary = { bom: false, crlfLines: 0, lines: 0, finalNewline: true };
  const handle = typeof source === 'string' ? await open(source, 'r') : source;

  // The start of a line whose \n has not been read yet. Up to a read's size it is copied to the
  // front of the next read's buffer (`carry`); longer, its parts are held as they come (`parts`),
  // or only counted once it is over the limit (`skipped`).
  let carry: Uint8Array = EMPTY;
  let parts: Uint8Array[] = [];
  let partBytes = 0;
  let skipped: number | null = null;
  let position = 0;
  let first = true;

  const chunk = (bytes: Uint8Array<ArrayBuffer>, lines: number) => {
    if (lines === 0) return;
    handlers.chunk({ bytes, firstLine: summary.lines + 1, lines });
    summary.lines += lines;
  };
  /** A line held in parts is complete: its \n is at `end` in `tail` (or it ends the file: `end` = tail.length). */
  const endLongLine = (tail: Uint8Array, end: number) => {
    const length = (skipped ?? partBytes) + end;
    if (skipped !== null || length > maxLineBytes) {
      summary.lines++;
      handlers.line(tooLongLine(summary.lines, length));
    } else {
      const whole = new Uint8Array(length + (end < tail.length ? 1 : 0));
      let at = 0;
      for (const part of parts) {
        whole.set(part, at);
        at += part.length;
      }
      whole.set(tail.subarray(0, whole.length - at), at);
      if (length > 0 && whole[length - 1] === CR) summary.crlfLines++;
      if (length > longLineBytes) {
        summary.lines++;
        handlers.line(lineAt(viewOf(whole), 0, length, summary.lines));
      } else {
        chunk(whole, 1);
      }
    }
    parts = [];
    partBytes = 0;
    skipped = null;
  };
  const hold = (part: Uint8Array) => {
    if (skipped !== null) skipped += part.length;
    else if (partBytes + part.length > maxLineBytes) {
      skipped = partBytes + part.length;
      parts = [];
      partBytes = 0;
    } else {
      parts.push(part);
      partBytes += part.length;
    }
  };

  try {
    for (;;) {
      const holding = skipped !== null || parts.length > 0;
      // A buffer of its own (not from Node's shared pool), so a chunk of it can be transferred.
      const buffer = new Uint8Array(Buffer.allocUnsafeSlow(carry.length + chunkBytes).buffer);
      buffer.set(carry);
      const bytesRead = options.blocking
        ? readSync(handle.fd, buffer, carry.length, chunkBytes, position)
        : (await handle.read(buffer, carry.length, chunkBytes, position)).bytesRead;
      if (bytesRead === 0) break;
      position += bytesRead;
      const end = carry.length + bytesRead;
      carry = EMPTY;
      const view = Buffer.from(buffer.buffer, 0, end);
      let from = 0;
      if (first) {
        first = false;
        if (end >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
          summary.bom = true;
          from = 3;
        }
      }
      if (holding) {
        const nl = view.indexOf(LF, from);
        if (nl === -1) {
          hold(buffer.subarray(from, end));
          options.onProgress?.(position);
          await options.afterChunk?.();
          continue;
        }
        endLongLine(buffer.subarray(from, end), nl - from);
        from = nl + 1;
      }
      // Whole lines from `from`; a line too long for a chunk splits it, and goes on its own.
      let chunkStart = from;
      let lineStart = from;
      let lines = 0;
      for (;;) {
        const nl = view.indexOf(LF, lineStart);
        if (nl === -1) break;
        const length = nl - lineStart;
        if (length > longLineBytes) {
          // Copied: the rest of this buffer becomes a chunk that may be transferred.
          chunk(buffer.slice(chunkStart, lineStart), lines);
          lines = 0;
          if (length > 0 && buffer[nl - 1] === CR && length <= maxLineBytes) summary.crlfLines++;
          summary.lines++;
          handlers.line(length > maxLineBytes ? tooLongLine(summary.lines, length) : lineAt(view, lineStart, nl, summary.lines));
          chunkStart = nl + 1;
        } else {
          lines++;
          if (length > 0 && buffer[nl - 1] === CR) summary.crlfLines++;
        }
        lineStart = nl + 1;
      }
      const rest = end - lineStart;
      if (rest > 0 && rest <= chunkBytes) carry = buffer.slice(lineStart, end);
      else if (rest > 0) hold(buffer.slice(lineStart, end));
      chunk(buffer.subarray(chunkStart, lineStart), lines);
      options.onProgress?.(position);
      await options.afterChunk?.();
    }
    if (carry.length > 0) hold(carry);
    if (skipped !== null || parts.length > 0) {
      summary.finalNewline = false;
      endLongLine(EMPTY, 0);
    }
  } finally {
    if (typeof source === 'string') await handle.close();
  }
  return summary;
}

/**
 * Calls `onLine` for every line, in order. Resolves with what it saw about the file as a whole.
 * Rejects only when the file cannot be opened or read.
 */
export function readLines(
  source: string | FileHandle,
  onLine: (line: RawLine) => void,
  onProgress?: (bytesRead: number) => void,
  afterChunk?: () => Promise<void> | void,
  options: { maxLineBytes?: number } = {},
): Promise<ReadSummary> {
  return readLineChunks(source, { chunk: (c) => forEachLine(c, onLine), line: onLine }, { ...options, ...(onProgress && { onProgress }), ...(afterChunk && { afterChunk }) });
}
