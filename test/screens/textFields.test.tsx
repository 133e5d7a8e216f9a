// Issue 13: every text field edits with the one model's keys (store/slices/textField.ts, tested
// key by key in test/unit/store/textField.test.ts). Here each screen's fields prove they use it:
// keys that only the shared model knows (ctrl+a, alt+b, ctrl+w, alt+enter, undo, selection).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDataset } from '../../src/effects/datasetFiles.js';
import { initialAppState } from '../../src/store/state.js';
import { fakeModel, fakeProvider } from '../helpers/fakeProvider.js';
import { KEYS } from '../helpers/keys.js';
import { renderApp, tick, type RenderedApp } from '../helpers/renderApp.js';
import { renderWithServices, waitFor } from '../helpers/renderWithServices.js';
import { connectedState } from '../helpers/connectedState.js';

const ALT = (k: string) => `\u001B${k}`;
const CTRL_LEFT = '\u001B[1;5D';

let app: RenderedApp | undefined;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftui-fields-'));
  process.env.FTUI_DATA_DIR = join(dir, 'data');
});
afterEach(() => app?.unmount());

const type = async (text: string) => {
  for (const ch of text) await app!.press(ch);
};

async function openDatasetScreen(): Promise<string> {
  const path = join(dir, 'train.jsonl');
  writeFileSync(path, `${JSON.stringify({ messages: [{ role: 'user', content: 'one two three' }, { role: 'assistant', content: 'A' }] })}\n`);
  app = await renderApp({}, { columns: 100, rows: 30 });
  await openDataset(app.store, path);
  await tick(30);
  return path;
}

describe('Dataset screen fields', () => {
  it('the message editor: word moves, ctrl+w, alt+enter, ctrl+z while typing', async () => {
    await openDatasetScreen();
    await app!.press(KEYS.enter, KEYS.enter);
    await app!.press(ALT('b'), KEYS.ctrl('w'));
    expect(app!.store.getState().dataset.editor?.field?.text).toBe('one three');
    await app!.press(KEYS.ctrl('e'), ALT('\r'));
    await type('four');
    expect(app!.store.getState().dataset.editor?.field?.text).toBe('one three\nfour');
    await app!.press(KEYS.ctrl('z'));
    expect(app!.store.getState().dataset.editor?.field?.text).toBe('one three\n');
    await app!.press(KEYS.up, KEYS.ctrl('a'), '>');
    expect(app!.store.getState().dataset.editor?.field?.text).toBe('>one three\n');
  });

  it('a pre-filled export path opens selected: typing replaces it, an arrow keeps it', async () => {
    const path = await openDatasetScreen();
    await app!.press('e');
    expect(app!.lastFrame()).toContain('train.export.jsonl');
    await type('x.jsonl');
    expect(app!.store.getState().dataset.prompt?.field.text).toBe('x.jsonl');
    await app!.press(KEYS.esc, 'e', KEYS.right);
    await type('.bak');
    expect(app!.store.getState().dataset.prompt?.field.text).toBe(`${path.replace(/\.jsonl$/, '.export.jsonl')}.bak`);
  });

  it('find: ctrl+u clears to the start, ctrl+left moves by word', async () => {
    await openDatasetScreen();
    await app!.press('/');
    await type('two three');
    await app!.press(CTRL_LEFT, KEYS.ctrl('u'));
    expect(app!.store.getState().dataset.filter?.field?.text).toBe('three');
  });
});

const chatState = connectedState('chat');

describe('Chat fields', () => {
  it('the message: multi-line with alt+enter, a pasted block keeps its lines, ctrl+a edits at the start of the line', async () => {
    const provider = fakeProvider({ models: [fakeModel('ft:gpt-4o-mini-2024-07-18:acme:x:1')] });
    app = await renderWithServices(chatState, { provider });
    await waitFor(app, (f) => f.includes('Chat with ft:'));
    await app.press(KEYS.enter);
    await type('first');
    await app.press(ALT('\r'));
    await app.paste('second\nthird');
    await app.press(KEYS.ctrl('a'));
    await type('> ');
    expect(app.store.getState().chat.draft).toBe('first\nsecond\n> third');
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('Hello from the fake.'));
    // One message with its lines, one request: alt+enter did not send it.
    expect(app.store.getState().chat.turns[0]).toEqual({ role: 'user', content: 'first\nsecond\n> third' });
    expect(provider.calls.filter((c) => c === 'chatStream')).toHaveLength(1);
  });
});

const dataset = fileURLToPath(new URL('../fixtures/jobs/small-train.jsonl', import.meta.url));
describe('Jobs form fields', () => {
  it('the suffix field: home, delete forward, alt+f', async () => {
    app = await renderWithServices(
      { ...chatState, ui: { ...initialAppState.ui, screen: 'jobs' }, dataset: { ...initialAppState.dataset, filePath: dataset, status: 'ready' } },
      { provider: fakeProvider({ dpo: false }) },
    );
    await waitFor(app!, (f) => f.includes('No jobs yet'));
    // down to Suffix, past the two files (no DPO, so no Method)
    await app!.press('n', 'j', 'j', 'j', KEYS.enter);
    await type('my-run_2');
    await app!.press(KEYS.ctrl('a'), '\u001B[3~', ALT('f'));
    await type('X');
    expect(app!.store.getState().jobs.create.form.suffix).toBe('yX-run_2');
  });
});
