// The Dataset screen's keyboard: what a key does depends on what has the keyboard, in this order:
// the draft question, the delete question, a one-line prompt, the find field, the message being
// typed, the open example, and the list.
import { dirname, sep } from 'node:path';
import { commandFor } from '../../keys/bindings.js';
import type { KeyPress } from '../../keys/decode.js';
import { useScreenKeys } from '../../keys/KeyRouter.js';
import type { Action } from '../../store/actions.js';
import type { Store } from '../../store/store.js';
import { discardDraft } from '../../core/dataset/journal.js';
import { exportRows, importInto, openDataset, reloadKeepingEdits, saveAs, saveOpenDataset, writeDraftNow } from '../../effects/datasetFiles.js';
import { datasetHasUnsavedWork, shownMatches, type DatasetQuestion } from '../../store/slices/dataset.js';
import { datasetBindings } from './bindings.js';

function submitPrompt(store: Store): void {
  const prompt = store.getState().dataset.prompt;
  if (!prompt) return;
  const text = prompt.field.text.trim();
  store.dispatch({ type: 'dataset/promptClose' });
  switch (prompt.kind) {
    case 'systemPrompt':
      store.dispatch({ type: 'dataset/setDefaultSystemPrompt', text: prompt.field.text.trim() });
      return;
    case 'import':
      if (text) void importInto(store, text);
      return;
    case 'exportJsonl':
      if (text) void exportRows(store, text, null);
      return;
    case 'saveAs':
      if (text) void saveAs(store, text);
      return;
    case 'open':
      if (text) void openOther(store, text);
      return;
    case 'exportSplit': {
      const [path, ratioText = '0.8', seedText = '42'] = text.split(/\s+/);
      const ratio = Number(ratioText);
      const seed = Number(seedText);
      if (!path || !(ratio > 0 && ratio < 1) || !Number.isInteger(seed)) {
        store.dispatch({ type: 'dataset/message', level: 'error', text: 'Give PATH RATIO SEED, e.g. out.jsonl 0.8 42 (ratio between 0 and 1).' });
        return;
      }
      void exportRows(store, path, { ratio, seed });
      return;
    }
  }
}

/** What the Dataset screen's keys need besides the store: starting the sandbox demo (null when this ftui cannot). */
export interface DatasetKeyServices {
  startDemo: (() => void) | null;
}

export function useDatasetKeys(store: Store, pageSize: number, services: DatasetKeyServices): void {
  useScreenKeys('dataset', (press) => handleKey(store, pageSize, press, services));
}

