// File work for the Dataset screen: open (and offer a newer draft), save, write the draft
// journal, import and export. Each reads the store when it runs and dispatches what happened;
// errors become messages in the slice, never exceptions in the user's face.
import { access } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { DatasetFileError } from '../core/dataset/errors.js';
import { exportJsonl, exportSplit } from '../core/dataset/exporters.js';
import { importFile } from '../core/dataset/importers.js';
import { discardDraft, draftIsNewer, readDraft, restoreRows, writeDraft } from '../core/dataset/journal.js';
import { loadDataset } from '../core/dataset/load.js';
import { saveDataset } from '../core/dataset/save.js';
import { checkFileUnchanged, sha256Of } from '../core/dataset/fileStamp.js';
import { isDatasetFile } from '../core/dataset/placement.js';
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
      base: loaded.mtimeMs === null ? null : { mtimeMs: loaded.mtimeMs, sizeBytes: loaded.sizeBytes, sha256: null },
      notice: loaded.notice,
      exists: loaded.exists,
    });
    // The hash of what was read, for the check before a save, off the main thread.
    if (loaded.bytes !== null && loaded.mtimeMs !== null) {
      const { mtimeMs, sizeBytes } = loaded;
      void sha256Of(loaded.bytes).then((sha256) => store.dispatch({ type: 'dataset/baseHashed', stamp: { mtimeMs, sizeBytes, sha256 } }));
    }
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

/**
 * Saves the open dataset. Unless `overwrite`, it first checks that the file on disk is still the
 * one read (checkFileUnchanged): if someone changed it, nothing is written and the user is asked
 * whether to overwrite, reload (keeping these edits as a draft) or save as another path.
 */
export async function saveOpenDataset(store: Store, env: NodeJS.ProcessEnv = process.env, options: { overwrite?: boolean } = {}): Promise<boolean> {
  const { dataset } = store.getState();
  if (dataset.filePath === null || dataset.status !== 'ready') return false;
  if (!options.overwrite) {
    const check = await checkFileUnchanged(dataset.filePath, dataset.base);
    if (check.changed) {
      store.dispatch({ type: 'dataset/ask', question: { kind: 'externalChange', path: dataset.filePath, what: check.what } });
      return false;
    }
  }
  return writeRowsTo(store, dataset.filePath, env);
}

/** Writes the dataset's rows to `path` (a save, or a save as that moves the dataset there). */
async function writeRowsTo(store: Store, path: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const { dataset } = store.getState();
  const rows = dataset.rows;
  const from = dataset.filePath;
  try {
    const base = await saveDataset(path, rows.toArray(), dataset.format, { mode: dataset.mode });
    const text = `Saved ${rows.length} line${rows.length === 1 ? '' : 's'} to ${path}.`;
    store.dispatch({ type: 'dataset/saved', rows, format: dataset.format, base, text, filePath: path });
    if (from !== null) await discardDraft(from, env).catch(() => undefined);
    return true;
  } catch (error) {
    store.dispatch({ type: 'dataset/message', level: 'error', text: `${plain(error)} — your edits are still here and in the draft.` });
    await writeDraftNow(store, env);
    return false;
  }
}

/** Save as `target`: asks first if a file is there (unless `overwrite`); the dataset is then that file. */
export async function saveAs(store: Store, target: string, env: NodeJS.ProcessEnv = process.env, options: { overwrite?: boolean } = {}): Promise<boolean> {
  const path = resolve(target);
  if (!options.overwrite && path !== store.getState().dataset.filePath && (await exists(path))) {
    store.dispatch({ type: 'dataset/ask', question: { kind: 'overwrite', paths: [path], write: { kind: 'saveAs', path } } });
    return false;
  }
  return writeRowsTo(store, path, env);
}

/**
 * The file changed on disk: this keeps the unsaved rows as a draft that does not depend on the
 * file's lines, then opens the file as it is now, which offers that draft back (r restores it).
 */
export async function reloadKeepingEdits(store: Store, env: NodeJS.ProcessEnv = process.env, now = Date.now()): Promise<void> {
  const current = store.getState().dataset;
  const dataset = current.editor ? reduceDataset(current, { type: 'dataset/closeEditor' }) : current;
  if (dataset.filePath === null) return;
  if (dataset.dirty) {
    try {
      await writeDraft(dataset.rows.toArray(), { datasetPath: dataset.filePath, savedAt: now, base: null, format: dataset.format }, env);
    } catch (error) {
      store.dispatch({ type: 'dataset/message', level: 'error', text: `Not reloaded: the draft could not be written (${plain(error)}).` });
      return;
    }
  }
  await openDataset(store, dataset.filePath, env);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
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

/** The files an export writes: `target`, or for a split its .train and .validation siblings. */
export function exportTargets(target: string, split: { ratio: number; seed: number } | null): string[] {
  const path = resolve(target);
  if (split === null) return [path];
  const stem = path.replace(/\.jsonl$/i, '');
  return [`${stem}.train.jsonl`, `${stem}.validation.jsonl`];
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * `plain`: valid examples as JSONL to `target`. `split`: `ratio` of them to target's .train, the
 * rest to .validation. The open dataset is never a target; existing files are overwritten only
 * after the user said yes (`overwrite`). After a split, offers to open the training part.
 */
export async function exportRows(store: Store, target: string, split: { ratio: number; seed: number } | null, options: { overwrite?: boolean } = {}): Promise<void> {
  const rows = store.getState().dataset.rows;
  const targets = exportTargets(target, split);
  const dataset = targets.find((t) => isDatasetFile(t) || t === store.getState().dataset.filePath);
  if (dataset !== undefined) {
    store.dispatch({ type: 'dataset/message', level: 'error', text: `Not exported: ${dataset} is the open dataset itself, and an export leaves out invalid and blank lines. Choose another path.` });
    return;
  }
  if (!options.overwrite) {
    const there = (await Promise.all(targets.map(async (t) => ((await exists(t)) ? t : null)))).filter((t): t is string => t !== null);
    if (there.length > 0) {
      store.dispatch({ type: 'dataset/ask', question: { kind: 'overwrite', paths: there, write: { kind: 'export', target, split } } });
      return;
    }
  }
  try {
    if (split === null) {
      const r = await exportJsonl(rows, targets[0]!);
      store.dispatch({ type: 'dataset/message', level: 'info', text: `Exported ${plural(r.written, 'example')} to ${targets[0]}${r.skipped.length ? `; left out ${plural(r.skipped.length, 'invalid or blank line')}` : ''}.` });
    } else {
      const [train, validation] = targets as [string, string];
      const r = await exportSplit(rows, split.ratio, split.seed, train, validation);
      const left = r.skipped.length ? ` Left out ${plural(r.skipped.length, 'invalid or blank line')}.` : '';
      const summary = `Split ${plural(r.written, 'valid example')} (seed ${split.seed}): ${r.train} to ${basename(train)}, ${r.validation} to ${basename(validation)}.${left}`;
      store.dispatch({ type: 'dataset/message', level: 'info', text: summary });
      store.dispatch({ type: 'dataset/ask', question: { kind: 'openExport', path: train, summary } });
    }
  } catch (error) {
    store.dispatch({ type: 'dataset/message', level: 'error', text: plain(error) });
  }
}
