import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import stringWidth from 'string-width';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDataset } from '../../src/effects/datasetFiles.js';
import { loadDataset } from '../../src/core/dataset/load.js';
import { draftPathFor, writeDraft } from '../../src/core/dataset/journal.js';
import { freshRow } from '../../src/core/dataset/row.js';
import { KEYS } from '../helpers/keys.js';
import { renderApp, tick, type RenderedApp } from '../helpers/renderApp.js';

let dir: string;
let app: RenderedApp;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftui-dataset-screen-'));
  process.env.FTUI_DATA_DIR = join(dir, 'data');
});

async function open(content: string | null, size = { columns: 100, rows: 30 }): Promise<string> {
  const path = join(dir, 'train.jsonl');
  if (content !== null) writeFileSync(path, content);
  app = await renderApp({}, size);
  await openDataset(app.store, path);
  await tick();
  return path;
}

async function type(text: string) {
  for (const ch of text) await app.press(ch);
}

const example = (q: string, a: string) => JSON.stringify({ messages: [{ role: 'user', content: q }, { role: 'assistant', content: a }] });

describe('the Dataset screen', () => {
  it('lists examples with turns, tokens and marks, and moves with j/k/G/g', async () => {
    const path = await open([example('First question', 'A'), '{"messages": [', example('Third one', 'C')].join('\n') + '\n');
    // The marks come from the background validation.
    let frame = await app.waitFor(/1 ! +2t +\d+ tok +First question/);
    expect(frame).toContain(path);
    expect(frame).toMatch(/2 ✗ +0t +invalid: not valid JSON at column 15/);
    await app.press('G');
    expect(app.store.getState().dataset.cursor).toBe(2);
    await app.press('k', 'k');
    expect(app.store.getState().dataset.cursor).toBe(0);
    await app.press('j', 'g');
    expect(app.store.getState().dataset.cursor).toBe(0);
    frame = app.lastFrame();
    expect(frame.split('\n').length).toBeLessThanOrEqual(30);
    app.unmount();
  });

  it('keeps the file name, line count and unsaved mark in view when the path is longer than the line', async () => {
    dir = join(dir, 'a-folder-with-a-long-name', 'and-another-one-below-it', 'and-a-third');
    mkdirSync(dir, { recursive: true });
    await open(example('First question', 'A') + '\n', { columns: 80, rows: 24 });
    await app.waitFor(/First question/);
    await app.press('d', 'y');
    const frame = await app.waitFor(/0 lines · unsaved/);
    const head = frame.split('\n').find((line) => line.includes('train.jsonl ·'))!;
    expect(head).toMatch(/^ +…[^ ]*\/and-a-third\/train\.jsonl · 0 lines · unsaved *$/);
    expect(stringWidth(head)).toBeLessThanOrEqual(80);
    app.unmount();
  });

  it('authors a 3-turn example by keys and saves it to the file', async () => {
    const path = await open(null);
    await app.press('S');
    await type('Be brief.');
    await app.press(KEYS.enter);
    await app.press('a');
    expect(app.lastFrame()).toContain('Next: user');
    await type('Hi?');
    await app.press(KEYS.enter);
    expect(app.lastFrame()).toContain('Next: assistant');
    await type('Hello');
    await app.press('\n'); // ctrl+j: a new line in the same message
    await type('there.');
    await app.press(KEYS.enter);
    await type('Bye?');
    await app.press(KEYS.enter);
    await app.paste('Good\r\nbye.');
    await app.press(KEYS.enter);
    await app.press(KEYS.esc); // stop typing the empty next turn
    await app.press(KEYS.esc); // close the example: it goes into the dataset
    expect(app.store.getState().dataset.rows.length).toBe(1);
    await app.press(KEYS.ctrl('s'));
    // The save is written to a temporary file and renamed: once the app says it is saved, the file is whole.
    await app.until(() => !app.store.getState().dataset.dirty);
    const saved = JSON.parse(readFileSync(path, 'utf8').trim());
    expect(saved.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi?' },
      { role: 'assistant', content: 'Hello\nthere.' },
      { role: 'user', content: 'Bye?' },
      { role: 'assistant', content: 'Good\nbye.' },
    ]);
    expect(app.store.getState().dataset.dirty).toBe(false);
    app.unmount();
  });

  it('edits a message, toggles weight, undoes and redoes', async () => {
    const path = await open(`${example('Q', 'Old answer')}\n${example('Q2', 'A2')}\n`);
    await app.press(KEYS.enter, 'j', KEYS.enter);
    for (let i = 0; i < 6; i++) await app.press(KEYS.backspace);
    await type('reply');
    await app.press(KEYS.enter, 'w', KEYS.esc);
    const edited = JSON.parse(app.store.getState().dataset.rows.get(0).text);
    expect(edited.messages[1]).toEqual({ role: 'assistant', content: 'Old reply', weight: 0 });
    await app.press('u');
    expect(app.store.getState().dataset.rows.get(0).text).toBe(example('Q', 'Old answer'));
    await app.press('U');
    expect(JSON.parse(app.store.getState().dataset.rows.get(0).text).messages[1].content).toBe('Old reply');
    await app.press(KEYS.ctrl('s'));
    await app.until(() => !app.store.getState().dataset.dirty);
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines[1]).toBe(example('Q2', 'A2'));
    app.unmount();
  });

  it('finds across messages, duplicates, moves and deletes with confirmation', async () => {
    await open([example('alpha', 'x'), example('beta', 'needle here'), example('gamma', 'y'), example('delta', 'needle too')].join('\n'));
    await app.press('/');
    await type('needle');
    await app.press(KEYS.enter);
    expect(app.lastFrame()).toContain('"needle": 2 matches');
    expect(app.store.getState().dataset.cursor).toBe(1);
    await app.press('n');
    expect(app.store.getState().dataset.cursor).toBe(3);
    await app.press('c');
    expect(app.store.getState().dataset.rows.length).toBe(5);
    await app.press('K');
    expect(app.store.getState().dataset.cursor).toBe(3);
    await app.press('d');
    expect(app.lastFrame()).toContain('Delete example 4?');
    await app.press('n');
    expect(app.store.getState().dataset.rows.length).toBe(5);
    await app.press('d', 'y');
    expect(app.store.getState().dataset.rows.length).toBe(4);
    app.unmount();
  });

  it('treats q j k ? / and digits as text while a message has the cursor', async () => {
    await open(null);
    await app.press('a');
    await type('qjk?/12');
    await app.press(KEYS.tab);
    const state = app.store.getState();
    expect(state.ui.screen).toBe('dataset');
    expect(state.ui.modal).toBeNull();
    expect(state.ui.exiting).toBe(false);
    expect(state.dataset.editor?.field?.text).toBe('qjk?/12');
    expect(app.lastFrame()).toContain('qjk?/12');
    app.unmount();
  });

  it('keeps typing through esc and asks before quitting with unsaved work', async () => {
    await open(null);
    await app.press('a');
    await type('half a thought');
    await app.press(KEYS.esc);
    expect(app.store.getState().dataset.editor?.messages.at(-1)?.content).toBe('half a thought');
    await app.press('q');
    expect(app.store.getState().ui.modal).toMatchObject({ kind: 'confirmQuit' });
    app.unmount();
  });

  it('offers a newer draft on open and restores it, or discards it', async () => {
    const path = join(dir, 'train.jsonl');
    writeFileSync(path, `${example('Saved one', 'A')}\n`);
    const loaded = await loadDataset(path);
    const rows = [...loaded.rows, freshRow(example('Typed before the crash', 'B'))];
    await writeDraft(rows, { datasetPath: path, savedAt: Date.now() + 5000, base: { mtimeMs: loaded.mtimeMs!, sizeBytes: loaded.sizeBytes }, format: loaded.format });
    await open(null);
    expect(app.lastFrame()).toMatch(/A draft from .* has unsaved work \(2 lines\)\. Restore it\?\n.*r restore the draft · x discard it/);
    await app.press('q'); // the question has the keyboard: q does not quit
    expect(app.store.getState().ui.exiting).toBe(false);
    await app.press('r');
    expect(app.store.getState().dataset.rows.length).toBe(2);
    expect(app.lastFrame()).toContain('Typed before the crash');
    expect(app.store.getState().dataset.dirty).toBe(true);
    app.unmount();

    await open(null);
    await app.press('x');
    expect(app.store.getState().dataset.rows.length).toBe(1);
    // x deletes the draft file in the background: open again once it is gone.
    await app.until(() => !existsSync(draftPathFor(path)));
    app.unmount();

    await open(null);
    expect(app.store.getState().dataset.draftOffer).toBeNull();
    app.unmount();
  });

  it('handles several keys arriving in one read (fast typing, a held key) one by one', async () => {
    await open([example('one', 'A'), example('two', 'B'), example('three', 'C'), example('four', 'D')].join('\n'));
    await app.burst('jj');
    expect(app.store.getState().dataset.cursor).toBe(2);
    await app.burst('ahi');
    expect(app.store.getState().dataset.editor?.field?.text).toBe('hi');
    expect(app.store.getState().ui.screen).toBe('dataset');
    app.unmount();
  });

  it('says plainly when the path cannot be opened, and offers no editing', async () => {
    app = await renderApp();
    await openDataset(app.store, dir);
    await tick();
    expect(app.lastFrame()).toContain('Could not open it:');
    expect(app.lastFrame()).toContain('this is a folder, not a file');
    await app.press('a');
    expect(app.store.getState().dataset.editor).toBeNull();
    app.unmount();
  });

  it('imports a CSV after a preview of what it adds and what it could not', async () => {
    await open(`${example('Existing', 'A')}\n`);
    const csv = join(dir, 'more.csv');
    writeFileSync(csv, 'prompt,completion\nWhat is CSV?,Comma separated values\n,no prompt here\nAnd JSONL?,One JSON per line\n');
    await app.press('i');
    await app.paste(csv);
    await app.press(KEYS.enter);
    const frame = await app.waitFor(/Import 2 examples from .*more\.csv \(csv\), 1 problem\? y add at the end · n cancel/);
    expect(frame).toContain('+ What is CSV?');
    expect(frame).toContain('! 3:');
    expect(app.store.getState().dataset.rows.length).toBe(1);
    await app.press('y');
    expect(app.store.getState().dataset.rows.length).toBe(3);
    expect(JSON.parse(app.store.getState().dataset.rows.get(2).text).messages[1].content).toBe('One JSON per line');
    await app.press('u');
    expect(app.store.getState().dataset.rows.length).toBe(1);
    await app.press('i');
    await app.paste(csv);
    await app.press(KEYS.enter);
    await app.waitFor('Import 2 examples');
    await app.press('n');
    expect(app.store.getState().dataset.rows.length).toBe(1);
    expect(app.lastFrame()).toContain('Nothing imported.');
    app.unmount();
  });

  it('fits 80x24', async () => {
    await open(Array.from({ length: 200 }, (_, i) => example(`Question number ${i} with a long tail of words to cut`, 'A')).join('\n'), { columns: 80, rows: 24 });
    await app.press(KEYS.pageDown);
    const lines = app.lastFrame().split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    expect(lines.every((l) => l.length <= 80)).toBe(true);
    app.unmount();
  });
});
