// Content no caller should produce or a user rarely has: load names where a file is not UTF-8,
// and a draft entry survives a line break in its text.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/dataset/load.js';
import { freshRow } from '../../../src/core/dataset/row.js';
import { decodeDraft, encodeDraft, readDraft, writeDraft } from '../../../src/core/dataset/journal.js';

const dir = mkdtempSync(join(tmpdir(), 'ftui-odd-'));

describe('what load and the draft say about odd content', () => {
  it('names the lines and columns that are not UTF-8', async () => {
    const path = join(dir, 'latin1.jsonl');
    writeFileSync(path, Buffer.concat([Buffer.from('{"a":1}\n{"a":"caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]));
    const loaded = await loadDataset(path);
    expect(loaded.notice).toContain('1 line is not valid UTF-8 (line 2, column 10)');
  });

  it('keeps a row whose text has a line break in it as one draft entry', () => {
    const rows = [freshRow('{"a":1}'), freshRow('broken\nin two'), freshRow('"quoted" +plus')];
    const draft = decodeDraft(encodeDraft(rows, { datasetPath: '/x.jsonl', savedAt: 1, base: null, format: { bom: false, lineEnding: '\n', finalNewline: true } }));
    expect(draft.entries).toEqual(['{"a":1}', 'broken\nin two', '"quoted" +plus']);
  });

  it('writes a draft file that reads back to the same entries as its text encoding', async () => {
    const env = { FTUI_DATA_DIR: join(dir, 'data') };
    const rows = [freshRow('{"a":"こんにちは 🎉"}'), freshRow('+plus'), freshRow('=3'), freshRow('two\nlines'), freshRow('')];
    const meta = { datasetPath: join(dir, 'new.jsonl'), savedAt: 5, base: null, format: { bom: true, lineEnding: '\r\n' as const, finalNewline: false } };
    await writeDraft(rows, meta, env);
    const read = await readDraft(meta.datasetPath, env);
    expect(read).toEqual({ kind: 'draft', draft: decodeDraft(encodeDraft(rows, meta)) });
    if (read.kind === 'draft') expect(read.draft.entries).toEqual(rows.map((r) => r.text));
  });
});

describe('a whole JSON document instead of JSONL', () => {
  it.each([
    ['an array over several lines', JSON.stringify([{ messages: [] }, { messages: [] }], null, 2), true],
    ['an array on one line', JSON.stringify([{ messages: [] }]), true],
    ['an object pretty-printed', JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }, null, 2), true],
    ['JSONL whose first line is broken', '{"messages": [ broken\n{"messages":[]}\n', false],
    ['JSONL', '\n{"messages":[]}\n{"messages":[]}\n', false],
  ])('%s: notice %s', async (name, text, notice) => {
    const path = join(dir, `${name.replace(/\W+/g, '-')}.jsonl`);
    writeFileSync(path, text);
    const loaded = await loadDataset(path);
    expect(loaded.notice?.includes('not JSONL') ?? false).toBe(notice);
    expect(loaded.rows.map((r) => r.text).join('\n')).toBe(text.replace(/\n$/, ''));
  });
});
