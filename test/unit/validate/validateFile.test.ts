import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateFile, validateFiles } from '../../../src/core/validate/index.js';
import type { DatasetReport } from '../../../src/core/validate/index.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftui-validate-'));
});

const example = (i: number) => JSON.stringify({ messages: [{ role: 'system', content: 'S' }, { role: 'user', content: `Question ${i}` }, { role: 'assistant', content: `Answer ${i}` }] });
const tenLines = Array.from({ length: 10 }, (_, i) => example(i));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const model = 'gpt-4.1-mini';
function group(report: DatasetReport, code: string) {
  return report.findings.find((g) => g.code === code);
}

describe('reading files', () => {
  it('a clean JSONL file has no findings', async () => {
    const r = await validateFile(file('clean.jsonl', `${tenLines.join('\n')}\n`), { model });
    expect(r.findings).toEqual([]);
    expect(r.file).toMatchObject({ format: 'jsonl', examples: 10, validExamples: 10, lines: 10 });
  });

  it('survives a BOM, CRLF ends, blank lines and a last line without newline', async () => {
    const text = `\uFEFF${tenLines.slice(0, 5).join('\r\n')}\r\n\r\n${tenLines.slice(5).join('\n')}`;
    const r = await validateFile(file('messy.jsonl', text), { model });
    expect(r.file.examples).toBe(10);
    expect(r.file.blankLines).toBe(1);
    expect(group(r, 'file_bom')?.count).toBe(1);
    expect(group(r, 'crlf_line_endings')?.examples[0]?.message).toContain('6 of 16'.replace('16', String(r.file.lines)));
    expect(group(r, 'blank_line')?.lines).toEqual([6]);
    expect(r.errors).toBe(0);
  });

  it('reports invalid UTF-8 and invalid JSON with line and column', async () => {
    const bad = Buffer.concat([Buffer.from('{"messages": [{"role": "user", "content": "caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"}]}')]);
    const path = file('bytes.jsonl', Buffer.concat([Buffer.from(`${tenLines.join('\n')}\n`), bad, Buffer.from('\n{"messages": [}\n')]));
    const r = await validateFile(path, { model });
    expect(group(r, 'invalid_utf8')?.examples[0]).toMatchObject({ line: 11, column: 47 });
    expect(group(r, 'invalid_json')?.examples[0]).toMatchObject({ line: 12, column: 15 });
    expect(r.file.examplesWithErrors).toBe(2);
  });

  it('recognises a JSON array and a pretty-printed document', async () => {
    const array = await validateFile(file('array.json', JSON.stringify(tenLines.map((l) => JSON.parse(l)), null, 2)), { model });
    expect(array.file).toMatchObject({ format: 'json-array', examples: 10 });
    expect(group(array, 'not_jsonl_json_array')?.severity).toBe('error');
    const doc = await validateFile(file('doc.json', JSON.stringify(JSON.parse(example(1)), null, 2)), { model });
    expect(doc.file.format).toBe('json-document');
    expect(group(doc, 'not_jsonl_json_document')).toBeDefined();
  });

  // Just under the 16 MiB a line may have (lineLimit.test.ts covers the lines over it).
  it('handles a 15 MB single line', async () => {
    const long = JSON.stringify({ messages: [{ role: 'user', content: 'word '.repeat(3_000_000) }, { role: 'assistant', content: 'ok' }] });
    const r = await validateFile(file('long.jsonl', `${long}\n`), { model });
    expect(r.file.examples).toBe(1);
    expect(group(r, 'example_over_token_limit')?.lines).toEqual([1]);
    expect(r.figures.totalBilledTokens).toBe(65_536);
  });

  it('says what is wrong with an empty file, a missing path and a folder, in the Dataset screen\'s words', async () => {
    expect(group(await validateFile(file('empty.jsonl', ''), { model }), 'empty_file')).toBeDefined();
    const missing = await validateFile(join(dir, 'nope.jsonl'), { model });
    expect(group(missing, 'file_unreadable')?.examples[0]?.message).toContain('The file cannot be read: the file or its folder does not exist.');
    mkdirSync(join(dir, 'adir'), { recursive: true });
    expect(group(await validateFile(join(dir, 'adir'), { model }), 'file_unreadable')?.examples[0]?.message).toContain('The file cannot be read: this is a folder, not a file.');
  });

  it('says so when the file cannot be read', async () => {
    if (process.getuid?.() === 0) return; // root reads everything
    const path = file('locked.jsonl', tenLines.join('\n'));
    chmodSync(path, 0o000);
    expect(group(await validateFile(path, { model }), 'file_unreadable')?.examples[0]?.message).toContain('permission');
  });
});

describe('dataset rules and figures', () => {
  it('finds duplicates and overlap between training and validation files', async () => {
    const train = file('train.jsonl', [...tenLines, tenLines[0]].join('\n'));
    const valid = file('valid.jsonl', [tenLines[3], example(99)].join('\n'));
    const run = await validateFiles(train, valid, { model });
    expect(group(run.training, 'duplicate_example')?.examples[0]).toMatchObject({ line: 11, message: expect.stringContaining('line 1') });
    expect(group(run.validation!, 'validation_overlaps_training')?.examples[0]).toMatchObject({ line: 1, message: expect.stringContaining('line 4') });
    // The service checks a validation file's size too, when the job starts: say so before the upload.
    expect(group(run.validation!, 'too_few_examples')?.examples[0]?.message).toBe('The validation file has 2 examples; fine-tuning needs at least 10.');
    expect(run.outcome).toBe('errors');
  });

  it('needs at least 10 examples', async () => {
    const r = await validateFile(file('few.jsonl', tenLines.slice(0, 9).join('\n')), { model });
    expect(group(r, 'too_few_examples')?.severity).toBe('error');
  });

  it('computes default epochs and cost, and honours --epochs', async () => {
    const path = file('cost.jsonl', tenLines.join('\n'));
    const r = await validateFile(path, { model });
    expect(r.cost.epochs).toBe(10); // 10 examples: min(25, 100 // 10)
    expect(r.cost.billedTokensTotal).toBe(r.figures.totalBilledTokens * 10);
    expect(r.cost.usd).toBeCloseTo((r.cost.billedTokensTotal / 1e6) * 5, 10);
    const two = await validateFile(path, { model, epochs: 2 });
    expect(two.cost).toMatchObject({ epochs: 2, epochsSource: 'option' });
  });

  it('reports progress as it reads', async () => {
    const seen: number[] = [];
    await validateFile(file('progress.jsonl', tenLines.join('\n')), { model, onProgress: (read, total) => seen.push(read / total) });
    expect(seen.at(-1)).toBe(1);
  });
});
