import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzerFor, resolveModel, validateFiles } from '../../src/core/validate/index.js';
import { money } from '../../src/core/money.js';
import { findingLines } from '../../src/screens/validate/findingLines.js';
import { openDataset } from '../../src/effects/datasetFiles.js';
import { KEYS } from '../helpers/keys.js';
import { renderApp, tick, type RenderedApp } from '../helpers/renderApp.js';

let dir: string;
let app: RenderedApp | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftui-validate-panels-'));
  process.env.FTUI_DATA_DIR = join(dir, 'data');
});
afterEach(() => app?.unmount());

const ex = (q: string, a = 'Answer.') => JSON.stringify({ messages: [{ role: 'system', content: 'S' }, { role: 'user', content: q }, { role: 'assistant', content: a }] });
const clean = Array.from({ length: 12 }, (_, i) => ex(`Question ${i}`));
const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 120, rows: 30 },
];

const state = () => app!.store.getState();
const current = () => state().validation.status === 'done' && state().validation.revision === state().dataset.revision;

/** Waits until the store says so (validation is in the background), then lets the frame catch up. */
const waitFor = (check: () => boolean) => app!.until(check);

async function openOnValidate(lines: string[], size: { columns: number; rows: number }): Promise<void> {
  const path = join(dir, 'train.jsonl');
  writeFileSync(path, `${lines.join('\n')}\n`);
  app = await renderApp({}, size);
  await openDataset(app.store, path);
  await app.press('2');
  await waitFor(current);
  await tick();
}

function expectFits(frame: string, size: { columns: number; rows: number }) {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(size.rows);
  for (const line of lines) expect(line.length).toBeLessThanOrEqual(size.columns);
}

