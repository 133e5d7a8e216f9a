// `ftui validate` as CI uses it: the built bin, exit codes, the --json document.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/tmux.js';
import { runFtuiSync as ftui } from '../helpers/runFtui.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftui-cli-'));
});

const cookbook = (name: string) => join(repoRoot, '..', 'shared', 'datasets', 'cookbook', `${name}.jsonl`);

describe('ftui validate', () => {
  it('exits 0 on a clean file and prints the summary', () => {
    const r = ftui('validate', cookbook('recipe_ner_train_100'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No problems found.');
    expect(r.stdout).toMatch(/3 epochs \(the default for 100 examples\) × [\d,]+ = [\d,]+ tokens × \$5\.00\/1M = \$\d+\.\d\d/);
  });

  it('says "1 epoch", not "1 epochs", when a large file gets one epoch by default', () => {
    const path = join(dir, 'large.jsonl');
    const example = (i: number) => JSON.stringify({ messages: [{ role: 'user', content: `q ${i}` }, { role: 'assistant', content: `a ${i}` }] });
    writeFileSync(path, `${Array.from({ length: 30_000 }, (_, i) => example(i)).join('\n')}\n`);
    const r = ftui('validate', path);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ 1 epoch \(the default for 30,000 examples\) × [\d,]+ = /);
    expect(r.stdout).toMatch(/billing tokens [\d,]+ × 1 epoch = /);
    expect(r.stdout).not.toContain('1 epochs');
  });

  it('exits 1 with findings grouped by code and their first lines', () => {
    const path = join(dir, 'bad.jsonl');
    const good = readFileSync(cookbook('recipe_ner_train_100'), 'utf8').split('\n').slice(0, 12);
    good[2] = '{"messages": [{"role": "user", "content": "x"}]}';
    good[5] = '{"messages": [';
    writeFileSync(path, good.join('\n'));
    const r = ftui('validate', path);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error\s+example_missing_assistant_message\s+1\s+line 3/);
    expect(r.stdout).toMatch(/error\s+invalid_json\s+1\s+line 6/);
    expect(r.stdout).toContain('fix: ');
  });

  it('prints one stable JSON document with --json', () => {
    const r = ftui('validate', cookbook('openai_node_marvin_fine_tuning_data'), '--json', '--model', 'gpt-4o-mini', '--epochs', '2');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, outcome: 'clean', validation: null });
    expect(doc.training).toMatchObject({ schemaVersion: 1, file: { examples: 10, format: 'jsonl' }, cost: { epochs: 2, model: 'gpt-4o-mini-2024-07-18' } });
    expect(r.stderr).toBe('');
  });

  it('exits 2 when the input cannot be read, without a stack trace', () => {
    const r = ftui('validate', join(dir, 'missing.jsonl'));
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('The file cannot be read: the file or its folder does not exist.');
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/^\s+at /m);
  });

  it('exits 2 for a model it has no data for', () => {
    const r = ftui('validate', cookbook('toy_chat_fine_tuning'), '--model', 'gpt-9');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no data for this model: gpt-9');
  });

  it('converts a JSON array to JSONL on request', () => {
    const lines = readFileSync(cookbook('recipe_ner_train_100'), 'utf8').trim().split('\n').slice(0, 10);
    const array = join(dir, 'array.json');
    writeFileSync(array, JSON.stringify(lines.map((l) => JSON.parse(l)), null, 2));
    const out = join(dir, 'converted.jsonl');
    const r = ftui('validate', array, '--write-jsonl', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('not_jsonl_json_array');
    expect(r.stderr).toContain('Wrote 10 examples as JSONL');
    expect(ftui('validate', out).code).toBe(0);
  });
});

describe('ftui validate with worker threads', () => {
  it('gives the same document with and without workers', () => {
    const lines = readFileSync(cookbook('recipe_ner_train_100'), 'utf8').trim().split('\n');
    const path = join(dir, 'many.jsonl');
    // Duplicates and a bad line far apart, so their order across batches matters.
    const data = Array.from({ length: 1200 }, (_, i) => lines[i % lines.length]!);
    data[700] = '{"messages": [';
    writeFileSync(path, `${data.join('\n')}\n`);
    const inline = ftui('validate', path, '--json', '--workers', '0');
    const pooled = ftui('validate', path, '--json', '--workers', '2');
    expect(inline.code).toBe(1);
    expect(pooled.code).toBe(1);
    expect(JSON.parse(pooled.stdout)).toEqual(JSON.parse(inline.stdout));
    expect(JSON.parse(inline.stdout).training.findings.find((g: { code: string }) => g.code === 'duplicate_example').count).toBe(1099);
  });

  it('analyses a line too big for a worker beside the workers, keeping line order', () => {
    const lines = readFileSync(cookbook('recipe_ner_train_100'), 'utf8').trim().split('\n');
    const path = join(dir, 'big-line.jsonl');
    const data = Array.from({ length: 600 }, (_, i) => lines[i % lines.length]!);
    // Over a million characters: more than a capped worker heap should be asked to parse.
    data[300] = JSON.stringify({ messages: [{ role: 'user', content: 'word '.repeat(220_000) }, { role: 'assistant', content: 'ok' }] });
    data[450] = '{"messages": [';
    writeFileSync(path, `${data.join('\n')}\n`);
    const inline = ftui('validate', path, '--json', '--workers', '0');
    const pooled = ftui('validate', path, '--json', '--workers', '2');
    expect(pooled.stderr).toBe('');
    expect(JSON.parse(pooled.stdout)).toEqual(JSON.parse(inline.stdout));
    const over = JSON.parse(pooled.stdout).training.findings.find((g: { code: string }) => g.code === 'example_over_token_limit');
    expect(over.lines).toEqual([301]);
  });
});
