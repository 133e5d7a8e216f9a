import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDataset, saveOpenDataset } from '../../src/effects/datasetFiles.js';
import { validateFile } from '../../src/core/validate/index.js';
import { KEYS } from '../helpers/keys.js';
import { renderApp, tick, type RenderedApp } from '../helpers/renderApp.js';

let dir: string;
let app: RenderedApp | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftui-validate-screen-'));
  process.env.FTUI_DATA_DIR = join(dir, 'data');
});
afterEach(() => app?.unmount());

const ex = (q: string, a = 'Answer.') => JSON.stringify({ messages: [{ role: 'system', content: 'S' }, { role: 'user', content: q }, { role: 'assistant', content: a }] });
const clean = Array.from({ length: 12 }, (_, i) => ex(`Question ${i}`));

async function openOnValidate(lines: string[], size = { columns: 100, rows: 30 }): Promise<string> {
  const path = join(dir, 'train.jsonl');
  writeFileSync(path, `${lines.join('\n')}\n`);
  app = await renderApp({}, size);
  await openDataset(app.store, path);
  await app.press('2');
  await waitFor(() => app!.store.getState().validation.status === 'done' && app!.store.getState().validation.revision === app!.store.getState().dataset.revision);
  await tick();
  return path;
}

/** Waits until the store says so (validation is in the background), then lets the frame catch up. */
const waitFor = (check: () => boolean) => app!.until(check);

describe('the Validate screen', () => {
  it.each([80, 120])('shows model, cost, summary, histogram and findings at %i columns', async (columns) => {
    await openOnValidate([...clean, ex('Question 0'), '{"messages": [}'], { columns, rows: 30 });
    const frame = app!.lastFrame();
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(30);
    expect(lines.every((l) => l.length <= columns)).toBe(true);
    expect(frame).toContain('gpt-4.1-mini-2025-04-14 · shuts down 2027-01-14 · limit 65,536 tok');
    expect(frame).toMatch(/14 examples · 1 error · 1 warning/);
    expect(frame).toContain('✗ invalid_json (1)');
    expect(frame).toContain('! duplicate_example (1)');
    expect(frame).toMatch(/tok +█+/);
  });

  it('has the same figures as ftui validate --json on the same file', async () => {
    const path = await openOnValidate([...clean, ex('Question 3'), '', '{"messages": [{"role": "user", "content": "  "}]}']);
    const screen = app!.store.getState().validation.report!;
    const cli = await validateFile(path, { model: 'gpt-4.1-mini' });
    expect(screen.figures).toEqual(cli.figures);
    expect(screen.cost).toEqual(cli.cost);
    expect(screen.cookbook).toEqual(cli.cookbook);
    expect(screen.findings).toEqual(cli.findings);
    expect(screen.file).toEqual(cli.file);
  });

  it('cycles base models and updates limit, cost and shutdown date', async () => {
    await openOnValidate(clean);
    await app!.press('m');
    await waitFor(() => app!.store.getState().validation.report?.model.id === 'gpt-4.1-nano-2025-04-14');
    expect(app!.lastFrame()).toContain('gpt-4.1-nano-2025-04-14 · SHUT DOWN 2026-10-23 · limit 65,536 tok · $1.50/1M');
  });

  it('shows the token view: trained, masked and context', async () => {
    await openOnValidate([JSON.stringify({ messages: [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Masked reply', weight: 0 }, { role: 'user', content: 'Again' }, { role: 'assistant', content: 'Trained reply' }] }), ...clean]);
    await app!.press('t');
    const frame = app!.lastFrame();
    expect(frame).toMatch(/Example 1: \d+ billed tokens = \d+ trained \+ \d+ context/);
    expect(frame).toMatch(/context = [1-9]\d* masked \+ \d+ input text/);
    expect(frame).toContain('assistant · MASKED');
    expect(frame).toContain('assistant · TRAINED');
    expect(frame).toContain('ained| reply');
  });

  it('jumps to each finding, fixes it, and ends with an empty list and a valid file', async () => {
    const path = await openOnValidate([
      ...clean.slice(0, 10),
      JSON.stringify({ messages: [{ role: 'system', content: 'S' }, { role: 'user', content: 'Q' }, { role: 'assistant', content: '   ' }, { role: 'assistant', content: 'Real answer' }] }),
      '{"messages": [{"role": "system", "content": "S"}, {"role": "user", "content": "broken"}, {"role": "assistant", "content": "ok"}',
      JSON.stringify({ messages: [{ role: 'system', content: 'S' }, { role: 'user', content: 'Q2', weight: 1 }, { role: 'assistant', content: 'A2' }] }),
    ]);
    expect(app!.lastFrame()).toContain('invalid_json');

    // 1. The broken line: jump, fix it as text in the Dataset screen.
    let lines = app!.store.getState().validation.report!.findings.map((g) => g.code);
    expect(lines).toEqual(expect.arrayContaining(['invalid_json', 'missing_content', 'weight_on_non_assistant']));
    const jsonLine = (await import('../../src/screens/validate/findingLines.js')).findingLines(app!.store.getState().validation.report, '').findIndex((l) => l.group.code === 'invalid_json');
    await app!.press(...Array(jsonLine).fill('j'), KEYS.enter);
    expect(app!.store.getState().ui.screen).toBe('dataset');
    expect(app!.store.getState().dataset.editor?.mode).toBe('raw');
    await app!.press(']', '}', KEYS.enter); // the cursor starts at the end of the line
    await app!.press('2');
    await waitFor(() => !app!.store.getState().validation.report!.findings.some((g) => g.code === 'invalid_json'));

    // 2. and 3. The whitespace-only message and the misplaced weight: safe fixes with a preview.
    await app!.press('g', 'f');
    expect(app!.lastFrame()).toContain('y apply');
    await app!.press('y');
    await waitFor(() => app!.store.getState().validation.revision === app!.store.getState().dataset.revision);
    lines = app!.store.getState().validation.report!.findings.map((g) => g.code);
    while (lines.some((c) => c === 'missing_content' || c === 'weight_on_non_assistant')) {
      await app!.press('g', 'f', 'y');
      await waitFor(() => app!.store.getState().validation.revision === app!.store.getState().dataset.revision && app!.store.getState().validation.status === 'done');
      lines = app!.store.getState().validation.report!.findings.map((g) => g.code);
    }
    await app!.waitFor('No problems found');
    await saveOpenDataset(app!.store);
    const saved = await validateFile(path, { model: 'gpt-4.1-mini' });
    expect(saved.errors).toBe(0);
    expect(saved.warnings).toBe(0);
    expect(readFileSync(path, 'utf8')).toContain('"Real answer"');
  });
});
