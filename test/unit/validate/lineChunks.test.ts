// The chunked reader gives exactly the lines a plain in-memory split gives (BOM, CRLF, invalid
// UTF-8, lines over the limit, a last line without a newline), whatever the read size and
// wherever long lines split the chunks; and every chunk owns its bytes, so handing them to
// another thread (a transfer detaches them here) takes nothing from the lines that follow.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forEachLine, readLineChunks, readLines, type RawLine, type ReadSummary } from '../../../src/core/validate/lineReader.js';
import { seededRandom } from '../../../src/core/seededRandom.js';

const dir = mkdtempSync(join(tmpdir(), 'ftui-chunks-'));
const strict = new TextDecoder('utf-8', { fatal: true });

interface Seen {
  number: number;
  text: string;
  crlf: boolean;
  invalid: boolean;
  tooLong: number | null;
}

/** What the file holds, split in memory the simplest way. */
function reference(bytes: Buffer, maxLineBytes: number): { lines: Seen[]; summary: ReadSummary } {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === 0x0a) {
      parts.push(body.subarray(start, i));
      start = i + 1;
    }
  }
  const finalNewline = start === body.length;
  if (!finalNewline) parts.push(body.subarray(start));
  let crlfLines = 0;
  const lines = parts.map((part, i): Seen => {
    if (part.length > maxLineBytes) return { number: i + 1, text: '', crlf: false, invalid: false, tooLong: part.length };
    const crlf = part.length > 0 && part[part.length - 1] === 0x0d;
    if (crlf) crlfLines++;
    const line = crlf ? part.subarray(0, part.length - 1) : part;
    let invalid = false;
    try {
      strict.decode(line);
    } catch {
      invalid = true;
    }
    return { number: i + 1, text: line.toString('utf8'), crlf, invalid, tooLong: null };
  });
  return { lines, summary: { bom, crlfLines, lines: parts.length, finalNewline } };
}

const seen = (l: RawLine): Seen => ({ number: l.number, text: l.text, crlf: l.crlf, invalid: l.invalidUtf8Column !== null, tooLong: l.tooLong });

const PIECES = ['a', 'b', '{"x":1}', ' ', '\n', '\n', '\r\n', '\r', 'é', '😀', '\xff', '\xef\xbb\xbf'];
function randomFile(random: () => number): Buffer {
  const out: Buffer[] = [];
  if (random() < 0.3) out.push(Buffer.from([0xef, 0xbb, 0xbf]));
  const pieces = Math.floor(random() * 400);
  for (let i = 0; i < pieces; i++) {
    const r = random();
    if (r < 0.03) out.push(Buffer.alloc(Math.floor(random() * 3000), 'z'));
    else {
      const piece = PIECES[Math.floor(random() * PIECES.length)] as string;
      out.push(piece === '\xff' ? Buffer.from([0xff]) : piece === '\xef\xbb\xbf' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.from(piece));
    }
  }
  return Buffer.concat(out);
}

describe('readLineChunks', () => {
  it('gives the lines of an in-memory split, for any read size, long-line size and limit', async () => {
    const random = seededRandom(16);
    for (let file = 0; file < 150; file++) {
      const bytes = randomFile(random);
      const path = join(dir, `f${file}.jsonl`);
      writeFileSync(path, bytes);
      const chunkBytes = [1, 2, 7, 64, 500, 4096][file % 6] as number;
      const longLineBytes = [1, 50, 700, Infinity][file % 4] as number;
      const maxLineBytes = [1000, 2500, Infinity][file % 3] as number;
      const expected = reference(bytes, maxLineBytes);

      const lines: Seen[] = [];
      const summary = await readLineChunks(
        path,
        {
          chunk(chunk) {
            // As the pool does: the bytes leave this thread. What the reader does next must not need them.
            const moved = structuredClone(chunk, { transfer: [chunk.bytes.buffer] });
            expect(chunk.bytes.byteLength).toBe(0);
            let count = 0;
            forEachLine(moved, (line) => {
              count++;
              lines.push(seen(line));
            });
            expect(count).toBe(moved.lines);
          },
          line(line) {
            expect(line.tooLong !== null || Buffer.byteLength(line.text) + (line.crlf ? 1 : 0) > longLineBytes || line.invalidUtf8Column !== null).toBe(true);
            lines.push(seen(line));
          },
        },
        // Every other file read with blocking reads (what `ftui validate` does without workers): the same lines.
        { chunkBytes, longLineBytes, maxLineBytes, blocking: file % 2 === 1 },
      );
      expect({ file, lines, summary }).toEqual({ file, ...expected });

      const plain: Seen[] = [];
      const plainSummary = await readLines(path, (line) => void plain.push(seen(line)), undefined, undefined, { maxLineBytes });
      expect({ file, lines: plain, summary: plainSummary }).toEqual({ file, ...expected });
    }
  });

  it('hands over an empty file, a BOM alone and a lone newline as they are', async () => {
    for (const [content, lines] of [
      ['', 0],
      ['\xef\xbb\xbf', 0],
      ['\n', 1],
      ['\r', 1],
    ] as const) {
      const path = join(dir, `edge${lines}${content.length}.jsonl`);
      writeFileSync(path, Buffer.from(content, 'latin1'));
      const out: RawLine[] = [];
      const summary = await readLines(path, (line) => void out.push(line));
      expect(summary.lines).toBe(lines);
      expect(out.map((l) => l.text)).toEqual(Array.from({ length: lines }, () => ''));
    }
  });
});
