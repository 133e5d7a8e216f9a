// A line over the reader's limit is counted, reported by its number and never held whole.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLines, type RawLine } from '../../../src/core/validate/lineReader.js';

const dir = mkdtempSync(join(tmpdir(), 'ftui-lines-'));

async function linesOf(content: string | Buffer, maxLineBytes: number): Promise<RawLine[]> {
  const path = join(dir, `f${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(path, content);
  const out: RawLine[] = [];
  await readLines(path, (line) => out.push(line), undefined, undefined, { maxLineBytes });
  return out;
}

describe('the line reader limit', () => {
  it('reports an over-long line by number and length, empty, and reads the lines around it', async () => {
    const lines = await linesOf(`short\n${'x'.repeat(5000)}\nafter\n`, 1000);
    expect(lines.map((l) => [l.number, l.text, l.tooLong])).toEqual([
      [1, 'short', null],
      [2, '', 5000],
      [3, 'after', null],
    ]);
  });

  it('counts a line that spans many reads, and one that ends the file without a newline', async () => {
    // Reads are 1 MiB: this line crosses three of them.
    const big = 'y'.repeat(3 * 1024 * 1024 + 17);
    const lines = await linesOf(`${big}\nok\n${big}`, 1024 * 1024);
    expect(lines.map((l) => [l.number, l.tooLong])).toEqual([
      [1, big.length],
      [2, null],
      [3, big.length],
    ]);
  });

  it('takes a line exactly at the limit whole', async () => {
    const lines = await linesOf(`${'z'.repeat(1000)}\n`, 1000);
    expect(lines[0]).toMatchObject({ tooLong: null, text: 'z'.repeat(1000) });
  });
});