function handleKey(store: Store, pageSize: number, press: KeyPress, services: DatasetKeyServices): void {
  const { name } = press;
  const dispatch = (action: Action) => store.dispatch(action);
  const dataset = store.getState().dataset;
  // Until a file is open there is nothing to edit; the screen says why.
  if (dataset.status !== 'ready') return;

  if (dataset.question) return answer(store, dataset.question, name);
  if (dataset.draftOffer) {
    if (name === 'r' || name === 'y') dispatch({ type: 'dataset/draftResolved', restore: true });
    else if (name === 'x' || name === 'n') {
      dispatch({ type: 'dataset/draftResolved', restore: false });
      if (dataset.filePath) void discardDraft(dataset.filePath).catch(() => undefined);
    } else {
      // Never silently: the question stays on screen and says again which keys answer it.
      dispatch({ type: 'dataset/message', level: 'warning', text: 'First answer the draft question: r restores the draft, x discards it (ctrl+c quits and keeps it).' });
    }
    return;
  }
  if (dataset.importPreview) {
    if (name === 'y' || name === 'enter') dispatch({ type: 'dataset/importResolved', accept: true });
    else if (name === 'n' || name === 'esc') dispatch({ type: 'dataset/importResolved', accept: false });
    return;
  }
  if (dataset.confirmDelete !== null) {
    if (name === 'y') dispatch({ type: 'dataset/confirmDelete', confirmed: true });
    else if (name === 'n' || name === 'esc') dispatch({ type: 'dataset/confirmDelete', confirmed: false });
    return;
  }
  if (dataset.prompt) {
    if (name === 'enter') submitPrompt(store);
    else if (name === 'esc') dispatch({ type: 'dataset/promptClose' });
    else dispatch({ type: 'dataset/promptKey', key: press });
    return;
  }
  if (dataset.filter?.field) {
    if (name === 'enter') dispatch({ type: 'dataset/filterApply' });
    else if (name === 'esc') dispatch({ type: 'dataset/filterClear' });
    else dispatch({ type: 'dataset/filterKey', key: press });
    return;
  }
  if (dataset.editor?.field) {
    if (name === 'enter') dispatch({ type: 'dataset/editor/finishText' });
    else if (name === 'esc') dispatch(dataset.editor.mode === 'raw' ? { type: 'dataset/closeEditor' } : { type: 'dataset/editor/stopText' });
    else if (name === 'ctrl+s') void saveAfterClosing(store);
    else dispatch({ type: 'dataset/editor/key', key: press });
    return;
  }

  const command = commandFor(datasetBindings, name);
  if (dataset.editor) {
    switch (command) {
      case 'up':
        return dispatch({ type: 'dataset/editor/select', delta: -1 });
      case 'down':
        return dispatch({ type: 'dataset/editor/select', delta: 1 });
      case 'open':
        return dispatch({ type: 'dataset/editor/startText' });
      case 'back':
        return dispatch({ type: 'dataset/closeEditor' });
      case 'role':
        return dispatch({ type: 'dataset/editor/cycleRole' });
      case 'weight':
        return dispatch({ type: 'dataset/editor/toggleWeight' });
      case 'addTurn':
        return dispatch({ type: 'dataset/editor/addTurn' });
      case 'removeMessage':
        return dispatch({ type: 'dataset/editor/removeMessage' });
      case 'moveUp':
        return dispatch({ type: 'dataset/editor/moveMessage', delta: -1 });
      case 'moveDown':
        return dispatch({ type: 'dataset/editor/moveMessage', delta: 1 });
      case 'save':
        return void saveAfterClosing(store);
      case 'undo':
        return dispatch({ type: 'dataset/editor/undo' });
      case 'redo':
        return dispatch({ type: 'dataset/editor/redo' });
      case 'toolCalls':
        return dispatch({ type: 'dataset/editor/editToolCalls' });
      case 'tools':
        return dispatch({ type: 'dataset/editor/editTools' });
      default:
        return;
    }
  }

  switch (command) {
    case 'up':
      return dispatch({ type: 'dataset/move', delta: -1 });
    case 'down':
      return dispatch({ type: 'dataset/move', delta: 1 });
    case 'pageUp':
      return dispatch({ type: 'dataset/move', delta: -pageSize });
    case 'pageDown':
      return dispatch({ type: 'dataset/move', delta: pageSize });
    case 'top':
    case 'bottom': {
      // With a find applied, the first and last of its matches.
      const matches = shownMatches(dataset);
      const ends = matches === null ? [0, dataset.rows.length - 1] : [matches[0], matches.at(-1)];
      const index = command === 'top' ? ends[0] : ends[1];
      return index === undefined ? undefined : dispatch({ type: 'dataset/moveTo', index });
    }
    case 'preview':
      return dispatch({ type: 'dataset/togglePreview' });
    case 'open':
      return dispatch({ type: 'dataset/open' });
    case 'back':
      return dispatch({ type: 'dataset/filterClear' });
    case 'author':
      return dispatch({ type: 'dataset/author' });
    case 'filter':
      return dispatch({ type: 'dataset/filterStart' });
    case 'nextMatch':
      return dispatch({ type: 'dataset/filterNext', step: 1 });
    case 'prevMatch':
      return dispatch({ type: 'dataset/filterNext', step: -1 });
    case 'duplicate':
      return dispatch({ type: 'dataset/duplicate' });
    case 'delete':
      return dispatch({ type: 'dataset/requestDelete' });
    case 'moveUp':
      return dispatch({ type: 'dataset/moveRow', delta: -1 });
    case 'moveDown':
      return dispatch({ type: 'dataset/moveRow', delta: 1 });
    case 'undo':
      return dispatch({ type: 'dataset/undo' });
    case 'redo':
      return dispatch({ type: 'dataset/redo' });
    case 'save':
      return void saveOrAskWhere(store);
    case 'demo':
      if (services.startDemo === null) return dispatch({ type: 'dataset/message', level: 'info', text: 'The sandbox demo is not available here: run npm run demo.' });
      return services.startDemo();
    case 'systemPrompt':
      return dispatch({ type: 'dataset/promptOpen', kind: 'systemPrompt', initial: dataset.defaultSystemPrompt });
    case 'import':
      return dispatch({ type: 'dataset/promptOpen', kind: 'import' });
    case 'exportJsonl':
      return dispatch({ type: 'dataset/promptOpen', kind: 'exportJsonl', initial: dataset.filePath ? dataset.filePath.replace(/\.jsonl$/i, '.export.jsonl') : '' });
    case 'exportSplit':
      return dispatch({ type: 'dataset/promptOpen', kind: 'exportSplit', initial: dataset.filePath ? `${dataset.filePath} 0.8 42` : '' });
    case 'addTurn':
      return dispatch({ type: 'dataset/promptOpen', kind: 'open', initial: dataset.filePath ? dirname(dataset.filePath) + sep : '' });
    default:
      return;
  }
}

