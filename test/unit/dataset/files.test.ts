import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { editedRow, freshRow } from '../../../src/core/dataset/row.js';
import { loadDataset } from '../../../src/core/dataset/load.js';
import { saveDataset } from '../../../src/core/dataset/save.js';
import { decodeDraft, encodeDraft, readDraft, restoreRows, writeDraft, draftPathFor } from '../../../src/core/dataset/journal.js';
import { importFile } from '../../../src/core/dataset/importers.js';
import { exportSplit, splitLines } from '../../../src/core/dataset/exporters.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftui-dataset-'));
});
const env = () => ({ FTUI_DATA_DIR: join(dir, 'data') });

const messy = Buffer.concat([
  Buffer.from('\uFEFF{"messages": [{"role": "user", "content": "hi"}], "custom_key": {"kept": true}}\r\n'),
  Buffer.from('{"messages":[{"role":"user","content":"spaced"  }]}\r\n'),
  Buffer.from('\r\n'),
  Buffer.from('{"messages": [ this is not json\r\n'),
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
  Buffer.from('\r\n{"last": "no newline"}'),
]);

describe('loading and saving', () => {
  it('writes an untouched file back byte for byte: BOM, CRLF, blank and invalid lines, bad UTF-8, no final newline', async () => {
    const path = join(dir, 'messy.jsonl');
    writeFileSync(path, messy);
    const loaded = await loadDataset(path);
    expect(loaded.rows).toHaveLength(6);
    expect(loaded.format).toEqual({ bom: true, lineEnding: '\r\n', finalNewline: false });
    expect(loaded.notice).toContain('not valid UTF-8');
    await saveDataset(path, loaded.rows, loaded.format);
    expect(readFileSync(path).equals(messy)).toBe(true);
  });

  it('changes only the edited line', async () => {
    const path = join(dir, 'edit.jsonl');
    writeFileSync(path, messy);
    const loaded = await loadDataset(path);
    const rows = [...loaded.rows];
    rows[1] = editedRow(rows[1]!, '{"messages":[{"role":"user","content":"changed"}]}');
    rows.push(freshRow('{"messages":[]}'));
    await saveDataset(path, rows, loaded.format);
    const before = messy.toString('latin1').split('\r\n');
    const after = readFileSync(path).toString('latin1').split('\r\n');
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe('{"messages":[{"role":"user","content":"changed"}]}');
    expect(after.slice(2, 6)).toEqual(before.slice(2, 6));
    expect(after[6]).toBe('{"messages":[]}');
  });

  it('keeps the file mode', async () => {
    const path = join(dir, 'mode.jsonl');
    writeFileSync(path, '{"a":1}\n');
    chmodSync(path, 0o640);
    const loaded = await loadDataset(path);
    await saveDataset(path, [...loaded.rows, freshRow('{"b":2}')], loaded.format, { mode: loaded.mode });
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it('opens a missing file as a new dataset and refuses a folder with a plain message', async () => {
    const fresh = await loadDataset(join(dir, 'new.jsonl'));
    expect(fresh).toMatchObject({ exists: false, rows: [] });
    await expect(loadDataset(dir)).rejects.toThrow(/folder, not a file/);
  });
});

describe('the draft journal', () => {
  it('refers to untouched lines and stores edited ones, and restores them', async () => {
    const path = join(dir, 'big.jsonl');
    writeFileSync(path, Array.from({ length: 50 }, (_, i) => `{"n":${i}}`).join('\n') + '\n');
    const loaded = await loadDataset(path);
    const rows = [...loaded.rows];
    rows[10] = editedRow(rows[10]!, '{"n":"ten"}');
    rows.splice(20, 1);
    const meta = { datasetPath: path, savedAt: Date.now() + 1000, base: { mtimeMs: loaded.mtimeMs!, sizeBytes: loaded.sizeBytes }, format: loaded.format };
    const text = encodeDraft(rows, meta);
    expect(text.split('\n').length).toBeLessThan(8);
    await writeDraft(rows, meta, env());
    const read = await readDraft(path, env());
    expect(read.kind).toBe('draft');
    if (read.kind !== 'draft') return;
    const restored = restoreRows(read.draft, loaded);
    expect(restored.map((r) => r.text)).toEqual(rows.map((r) => r.text));
  });

  it('reports a damaged draft instead of crashing, and refuses to apply references to a changed file', async () => {
    const path = join(dir, 'x.jsonl');
    writeFileSync(path, '{"n":1}\n');
    const loaded = await loadDataset(path);
    const draftPath = draftPathFor(path, env());
    await writeDraft(loaded.rows, { datasetPath: path, savedAt: 1, base: { mtimeMs: loaded.mtimeMs!, sizeBytes: loaded.sizeBytes }, format: loaded.format }, env());
    // The file changes behind ftui's back after the draft referred to its lines.
    writeFileSync(path, '{"n":2}\n{"n":3}\n');
    const changed = await loadDataset(path);
    expect(() => restoreRows(decodeDraft(readFileSync(draftPath, 'utf8')), changed)).toThrow(/file changed/);
    writeFileSync(draftPath, '{"ftuiDraft":1,"rows":3}\n=0\n');
    expect(await readDraft(path, env())).toMatchObject({ kind: 'damaged' });
  });
});

describe('import and export', () => {
  it('imports CSV with prompt/completion or system/user/assistant, reporting bad rows', async () => {
    const a = join(dir, 'a.csv');
    writeFileSync(a, 'Prompt,Completion\n"Hello, you",Hi\n,missing\nWhy?,"Because\nreasons"\n');
    const r = await importFile(a);
    expect(r.sourceFormat).toBe('csv');
    expect(r.lines.map((l) => JSON.parse(l).messages[1].content)).toEqual(['Hi', 'Because\nreasons']);
    expect(r.problems).toEqual([{ at: 3, message: expect.stringContaining('empty') }]);
    const b = join(dir, 'b.csv');
    writeFileSync(b, 'system,user,assistant\nBe brief,Q,A\n');
    expect(JSON.parse((await importFile(b)).lines[0]!).messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user', 'assistant']);
  });

  it('imports a JSON array and JSONL', async () => {
    const arr = join(dir, 'arr.json');
    writeFileSync(arr, JSON.stringify([{ messages: [] }, 5], null, 2));
    expect(await importFile(arr)).toMatchObject({ sourceFormat: 'json-array', lines: ['{"messages":[]}'], problems: [{ at: 2 }] });
    const jl = join(dir, 'x.jsonl');
    writeFileSync(jl, '{"a":1}\n\n{bad\n');
    expect(await importFile(jl)).toMatchObject({ sourceFormat: 'jsonl', problems: [{ at: 3 }] });
  });

  it('splits deterministically by seed and ratio', async () => {
    const lines = Array.from({ length: 100 }, (_, i) => `{"n":${i}}`);
    const one = splitLines(lines, 0.8, 7);
    expect(one.train).toHaveLength(80);
    expect(splitLines(lines, 0.8, 7)).toEqual(one);
    expect(splitLines(lines, 0.8, 8).train).not.toEqual(one.train);
    expect(new Set([...one.train, ...one.validation]).size).toBe(100);
    const rows = [...lines.slice(0, 10), 'not json'].map((t) => freshRow(t));
    const result = await exportSplit(rows, 0.5, 1, join(dir, 't.jsonl'), join(dir, 'v.jsonl'));
    expect(result).toMatchObject({ written: 10, skipped: [11], train: 5, validation: 5 });
  });
});
