// Content no caller should produce or a user rarely has: load names where a file is not UTF-8,
// and a draft entry survives a line break in its text.
import { execFileSync } from 'node:child_process';
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
    const rows = [freshRow('{"a":"こんにちは 🎉"}'), freshRow('+plus'), freshRow('=3'), freshRow('two\nlines'), freshRow(''), freshRow('ends in CR\r'), freshRow('a\rb'), freshRow('\uFEFFbom inside')];
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

describe('a damaged draft', () => {
  const header = { ftuiDraft: 1, datasetPath: '/d.jsonl', savedAt: 1, base: null, format: { bom: false, lineEnding: '\n', finalNewline: true }, rows: 2 };
  it.each([
    ['no format', { ...header, format: undefined }, '+a\n+b\n', /no file format/],
    ['a bad line end', { ...header, format: { ...header.format, lineEnding: '\r' } }, '+a\n+b\n', /no file format/],
    ['no row count', { ...header, rows: 'two' }, '+a\n+b\n', /no row count/],
    ['a base without its size', { ...header, base: { mtimeMs: 1 } }, '+a\n+b\n', /no base file/],
    ['a range far past the row count', header, '=0-999999999\n', /line 2 is damaged/],
    ['a backwards range', header, '=5-1\n', /line 2 is damaged/],
    ['a broken quoted entry', header, '+a\n"b\n', /JSON|Unterminated|Expected/],
  ])('with %s is refused with a reason', (_name, head, body, reason) => {
    expect(() => decodeDraft(`${JSON.stringify(head)}\n${body}`)).toThrow(reason);
  });

  it('is reported by readDraft, not thrown', async () => {
    const env = { FTUI_DATA_DIR: join(dir, 'data-damaged') };
    const path = join(dir, 'damaged.jsonl');
    const written = await writeDraft([freshRow('a')], { datasetPath: path, savedAt: 1, base: null, format: header.format as never }, env);
    writeFileSync(written, `${JSON.stringify({ ...header, format: null })}\n+a\n+b\n`);
    expect(await readDraft(path, env)).toMatchObject({ kind: 'damaged', reason: expect.stringContaining('no file format') });
  });
});

describe('files that are not regular files', () => {
  it('refuses a named pipe at once instead of waiting for a writer', async () => {
    const fifo = join(dir, 'pipe.jsonl');
    execFileSync('mkfifo', [fifo]);
    await expect(loadDataset(fifo)).rejects.toThrow(/not a regular file/);
  });
});
