// Issue 13: started with no file, ftui opens a new untitled dataset that works (a to write, ctrl+s
// asks where to save), o opens a file, D starts the sandbox demo on its sample dataset. Before,
// it said "No dataset open" and nothing worked.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeModel, fakeProvider } from '../helpers/fakeProvider.js';
import { KEYS } from '../helpers/keys.js';
import { renderApp, renderWithServices, type RenderedApp } from '../helpers/renderApp.js';

let dir: string;
let app: RenderedApp | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftui-start-'));
  process.env.FTUI_DATA_DIR = join(dir, 'data');
});
afterEach(() => app?.unmount());

async function type(text: string) {
  for (const ch of text) await app!.press(ch);
}

describe('starting with no file', () => {
  it('is an untitled dataset: a writes an example, ctrl+s asks where and saves there', async () => {
    app = await renderApp({}, { columns: 80, rows: 24 });
    app.store.dispatch({ type: 'dataset/untitled' });
    const frame = await app.waitFor('A new, untitled dataset');
    expect(frame).toContain('a   write the first example');
    expect(frame).toContain('o   open a dataset file');
    await app.press('a');
    await type('Q?');
    await app.press(KEYS.enter);
    await type('A.');
    await app.press(KEYS.enter, KEYS.esc, KEYS.esc, KEYS.ctrl('s'));
    expect(app.store.getState().dataset.prompt?.kind).toBe('saveAs');
    const path = join(dir, 'mine.jsonl');
    await type(path);
    await app.press(KEYS.enter);
    await app.until(() => existsSync(path) && !app!.store.getState().dataset.dirty);
    expect(app.store.getState().dataset.filePath).toBe(path);
    expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify({ messages: [{ role: 'user', content: 'Q?' }, { role: 'assistant', content: 'A.' }] })}\n`);
  });

  it('o opens another file from inside the app', async () => {
    const other = join(dir, 'other.jsonl');
    writeFileSync(other, `${JSON.stringify({ messages: [{ role: 'user', content: 'from another file' }, { role: 'assistant', content: 'A' }] })}\n`);
    app = await renderApp({}, { columns: 80, rows: 24 });
    app.store.dispatch({ type: 'dataset/untitled' });
    await app.press('o');
    expect(app.store.getState().dataset.prompt?.kind).toBe('open');
    await type(other);
    await app.press(KEYS.enter);
    await app.waitFor('from another file');
    expect(app.store.getState().dataset.filePath).toBe(other);
  });

  it('D starts the sandbox demo on its sample dataset', async () => {
    const provider = fakeProvider({ models: [fakeModel('gpt-4o-mini-2024-07-18')] });
    app = await renderWithServices({}, { startSandbox: async () => ({ provider, baseUrl: 'http://127.0.0.1:9/v1', stop: async () => undefined }) }, { columns: 80, rows: 24 });
    app.store.dispatch({ type: 'dataset/untitled' });
    await app.waitFor('D   start the sandbox demo');
    await app.press('D');
    await app.until(() => app!.store.getState().dataset.rows.length === 12);
    expect(app.store.getState().dataset.filePath).toMatch(/support-demo\.jsonl$/);
    await app.until(() => app!.store.getState().connection.kind === 'sandbox');
  });
});
