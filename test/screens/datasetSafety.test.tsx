// Issue 13 (and 12's export point): ftui never writes over something it did not read. A line
// appended from a shell survives ctrl+s; exports ask before replacing a file and never replace
// the open dataset; the draft question says its keys and stays.
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDataset } from '../../src/effects/datasetFiles.js';
import { KEYS } from '../helpers/keys.js';
import { renderApp, tick, type RenderedApp } from '../helpers/renderApp.js';

let dir: string;
let app: RenderedApp;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftui-safety-'));
  process.env.FTUI_DATA_DIR = join(dir, 'data');
});

const example = (q: string, a: string) => JSON.stringify({ messages: [{ role: 'user', content: q }, { role: 'assistant', content: a }] });
const ORIGINAL = `${example('one', 'A')}\n${example('two', 'B')}\n`;
const APPENDED = `${example('from the shell', 'C')}\n`;

/** Waits for the store (a save, a hash off the main thread, an export), then lets the frame catch up. */
const until = (check: () => boolean) => app.until(check);

async function openWith(content: string, size = { columns: 100, rows: 30 }): Promise<string> {
  const path = join(dir, 'train.jsonl');
  writeFileSync(path, content);
  app = await renderApp({}, size);
  await openDataset(app.store, path);
  await until(() => app.store.getState().dataset.base?.sha256 != null);
  return path;
}

/** Edits the first answer: open, second message, type, finish, close. */
async function editFirstAnswer(): Promise<void> {
  await app.press(KEYS.enter, 'j', KEYS.enter, KEYS.ctrl('e'), '!', KEYS.enter, KEYS.esc);
  await tick(60);
}

async function type(text: string) {
  for (const ch of text) await app.press(ch);
}

describe('saving over a file changed outside ftui', () => {
  it('asks instead of writing, and the appended line survives; o then overwrites on purpose', async () => {
    const path = await openWith(ORIGINAL, { columns: 80, rows: 24 });
    appendFileSync(path, APPENDED);
    await editFirstAnswer();
    await app.press(KEYS.ctrl('s'));
    await until(() => app.store.getState().dataset.question !== null);
    const frame = app.lastFrame();
    expect(frame).toContain('train.jsonl changed on disk since ftui read it');
    expect(frame).toContain('o overwrite · r reload (your edits kept as a draft) · s save as… · esc cancel');
    expect(readFileSync(path, 'utf8')).toBe(ORIGINAL + APPENDED);
    await app.press('o');
    await until(() => !app.store.getState().dataset.dirty);
    expect(readFileSync(path, 'utf8')).toBe(`${example('one', 'A!')}\n${example('two', 'B')}\n`);
  });

  it('r reloads the file as it is now and offers the edits back as a draft', async () => {
    const path = await openWith(ORIGINAL);
    appendFileSync(path, APPENDED);
    await editFirstAnswer();
    await app.press(KEYS.ctrl('s'));
    await until(() => app.store.getState().dataset.question !== null);
    await app.press('r');
    await until(() => app.store.getState().dataset.draftOffer !== null);
    expect(app.store.getState().dataset.rows.length).toBe(3);
    expect(app.lastFrame()).toContain('r restore the draft · x discard it');
    await app.press('r');
    expect(JSON.parse(app.store.getState().dataset.rows.get(0).text).messages[1].content).toBe('A!');
    expect(readFileSync(path, 'utf8')).toBe(ORIGINAL + APPENDED);
  });

  it('s saves as another path, which the dataset then is; the changed file is left alone', async () => {
    const path = await openWith(ORIGINAL);
    appendFileSync(path, APPENDED);
    await editFirstAnswer();
    await app.press(KEYS.ctrl('s'));
    await until(() => app.store.getState().dataset.question !== null);
    await app.press('s');
    expect(app.store.getState().dataset.prompt?.kind).toBe('saveAs');
    const other = join(dir, 'mine.jsonl');
    await type(other);
    await app.press(KEYS.enter);
    await until(() => existsSync(other) && !app.store.getState().dataset.dirty);
    expect(app.store.getState().dataset.filePath).toBe(other);
    expect(readFileSync(other, 'utf8')).toContain('A!');
    expect(readFileSync(path, 'utf8')).toBe(ORIGINAL + APPENDED);
  });

  it('esc cancels: nothing written, the edits stay', async () => {
    const path = await openWith(ORIGINAL);
    appendFileSync(path, APPENDED);
    await editFirstAnswer();
    await app.press(KEYS.ctrl('s'));
    await until(() => app.store.getState().dataset.question !== null);
    await app.press(KEYS.esc);
    expect(app.store.getState().dataset.dirty).toBe(true);
    expect(app.lastFrame()).toContain('Not saved: your edits are still here');
    expect(readFileSync(path, 'utf8')).toBe(ORIGINAL + APPENDED);
  });

  it('an unchanged file saves at once', async () => {
    const path = await openWith(ORIGINAL);
    await editFirstAnswer();
    await app.press(KEYS.ctrl('s'));
    await until(() => !app.store.getState().dataset.dirty);
    expect(readFileSync(path, 'utf8')).toContain('A!');
  });
});

