// Exports write each valid example exactly as the user has it (one per \n-ended line, no BOM),
// so ids past 2^53 or numbers like 1.0 reach the upload unchanged.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportJsonl, exportSplit, splitLines } from '../../../src/core/dataset/exporters.js';
import { freshRow } from '../../../src/core/dataset/row.js';
import { loadDataset } from '../../../src/core/dataset/load.js';
import { existsSync, writeFileSync } from 'node:fs';

const dir = mkdtempSync(join(tmpdir(), 'ftui-export-'));
const exact = '{"messages": [{"role": "user", "content": "hi"}], "id": 12345678901234567890, "score": 1.0}';
const rows = [exact, '', 'not json', '  {"messages":[]}\r', '[1,2]', '{"messages":[{"role":"user","content":"é"}]}'].map((t) => freshRow(t));

describe('export', () => {
  it('writes valid examples as they are, trimmed, one per line; reports the rows left out', async () => {
    const path = join(dir, 'plain.jsonl');
    const result = await exportJsonl(rows, path);
    expect(result).toEqual({ written: 3, skipped: [2, 3, 5] });
    expect(readFileSync(path, 'utf8')).toBe(`${exact}\n{"messages":[]}\n{"messages":[{"role":"user","content":"é"}]}\n`);
  });

  it('splits the same examples into two files that together hold each once', async () => {
    const train = join(dir, 'train.jsonl');
    const validation = join(dir, 'validation.jsonl');
    const many = Array.from({ length: 20 }, (_, i) => freshRow(`{"n":${i}}`));
    const result = await exportSplit([...many, ...rows], 0.75, 3, train, validation);
    expect(result).toMatchObject({ written: 23, skipped: [22, 23, 25], train: 17, validation: 6 });
    const lines = (p: string) => readFileSync(p, 'utf8').split('\n').slice(0, -1);
    const all = [...lines(train), ...lines(validation)];
    expect(all.sort()).toEqual([...many.map((r) => r.text), exact, '{"messages":[]}', '{"messages":[{"role":"user","content":"é"}]}'].sort());
  });

  it('refuses a ratio outside 0..1 or a seed that is not a whole number, in plain words', () => {
    expect(() => splitLines(['{}'], 1.5, 1)).toThrow('the split ratio must be between 0 and 1, not 1.5');
    expect(() => splitLines(['{}'], Number.NaN, 1)).toThrow(/ratio/);
    expect(() => splitLines(['{}'], 0.5, 0.5)).toThrow('the seed must be a whole number, not 0.5');
    expect(splitLines(['{}'], 1, 1)).toEqual({ train: ['{}'], validation: [] });
  });

  it('refuses to export over the dataset file itself, which would lose its invalid lines', async () => {
    const path = join(dir, 'open.jsonl');
    writeFileSync(path, '{"a":1}\nnot json\n');
    const loaded = await loadDataset(path);
    await expect(exportJsonl(loaded.rows, path)).rejects.toThrow(/dataset file itself/);
    await expect(exportSplit(loaded.rows, 0.5, 1, join(dir, 'other.jsonl'), path)).rejects.toThrow(/dataset file itself/);
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}\nnot json\n');
    expect(existsSync(join(dir, 'other.jsonl'))).toBe(false);
  });

  it('exports the lines of a loaded file as they were, and a line that is not UTF-8 as valid UTF-8', async () => {
    const path = join(dir, 'loaded.jsonl');
    const broken = Buffer.concat([Buffer.from('{"messages":[{"role":"user","content":"caf'), Buffer.from([0xe9]), Buffer.from('"}]}')]);
    writeFileSync(path, Buffer.concat([Buffer.from(`${exact}\r\n  {"n":2}\r\n`), broken, Buffer.from('\r\n')]));
    const loaded = await loadDataset(path);
    const out = join(dir, 'loaded-export.jsonl');
    expect(await exportJsonl(loaded.rows, out)).toEqual({ written: 3, skipped: [] });
    const written = readFileSync(out);
    expect(written.toString('utf8')).toBe(`${exact}\n{"n":2}\n{"messages":[{"role":"user","content":"caf\uFFFD"}]}\n`);
    expect(written.includes(Buffer.from([0xe9]))).toBe(false);
  });
});