const toolExample = {
  messages: [
    { role: 'user', content: 'Weather in Paris?' },
    { role: 'assistant', content: 'Checking.', weight: 0, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
    { role: 'tool', tool_call_id: 'c1', content: '20C' },
    { role: 'assistant', content: 'It is 20C in Paris.' },
  ],
};

describe.each(SIZES)('Validate panels at $columns x $rows', (size) => {
  it('summary: every figure of the engine report shows in full, with the histogram or its one-row form', async () => {
    const lines = [...clean, ...Array.from({ length: 6 }, (_, i) => ex(`Long ${i}`, 'word '.repeat(40 * (i + 1)))), ex('Question 4'), '{"messages": [}'];
    await openOnValidate(lines, size);
    const frame = app!.lastFrame();
    expectFits(frame, size);
    const report = state().validation.report!;
    const fmt = (x: number) => x.toLocaleString('en-US');
    expect(frame).toContain(`${report.cost.epochs} epochs (default) × ${fmt(report.cost.billedTokensPerEpoch)} billed tok = ${money(report.cost.usd!)}`);
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    expect(frame).toContain(`${plural(report.file.examples, 'example')} · ${plural(report.errors, 'error')} · ${plural(report.warnings, 'warning')}`);
    expect(frame).toContain(`${fmt(report.figures.totalTrainedTokens)} trained + ${fmt(report.figures.totalContextTokens)} context tok/epoch`);
    expect(frame).toContain('limit 65,536 tok · $5.00/1M');
    if (size.rows < 26) expect(frame).toMatch(/tok\/example \d+ [▁▂▃▄▅▆▇█ ]{10} [\d,]+ \(median [\d,]+\)/);
    else expect(frame).toMatch(/–[\d,]+ tok +█+ +\d+/);
  });

  it('progress bar while validating', async () => {
    await openOnValidate(clean, size);
    app!.store.dispatch({ type: 'validation/started', total: 4000 });
    app!.store.dispatch({ type: 'validation/progress', done: 1000, total: 4000 });
    await tick();
    const frame = app!.lastFrame();
    expectFits(frame, size);
    expect(frame).toMatch(/Validating \[#+\.+\] 1,000 of 4,000 changed/);
  });

  it('token view: the engine figures of the example, a legend that needs no colour, each message labelled', async () => {
    const line = JSON.stringify(toolExample);
    await openOnValidate([line, ...clean], size);
    await app!.press('t');
    const frame = app!.lastFrame();
    expectFits(frame, size);
    const facts = resolveModel(state().validation.model)!;
    const figures = analyzerFor(facts).analyzeText(line, 1).figures!;
    expect(frame).toContain(`Example 1: ${figures.billedTokens} billed tokens = ${figures.trainedTokens} trained + ${figures.contextTokens} context`);
    expect(frame).toMatch(/context = \d+ masked \+ \d+ input text \+ \d+ roles/);
    // Where the tools' share comes from: definitions and calls, counted from what the model reads.
    expect(frame).toContain(`billed = ${figures.toolDefinitionTokens} tool definitions + ${figures.toolCallTokens} tool calls`);
    expect(figures.toolCallTokens).toBeGreaterThan(0);
    expect(frame).toContain('TRAINED teaches the model');
    expect(frame).toContain('assistant · MASKED');
    expect(frame).toMatch(/assistant · TRAINED · \d+ tokens/);
    await app!.press(KEYS.esc);
    expect(state().validation.view).toBe('findings');
  });

  it('fix preview: what will change, and how to apply or cancel it', async () => {
    await openOnValidate([...clean, ex('Question 4'), ex('Question 7')], size);
    await app!.press('f');
    const frame = app!.lastFrame();
    expectFits(frame, size);
    expect(frame).toContain('Remove exact duplicate examples, keeping the first (2 lines)');
    expect(frame).toContain('y apply (undoable)');
    expect(frame).toContain('line 13: removed');
    await app!.press('n');
    expect(state().validation.fix).toBeNull();
    expect(state().dataset.rows.length).toBe(14);
  });

  it('filter: only the matching code is listed', async () => {
    await openOnValidate([...clean, ex('Question 4'), '{"messages": [}'], size);
    await app!.press('/', 'd', 'u', 'p');
    expect(app!.lastFrame()).toContain('filter: dup');
    await app!.press(KEYS.enter);
    const frame = app!.lastFrame();
    expectFits(frame, size);
    expect(frame).toContain('duplicate_example (1)');
    expect(frame).not.toContain('invalid_json');
    expect(frame).toContain('filter: "dup"');
  });
});

describe('the findings list after a fix', () => {
  it('keeps the cursor on a finding when the list shrinks under it, so enter still jumps', async () => {
    await openOnValidate([...clean, ex('Question 4'), '{"messages": [}'], SIZES[0]!);
    await app!.press('G', 'f');
    expect(state().validation.fix?.id).toBe('dropDuplicates');
    await app!.press('y');
    await waitFor(() => current() && !state().validation.report!.findings.some((g) => g.code === 'duplicate_example'));
    await tick();
    expect(app!.lastFrame()).not.toContain('duplicate_example');
    await app!.press(KEYS.enter);
    expect(state().ui.screen).toBe('dataset');
    expect(state().dataset.cursor).toBe(12);
  });
});

describe('enter on a finding', () => {
  it('opens each kind of error at its example and message in the Dataset screen, and the fixed example leaves the list', async () => {
    const blank = JSON.stringify({ messages: [{ role: 'system', content: 'S' }, { role: 'user', content: 'Q' }, { role: 'assistant', content: '  ' }] });
    const weighted = JSON.stringify({ messages: [{ role: 'system', content: 'S' }, { role: 'user', content: 'Q2', weight: 1 }, { role: 'assistant', content: 'A2' }] });
    await openOnValidate([...clean.slice(0, 10), '{"messages": [', blank, weighted], SIZES[0]!);
    const expected: Record<string, { index: number; selected: number | null }> = {
      invalid_json: { index: 10, selected: null },
      missing_content: { index: 11, selected: 2 },
      weight_on_non_assistant: { index: 12, selected: 1 },
    };
    for (const [code, where] of Object.entries(expected)) {
      const at = findingLines(state().validation.report, '').findIndex((l) => l.finding?.code === code);
      expect(at, code).toBeGreaterThanOrEqual(0);
      await app!.press('g', ...Array<string>(at).fill('j'), KEYS.enter);
      expect(state().ui.screen).toBe('dataset');
      expect(state().dataset.cursor).toBe(where.index);
      const editor = state().dataset.editor!;
      if (where.selected === null) expect(editor.mode).toBe('raw');
      else expect({ code, selected: editor.selected }).toEqual({ code, selected: where.selected });
      app!.store.dispatch({ type: 'ui/showScreen', screen: 'validate' });
      await tick();
    }
    // One of them fixed (the blank reply given text) disappears from the list; the others stay.
    app!.store.dispatch({ type: 'dataset/replaceLines', changes: [{ index: 11, text: blank.replace('"  "', '"Fixed"') }], description: 'test edit' });
    await waitFor(() => current() && !state().validation.report!.findings.some((g) => g.code === 'missing_content'));
    await tick();
    const frame = app!.lastFrame();
    expect(frame).not.toContain('missing_content');
    expect(frame).toContain('invalid_json');
    expect(frame).toContain('weight_on_non_assistant');
  });
});

describe('the token view of a long example', () => {
  it('keeps wide characters inside 80 columns and says how many tokens are not shown', async () => {
    const line = JSON.stringify({ messages: [{ role: 'user', content: '日本語のテキストです。'.repeat(40) }, { role: 'assistant', content: 'はい。'.repeat(60) }] });
    await openOnValidate([line, ...clean], SIZES[0]!);
    await app!.press('t');
    const frame = app!.lastFrame();
    const rows = frame.split('\n');
    expect(rows.length).toBeLessThanOrEqual(24);
    for (const row of rows) expect(stringWidth(row)).toBeLessThanOrEqual(80);
    expect(frame).toMatch(/user · CONTEXT · \d+ tokens/);
    expect(frame).toMatch(/assistant · TRAINED · \d+ tokens/);
    expect(frame).toMatch(/… [\d,]+ more/);
  });
});

describe('a validation file beside the dataset', () => {
  it('is checked as ftui validate --validation-file checks it: own counts, shared examples, findings that do not jump', async () => {
    const val = join(dir, 'val.jsonl');
    writeFileSync(val, `${ex('Question 2')}\n${ex('Held out')}\n{"messages": [\n`);
    await openOnValidate(clean, SIZES[0]!);
    await app!.press('v');
    expect(state().validation.textFocused).toBe(true);
    await app!.paste(val);
    expect(app!.lastFrame()).toContain('validation file: ');
    await app!.press(KEYS.enter);
    await waitFor(() => state().validation.validationFile?.report != null);
    await tick();

    const cli = await validateFiles(join(dir, 'train.jsonl'), val, { model: 'gpt-4.1-mini' });
    const screen = state().validation.validationFile!.report!;
    expect(screen.figures).toEqual(cli.validation!.figures);
    expect(screen.findings).toEqual(cli.validation!.findings);
    expect(screen.cost).toEqual(cli.validation!.cost);
    expect(screen.findings.map((g) => g.code)).toContain('validation_overlaps_training');

    const frame = app!.lastFrame();
    expectFits(frame, SIZES[0]!);
    expect(frame).toContain('validation file val.jsonl: 3 examples · 2 errors');
    expect(frame).toContain('1 shared with the dataset');
    expect(frame).toContain('validation file: validation_overlaps_training (1)');

    const at = findingLines(state().validation.report, '', screen).findIndex((l) => l.source === 'validation' && l.finding !== null);
    await app!.press('g', ...Array<string>(at).fill('j'), KEYS.enter);
    expect(state().ui.screen).toBe('validate');

    // Editing the dataset so it no longer shares the example: the validation file is checked again.
    app!.store.dispatch({ type: 'dataset/replaceLines', changes: [{ index: 2, text: ex('Question 2', 'Another answer.') }], description: 'test edit' });
    await waitFor(() => current() && (state().validation.validationFile?.revision ?? -1) === state().validation.revision);
    expect(state().validation.validationFile!.report!.findings.map((g) => g.code)).not.toContain('validation_overlaps_training');
  });
});

describe('a finding too long for its row', () => {
  it('is shown in full below the list at 80 columns while it is selected', async () => {
    await openOnValidate([...clean, '{"messages": [{"role": "user", "content": "a long enough line"}, {"role": "assistant", "content": "to be cut"}'], SIZES[0]!);
    const finding = state().validation.report!.findings.find((g) => g.code === 'invalid_json')!.examples[0]!;
    expect(`    line 13:${finding.column}: ${finding.message}`.length).toBeGreaterThan(78);
    await app!.press('g', 'j');
    const frame = app!.lastFrame();
    expectFits(frame, SIZES[0]!);
    const words = frame.split('\n').slice(-5).join(' ').replace(/\s+/g, ' ');
    expect(words).toContain(finding.message.replace(/\s+/g, ' ').slice(-30));
  });
});
