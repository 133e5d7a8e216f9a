// A draft written after a save refers to the lines of the file as saved, not as first loaded:
// a save that moved or deleted rows must not make a later draft restore the wrong rows.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDraft, encodeDraft, restoreRows } from '../../../src/core/dataset/journal.js';
import { loadDataset } from '../../../src/core/dataset/load.js';
import { editedRow, type Row } from '../../../src/core/dataset/row.js';
import { saveDataset } from '../../../src/core/dataset/save.js';
import { openDataset, saveOpenDataset, writeDraftNow } from '../../../src/effects/datasetFiles.js';
import { initialAppState } from '../../../src/store/state.js';
import { createStore } from '../../../src/store/store.js';

const dir = mkdtempSync(join(tmpdir(), 'ftui-draft-after-save-'));
const example = (n: number) => JSON.stringify({ messages: [{ role: 'user', content: `q${n}` }, { role: 'assistant', content: `a${n}` }] });

async function savedThenDrafted(name: string, change: (rows: Row[]) => Row[]) {
  const path = join(dir, name);
  writeFileSync(path, `${[0, 1, 2, 3, 4].map(example).join('\n')}\n`);
  const loaded = await loadDataset(path);
  const saved = change([...loaded.rows]);
  await saveDataset(path, saved, loaded.format);
  const info = statSync(path);
  // Edited after the save, then the process dies with only the draft.
  const current = [...saved];
  current[0] = editedRow(current[0]!, example(99));
  const text = encodeDraft(current, { datasetPath: path, savedAt: Date.now() + 1000, base: { mtimeMs: info.mtimeMs, sizeBytes: info.size }, format: loaded.format });
  const reopened = await loadDataset(path);
  return { current, text, restored: restoreRows(decodeDraft(text), reopened) };
}

describe('a draft after a save', () => {
  it('restores rows that the save moved to their new lines', async () => {
    const { current, restored, text } = await savedThenDrafted('moved.jsonl', (rows) => [rows[1]!, rows[0]!, rows[4]!, rows[2]!, rows[3]!]);
    expect(restored.map((r) => r.text)).toEqual(current.map((r) => r.text));
    expect(text).toMatch(/\n=1-4\n/); // still references, into the saved file
  });

  it('restores after a save that deleted rows', async () => {
    const { current, restored } = await savedThenDrafted('deleted.jsonl', (rows) => rows.slice(2));
    expect(restored.map((r) => r.text)).toEqual(current.map((r) => r.text));
  });

  it('after a load, refers to its rows by line, and to no row of an earlier load of the same path', async () => {
    const path = join(dir, 'loaded.jsonl');
    writeFileSync(path, `${[0, 1, 2, 3].map(example).join('\n')}\n`);
    const earlier = await loadDataset(path);
    const loaded = await loadDataset(path);
    const base = { mtimeMs: loaded.mtimeMs!, sizeBytes: loaded.sizeBytes };
    const rows = [loaded.rows[2]!, loaded.rows[3]!, editedRow(loaded.rows[0]!, example(9)), earlier.rows[1]!];
    const text = encodeDraft(rows, { datasetPath: path, savedAt: 1, base, format: loaded.format });
    expect(text.split('\n').slice(1, -1)).toEqual(['=2-3', `+${example(9)}`, `+${example(1)}`]);
    expect(restoreRows(decodeDraft(text), loaded).map((r) => r.text)).toEqual(rows.map((r) => r.text));
  });

  it('writes every row as text when the base is not the version ftui last loaded or saved', async () => {
    const path = join(dir, 'stale.jsonl');
    writeFileSync(path, `${[0, 1].map(example).join('\n')}\n`);
    const loaded = await loadDataset(path);
    const text = encodeDraft(loaded.rows, { datasetPath: path, savedAt: 1, base: { mtimeMs: 1, sizeBytes: loaded.sizeBytes }, format: loaded.format });
    expect(text.split('\n').slice(1, -1)).toEqual(loaded.rows.map((r) => `+${r.text}`));
  });

  it('through the app: delete, save, duplicate, crash; the offered draft is what was on screen', async () => {
    const env = { FTUI_DATA_DIR: join(dir, 'data') };
    const path = join(dir, 'app.jsonl');
    writeFileSync(path, `${[0, 1, 2, 3, 4].map(example).join('\n')}\n`);
    const store = createStore(initialAppState);
    await openDataset(store, path, env);
    store.dispatch({ type: 'dataset/requestDelete' });
    store.dispatch({ type: 'dataset/confirmDelete', confirmed: true });
    expect(await saveOpenDataset(store, env)).toBe(true);
    store.dispatch({ type: 'dataset/moveRow', delta: 1 });
    store.dispatch({ type: 'dataset/duplicate' });
    const onScreen = store.getState().dataset.rows.toArray().map((r) => r.text);
    expect(await writeDraftNow(store, env, Date.now() + 5000)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(`${[1, 2, 3, 4].map(example).join('\n')}\n`);

    const again = createStore(initialAppState);
    await openDataset(again, path, env);
    expect(again.getState().dataset.draftOffer?.rows.map((r) => r.text)).toEqual(onScreen);
  });
});
