// Issue 2 on the Dataset screen's other text fields and questions: find, the path prompt, a pasted
// multi-line message and the delete question keep the shell's keys (q, digits, ?, tab) as theirs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDataset } from '../../src/effects/datasetFiles.js';
import { KEYS } from '../helpers/keys.js';
import { renderApp, tick, type RenderedApp } from '../helpers/renderApp.js';

let dir: string;
let app: RenderedApp;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftui-dataset-focus-'));
  process.env.FTUI_DATA_DIR = join(dir, 'data');
});

const example = (q: string, a: string) => JSON.stringify({ messages: [{ role: 'user', content: q }, { role: 'assistant', content: a }] });

async function open(): Promise<void> {
  const path = join(dir, 'train.jsonl');
  writeFileSync(path, [example('one', 'A'), example('two', 'B'), example('three', 'C')].join('\n') + '\n');
  app = await renderApp({}, { columns: 100, rows: 30 });
  await openDataset(app.store, path);
  await tick(30);
}

async function type(text: string) {
  for (const ch of text) await app.press(ch);
}

/** The shell did nothing: same screen, no overlay, not quitting. */
function shellStayedPut() {
  const { ui } = app.store.getState();
  expect(ui.screen).toBe('dataset');
  expect(ui.modal).toBeNull();
  expect(ui.exiting).toBe(false);
}

describe('Dataset screen text focus', () => {
  it('the find field takes q j k ? / and digits as its text', async () => {
    await open();
    await app.press('/');
    expect(app.store.getState().dataset.filter?.field).not.toBeNull();
    await type('qjk?/12');
    // tab stays in the field too: it picks the role the find looks in.
    await app.press(KEYS.tab);
    shellStayedPut();
    const { dataset } = app.store.getState();
    expect(dataset.filter?.field?.text).toBe('role:user qjk?/12');
    expect(dataset.cursor).toBe(0);
    await app.press(KEYS.esc);
    expect(app.store.getState().dataset.filter).toBeNull();
    // With the field closed the same keys are the shell's again.
    await app.press('2');
    expect(app.store.getState().ui.screen).not.toBe('dataset');
    app.unmount();
  });

  it('the import path prompt takes q ? and digits as its text', async () => {
    await open();
    await app.press('i');
    expect(app.store.getState().dataset.prompt).not.toBeNull();
    await type('q?3/j.jsonl');
    await app.press(KEYS.tab);
    shellStayedPut();
    expect(app.store.getState().dataset.prompt?.field.text).toBe('q?3/j.jsonl');
    expect(app.lastFrame()).toContain('q?3/j.jsonl');
    app.unmount();
  });

  it('a multi-line paste into a message stays one message with its lines', async () => {
    await open();
    await app.press('a');
    await app.paste('first line q\rsecond line 1\nthird ?');
    shellStayedPut();
    const field = app.store.getState().dataset.editor?.field;
    expect(field).not.toBeNull();
    expect(field?.text.split(/\r?\n/)).toEqual(['first line q', 'second line 1', 'third ?']);
    app.unmount();
  });

  it('the delete question swallows q, digits and tab until answered', async () => {
    await open();
    await app.press('d');
    expect(app.store.getState().dataset.confirmDelete).not.toBeNull();
    await app.press('q', '3', KEYS.tab);
    shellStayedPut();
    expect(app.store.getState().dataset.confirmDelete).not.toBeNull();
    expect(app.store.getState().dataset.rows.length).toBe(3);
    await app.press('n');
    expect(app.store.getState().dataset.confirmDelete).toBeNull();
    expect(app.store.getState().dataset.rows.length).toBe(3);
    app.unmount();
  });
});
