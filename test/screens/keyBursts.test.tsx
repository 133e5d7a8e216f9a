// Issue 13: keys that arrive in one read (a held Backspace, a busy terminal, tmux) are keys, and
// only a bracketed paste is text. Before the key decoder, three Backspaces in one read were
// typed into the message as three \x7f characters.
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
  dir = mkdtempSync(join(tmpdir(), 'ftui-bursts-'));
  process.env.FTUI_DATA_DIR = join(dir, 'data');
});

const example = (q: string, a: string) => JSON.stringify({ messages: [{ role: 'user', content: q }, { role: 'assistant', content: a }] });

async function openFirstMessage(): Promise<void> {
  const path = join(dir, 'train.jsonl');
  writeFileSync(path, [example('Hello world', 'A'), example('two', 'B'), example('three', 'C')].join('\n') + '\n');
  app = await renderApp({}, { columns: 100, rows: 30 });
  await openDataset(app.store, path);
  await tick(30);
  await app.press(KEYS.enter, KEYS.enter);
  expect(app.store.getState().dataset.editor?.field?.text).toBe('Hello world');
}

const fieldText = () => app.store.getState().dataset.editor?.field?.text;

describe('a burst of keys in one read', () => {
  it('three Backspaces delete three characters and type nothing', async () => {
    await openFirstMessage();
    await app.burst('\u007F\u007F\u007F');
    expect(fieldText()).toBe('Hello wo');
    expect(app.lastFrame()).not.toContain('\u007F');
    app.unmount();
  });

  it('arrows and text in one read edit in the middle', async () => {
    await openFirstMessage();
    await app.burst(`${KEYS.left}${KEYS.left}${KEYS.left}${KEYS.left}${KEYS.left}big ${KEYS.right}\u007F`);
    expect(fieldText()).toBe('Hello big orld');
    app.unmount();
  });

  it('control characters other than the keys they name never become text', async () => {
    await openFirstMessage();
    await app.burst('!\u0000\u001c\u001f\u0007');
    expect(fieldText()).toBe('Hello world!');
    app.unmount();
  });

  it('keys after the one that opened a field go into it, and Enter in the burst finishes it', async () => {
    await openFirstMessage();
    await app.press(KEYS.esc, KEYS.esc);
    expect(app.store.getState().dataset.editor).toBeNull();
    await app.burst('jjaq?\r');
    const { dataset, ui } = app.store.getState();
    expect(ui.modal).toBeNull();
    expect(dataset.cursor).toBe(2);
    expect(dataset.editor?.messages.map((m) => m.content)).toEqual(['q?', '']);
    app.unmount();
  });

  it('a bracketed paste is text, even its control keys: q, digits and a newline', async () => {
    await openFirstMessage();
    await app.paste('\r\nq1\u007F');
    expect(fieldText()).toBe('Hello world\nq1');
    expect(app.store.getState().ui.screen).toBe('dataset');
    app.unmount();
  });
});

// Found by issue 11: a screen registers its keys after its first render, so the keys that came in
// the same read as the digit that switched to it found no handler and were lost.
describe('keys in the same read as a screen switch', () => {
  async function onValidate(): Promise<void> {
    const path = join(dir, 'train.jsonl');
    writeFileSync(path, [example('Hello world', 'A'), example('two', 'B'), example('three', 'C')].join('\n') + '\n');
    app = await renderApp({}, { columns: 100, rows: 30 });
    await openDataset(app.store, path);
    await app.press('2');
    await app.waitFor('Validate');
    expect(app.store.getState().ui.screen).toBe('validate');
  }

  it('1j from Validate switches to Dataset and moves down', async () => {
    await onValidate();
    await app.burst('1j');
    const { ui, dataset } = app.store.getState();
    expect(ui.screen).toBe('dataset');
    expect(dataset.cursor).toBe(1);
    app.unmount();
  });

  it('keys after the waiting one keep their order: 1/q types q into the find, 1jj2 moves twice, then Validate', async () => {
    await onValidate();
    await app.burst('1/q');
    let state = app.store.getState();
    expect(state.ui.exiting).toBe(false);
    expect(state.dataset.filter?.field?.text).toBe('q');
    await app.press(KEYS.esc);
    await app.press('2');
    await app.burst('1jj2');
    state = app.store.getState();
    expect(state.dataset.cursor).toBe(2);
    expect(state.ui.screen).toBe('validate');
    app.unmount();
  });
});