/** ctrl+s inside an example: the example goes into the rows first, then the file is saved. */
async function saveAfterClosing(store: Store): Promise<void> {
  store.dispatch({ type: 'dataset/closeEditor' });
  await saveOrAskWhere(store);
}

/** ctrl+s: saves the file; an untitled dataset asks where first. */
async function saveOrAskWhere(store: Store): Promise<void> {
  if (store.getState().dataset.filePath === null) store.dispatch({ type: 'dataset/promptOpen', kind: 'saveAs', initial: 'dataset.jsonl' });
  else await saveOpenDataset(store);
}

/** Opens another file; with unsaved work, asks first (the work is then kept in its draft). */
export async function openOther(store: Store, path: string): Promise<void> {
  if (datasetHasUnsavedWork(store.getState().dataset)) {
    store.dispatch({ type: 'dataset/ask', question: { kind: 'openOther', path } });
    return;
  }
  await openDataset(store, path);
}

/** The keys of a question about files (see DatasetQuestion); any other key repeats what they are. */
function answer(store: Store, question: DatasetQuestion, name: string | null): void {
  const dispatch = store.dispatch;
  const done = () => dispatch({ type: 'dataset/answered' });
  const cancel = name === 'esc' || name === 'n';
  switch (question.kind) {
    case 'overwrite':
      if (name === 'y') {
        done();
        const write = question.write;
        if (write.kind === 'export') void exportRows(store, write.target, write.split, { overwrite: true });
        else void saveAs(store, write.path, undefined, { overwrite: true });
      } else if (cancel) {
        done();
        dispatch({ type: 'dataset/message', level: 'info', text: `Nothing written; ${question.paths.length === 1 ? 'the file is' : 'the files are'} kept as ${question.paths.length === 1 ? 'it was' : 'they were'}.` });
      }
      return;
    case 'externalChange':
      if (name === 'o') {
        done();
        void saveOpenDataset(store, undefined, { overwrite: true });
      } else if (name === 'r') {
        done();
        void reloadKeepingEdits(store);
      } else if (name === 's') {
        done();
        dispatch({ type: 'dataset/promptOpen', kind: 'saveAs', initial: question.path });
      } else if (name === 'esc') {
        done();
        dispatch({ type: 'dataset/message', level: 'info', text: 'Not saved: your edits are still here (and in the draft).' });
      }
      return;
    case 'openExport':
      if (name === 'y') {
        done();
        void openOther(store, question.path);
      } else if (cancel) done();
      return;
    case 'openOther':
      if (name === 'y') {
        done();
        void writeDraftNow(store).then(() => openDataset(store, question.path));
      } else if (cancel) done();
      return;
  }
}
