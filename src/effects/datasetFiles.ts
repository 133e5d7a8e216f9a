// File work for the Dataset screen: open (and offer a newer draft), save, write the draft
// journal, import and export. Each reads the store when it runs and dispatches what happened;
// errors become messages in the slice, never exceptions in the user's face.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DatasetFileError } from '../core/dataset/errors.js';
import { exportJsonl, exportSplit } from '../core/dataset/exporters.js';
import { importFile } from '../core/dataset/importers.js';
import { discardDraft, draftIsNewer, readDraft, restoreRows, writeDraft } from '../core/dataset/journal.js';
import { loadDataset } from '../core/dataset/load.js';
import { saveDataset } from '../core/dataset/save.js';
import { reduceDataset } from '../store/slices/dataset.js';
import type { Store } from '../store/store.js';

function plain(error: unknown): string {
  return error instanceof DatasetFileError ? error.message : error instanceof Error ? error.message : String(error);
}

export async function openDataset(store: Store, path: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const filePath = resolve(path);
  store.dispatch({ type: 'dataset/opened', filePath });
  try {
    const loaded = await loadDataset(filePath);
    store.dispatch({
      type: 'dataset/loaded',
      rows: loaded.rows,
      format: loaded.format,
      mode: loaded.mode,
      base: loaded.mtimeMs === null ? null : { mtimeMs: loaded.mtimeMs, sizeBytes: loaded.sizeBytes },
      notice: loaded.notice,
      exists: loaded.exists,
    });
    const draft = await readDraft(filePath, env);
    if (draft.kind === 'damaged') {
      store.dispatch({ type: 'dataset/message', level: 'warning', text: `A draft for this file could not be read (${draft.reason}); it is left at ${draft.path}.` });
    } else if (draft.kind === 'draft' && draftIsNewer(draft.draft, loaded)) {
      try {
        store.dispatch({ type: 'dataset/draftFound', savedAt: draft.draft.meta.savedAt, rows: restoreRows(draft.draft, loaded) });
      } catch (error) {
        store.dispatch({ type: 'dataset/message', level: 'warning', text: `A newer draft exists but ${plain(error)}.` });
      }
    }
  } catch (error) {
    store.dispatch({ type: 'dataset/loadFailed', message: plain(error) });
  }
}

export async function saveOpenDataset(store: Store, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const { dataset } = store.getState();
  if (dataset.filePath === null || dataset.status !== 'ready') return false;
  const rows = dataset.rows;
  try {
    await saveDataset(dataset.filePath, rows.toArray(), dataset.format, { mode: dataset.mode });
    const info = await stat(dataset.filePath);
    store.dispatch({ type: 'dataset/saved', rows, format: dataset.format, base: { mtimeMs: info.mtimeMs, sizeBytes: info.size }, text: `Saved ${rows.length} line${rows.length === 1 ? '' : 's'} to ${dataset.filePath}.` });
    await discardDraft(dataset.filePath, env).catch(() => undefined);
    return true;
  } catch (error) {
    store.dispatch({ type: 'dataset/message', level: 'error', text: `${plain(error)} — your edits are still here and in the draft.` });
    await writeDraftNow(store, env);
    return false;
  }
}

/** Writes the draft journal if there is unsaved work; resolves with whether one was written. */
export async function writeDraftNow(store: Store, env: NodeJS.ProcessEnv = process.env, now = Date.now()): Promise<boolean> {
  const current = store.getState().dataset;
  // The example open in the editor counts too: the draft holds the rows as if it were closed now.
  const dataset = current.editor ? reduceDataset(current, { type: 'dataset/closeEditor' }) : current;
  if (dataset.filePath === null || !dataset.dirty) return false;
  try {
    await writeDraft(dataset.rows.toArray(), { datasetPath: dataset.filePath, savedAt: now, base: dataset.base, format: dataset.format }, env);
    return true;
  } catch (error) {
    store.dispatch({ type: 'dataset/message', level: 'error', text: `The draft could not be written: ${plain(error)}` });
    return false;
  }
}

/** Reads a file to import and shows what it would add (and what it could not) for the user to confirm. */
export async function importInto(store: Store, path: string): Promise<void> {
  try {
    const result = await importFile(resolve(path));
    store.dispatch({ type: 'dataset/importPreview', preview: { path, sourceFormat: result.sourceFormat, lines: result.lines, problems: result.problems } });
  } catch (error) {
    store.dispatch({ type: 'dataset/message', level: 'error', text: plain(error) });
  }
}

/** `plain`: valid examples as JSONL to `target`. `split`: `ratio` of them to target's .train, the rest to .validation. */
export async function exportRows(store: Store, target: string, split: { ratio: number; seed: number } | null): Promise<void> {
  const rows = store.getState().dataset.rows;
  const path = resolve(target);
  try {
    if (split === null) {
      const r = await exportJsonl(rows, path);
      store.dispatch({ type: 'dataset/message', level: 'info', text: `Exported ${r.written} examples to ${path}${r.skipped.length ? `; left out ${r.skipped.length} invalid or blank line(s)` : ''}.` });
    } else {
      const stem = path.replace(/\.jsonl$/i, '');
      const r = await exportSplit(rows, split.ratio, split.seed, `${stem}.train.jsonl`, `${stem}.validation.jsonl`);
      store.dispatch({ type: 'dataset/message', level: 'info', text: `Split ${r.written} examples (seed ${split.seed}): ${r.train} to ${stem}.train.jsonl, ${r.validation} to ${stem}.validation.jsonl.` });
    }
  } catch (error) {
    store.dispatch({ type: 'dataset/message', level: 'error', text: plain(error) });
  }
}
