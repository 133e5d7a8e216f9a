// Files that mix \n and \r\n (concatenated from different systems), or end in a bare \r, still
// go back byte for byte; only new and edited lines take the file's majority line end.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/dataset/load.js';
import { editedRow, freshRow } from '../../../src/core/dataset/row.js';
import { saveDataset } from '../../../src/core/dataset/save.js';
import { encodeDraft, decodeDraft, restoreRows } from '../../../src/core/dataset/journal.js';

const dir = mkdtempSync(join(tmpdir(), 'ftui-line-ends-'));
async function roundTrip(name: string, bytes: Buffer) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const loaded = await loadDataset(path);
  await saveDataset(path, loaded.rows, loaded.format);
  return { loaded, path, after: readFileSync(path) };
}

describe('line ends', () => {
  it.each([
    ['mostly LF with CRLF lines', '{"a":1}\n{"a":2}\r\n{"a":3}\n{"a":4}\n'],
    ['mostly CRLF with an LF line and no final newline', '{"a":1}\r\n{"a":2}\n{"a":3}\r\n{"a":4}'],
    ['a bare CR at the very end', '{"a":1}\n{"a":2}\r'],
    ['a lone CR line end inside the file', '{"a":1}\r\r\n{"a":2}\n'],
    ['mixed with a BOM and a blank CRLF line', '\uFEFF{"a":1}\n\r\n{"a":3}\n'],
  ])('writes back %s byte for byte', async (_name, text) => {
    const bytes = Buffer.from(text, 'utf8');
    const { after } = await roundTrip(`${_name.replace(/\W+/g, '-')}.jsonl`, bytes);
    expect(after.toString('latin1')).toBe(bytes.toString('latin1'));
  });

  it('keeps a bare CR at the end of a line that is not UTF-8', async () => {
    const bytes = Buffer.from([0x7b, 0x7d, 0x0a, 0xff, 0x0d]);
    const { after, loaded } = await roundTrip('bad-utf8-cr.jsonl', bytes);
    expect(loaded.rows[1]?.text.endsWith('\r')).toBe(true);
    expect([...after]).toEqual([...bytes]);
  });

  it('gives edited and new lines the majority line end and leaves the others as they were', async () => {
    const path = join(dir, 'edit-mixed.jsonl');
    writeFileSync(path, '{"a":1}\r\n{"a":2}\n{"a":3}\r\n');
    const loaded = await loadDataset(path);
    expect(loaded.format.lineEnding).toBe('\r\n');
    const rows = [...loaded.rows];
    rows[1] = editedRow(rows[1]!, '{"a":"two"}');
    rows.push(freshRow('{"a":4}'));
    await saveDataset(path, rows, loaded.format);
    expect(readFileSync(path, 'latin1')).toBe('{"a":1}\r\n{"a":"two"}\r\n{"a":3}\r\n{"a":4}\r\n');
  });

  it('restores a draft of a mixed file with the untouched lines keeping their ends', async () => {
    const path = join(dir, 'draft-mixed.jsonl');
    const original = '{"a":1}\n{"a":2}\r\n{"a":3}\n';
    writeFileSync(path, original);
    const loaded = await loadDataset(path);
    const meta = { datasetPath: path, savedAt: Date.now(), base: { mtimeMs: loaded.mtimeMs!, sizeBytes: loaded.sizeBytes }, format: loaded.format };
    const restored = restoreRows(decodeDraft(encodeDraft(loaded.rows, meta)), loaded);
    await saveDataset(path, restored, loaded.format);
    expect(readFileSync(path, 'latin1')).toBe(original);
  });
});