describe('exports', () => {
  it('ask before replacing an existing file, and keep it on n', async () => {
    await openWith(ORIGINAL);
    const other = join(dir, 'other.txt');
    writeFileSync(other, 'not mine to lose\n');
    await app.press('e');
    await type(other);
    await app.press(KEYS.enter);
    await until(() => app.store.getState().dataset.question !== null);
    expect(app.lastFrame()).toContain('other.txt already exists');
    await app.press('n');
    expect(readFileSync(other, 'utf8')).toBe('not mine to lose\n');
    await app.press('e');
    await type(other);
    await app.press(KEYS.enter);
    await until(() => app.store.getState().dataset.question !== null);
    await app.press('y');
    await until(() => readFileSync(other, 'utf8').includes('"one"'));
  });

  it('refuse the open dataset and say why', async () => {
    const path = await openWith(ORIGINAL);
    await app.press('e');
    await type(path);
    await app.press(KEYS.enter);
    await until(() => app.lastFrame().includes('Not exported'));
    expect(app.lastFrame()).toContain('is the open dataset itself');
    expect(readFileSync(path, 'utf8')).toBe(ORIGINAL);
  });

  it('a split writes only valid examples, says how many it left out, and offers to open the training part', async () => {
    await openWith(`${ORIGINAL}{"messages": [\n${example('three', 'C')}\n`, { columns: 120, rows: 30 });
    await app.press('E');
    await type(`${join(dir, 'out')} 0.5 1`);
    await app.press(KEYS.enter);
    await until(() => app.store.getState().dataset.question?.kind === 'openExport');
    expect(app.lastFrame()).toMatch(/Split 3 valid examples \(seed 1\).*Left out 1 invalid or blank line\./s);
    const train = readFileSync(join(dir, 'out.train.jsonl'), 'utf8');
    const validation = readFileSync(join(dir, 'out.validation.jsonl'), 'utf8');
    expect((train + validation).trim().split('\n')).toHaveLength(3);
    await app.press('y');
    await until(() => app.store.getState().dataset.filePath === join(dir, 'out.train.jsonl'));
  });
});

describe('the draft question at start', () => {
  it('says its keys, stays visible, and answers any other key with them', async () => {
    const path = await openWith(ORIGINAL);
    await editFirstAnswer();
    app.unmount();
    // The next start finds the draft (written on exit).
    const { writeDraftNow } = await import('../../src/effects/datasetFiles.js');
    await writeDraftNow(app.store);
    app = await renderApp({}, { columns: 80, rows: 24 });
    await openDataset(app.store, path);
    await until(() => app.store.getState().dataset.draftOffer !== null);
    expect(app.lastFrame()).toContain('r restore the draft · x discard it');
    await app.press('j');
    expect(app.lastFrame()).toContain('r restore the draft · x discard it');
    expect(app.lastFrame()).toContain('First answer the draft question');
    await app.press('x');
    expect(app.store.getState().dataset.draftOffer).toBeNull();
  });
});
