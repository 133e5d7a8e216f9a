import type { FileFormat } from '../../core/dataset/format.js';
import { DEFAULT_FORMAT } from '../../core/dataset/format.js';
import type { Row } from '../../core/dataset/row.js';
import { cycleFindRole } from '../../core/dataset/find.js';
import { lowerBound } from '../../core/sortedSearch.js';
import { RowList } from '../../core/dataset/rowList.js';
import { rowTooLong } from '../../core/dataset/rowResults.js';
import { MAX_LINE_BYTES } from '../../core/validate/lineReader.js';
import { assertNever } from '../assertNever.js';
import { editorText, nextUndo, reduceEditor, startAuthoring, startEditing, type EditorAction, type EditorState } from './datasetEditor.js';
import { editKey, textField, type FieldKey, type TextField } from './textField.js';
import type { FileStamp } from '../../core/dataset/fileStamp.js';
import { sharedSystemPrompt } from '../../core/dataset/sharedSystemPrompt.js';

export type Severity = 'error' | 'warning';

interface Snapshot {
  rows: RowList;
  cursor: number;
  format: FileFormat;
}

/** A one-line question the screen asks (a path, a ratio, the default system prompt). */
export interface Prompt {
  kind: 'import' | 'exportJsonl' | 'exportSplit' | 'systemPrompt' | 'saveAs' | 'open';
  field: TextField;
}

/**
 * The open dataset: its rows (one per line of the file), where the user is, the example editor,
 * undo/redo, and what is not saved yet. File I/O happens in src/effects/dataset*.ts.
 */
export interface DatasetState {
  filePath: string | null;
  status: 'none' | 'loading' | 'ready' | 'failed';
  rows: RowList;
  /** The rows as last loaded or saved: unsaved work is any difference from them. */
  savedRows: RowList;
  dirty: boolean;
  /** Bumped on every change to the rows; effects use it to know when to autosave or re-validate. */
  revision: number;
  format: FileFormat;
  /** The format as last loaded or saved. */
  savedFormat: FileFormat;
  mode: number | null;
  /** The file as last read or written: the draft journal's references, and what a save checks the disk against. */
  base: FileStamp | null;
  nextId: number;
  cursor: number;
  /** The find (/): what is typed, and the examples it matches, which the list then shows alone. */
  filter: DatasetFind | null;
  /** Finds started so far: each new one gets the next number (see DatasetFind.request). */
  finds: number;
  /** The preview pane beside or under the list (p shows or hides it). */
  preview: boolean;
  editor: EditorState | null;
  confirmDelete: number | null;
  prompt: Prompt | null;
  undo: Snapshot[];
  redo: Snapshot[];
  defaultSystemPrompt: string;
  /** Worst finding per row id, from the validation engine. */
  marks: ReadonlyMap<number, Severity>;
  /** An import read and waiting for the user's yes: what it would add, and what it could not. */
  importPreview: { path: string; sourceFormat: string; lines: string[]; problems: Array<{ at: number; message: string }> } | null;
  /** A draft newer than the file, waiting for the user to restore or discard it. */
  draftOffer: { savedAt: number; rows: Row[] } | null;
  message: { level: 'info' | 'warning' | 'error'; text: string } | null;
  /** A question about files that waits for the user's answer (see DatasetQuestion). */
  question: DatasetQuestion | null;
}

/**
 * A find over the rows. The reducer only records it: effects/useDatasetFind runs it in slices
 * (a find over 100k rows never holds up the keys) and reports what it found.
 */
export interface DatasetFind {
  /** The find field while it is typed in; null once applied. */
  field: TextField | null;
  /** As typed: "refund", or "role:assistant refund" to look only in one role's messages (core/dataset/find). */
  query: string;
  /** Indexes of the matching rows, ascending; while a find runs, those found so far. */
  matches: number[];
  /** The rows `matches` were found in (null before any answer): other rows mean the find runs again. */
  of: RowList | null;
  /** The find has looked at every row of `of`. */
  done: boolean;
  /** Rows looked at so far. */
  scanned: number;
  request: number;
  /** The cursor has been put on the first match (at or after where it was). */
  placed: boolean;
}

/** A write that waits for the user to say yes to overwriting what is there. */
export type PendingWrite = { kind: 'export'; target: string; split: { ratio: number; seed: number } | null } | { kind: 'saveAs'; path: string };

export type DatasetQuestion =
  /** Files exist where a write would go: y overwrites them, n keeps them. */
  | { kind: 'overwrite'; paths: string[]; write: PendingWrite }
  /** The open file changed on disk since it was read: o overwrite, r reload (edits kept as a draft), s save as. */
  | { kind: 'externalChange'; path: string; what: string }
  /** After a split export: y opens the training part. */
  | { kind: 'openExport'; path: string; summary: string }
  /** Opening another file (o) with unsaved work: y opens it (the work stays in the draft), n stays. */
  | { kind: 'openOther'; path: string };

const UNDO_LIMIT = 500;

/** A line over the line limit is kept byte for byte and never opened: editing it would hold it several times over. */
function tooLongToOpen(row: Row, index: number): DatasetState['message'] {
  const bytes = rowTooLong(row);
  if (bytes === null) return null;
  return { level: 'warning', text: `Line ${index + 1} is ${(bytes / 1_000_000).toFixed(1)} MB, over the ${MAX_LINE_BYTES / 1024 / 1024} MiB ftui opens; it stays in the file as it is.` };
}

export type DatasetAction =
  | { type: 'dataset/opened'; filePath: string }
  /** ftui started with no file: an empty dataset with no path yet (ctrl+s asks for one). */
  | { type: 'dataset/untitled' }
  | {
      type: 'dataset/loaded';
      rows: Row[];
      format: FileFormat;
      mode: number | null;
      base: FileStamp | null;
      notice: string | null;
      exists: boolean;
    }
  | { type: 'dataset/loadFailed'; message: string }
  | { type: 'dataset/draftFound'; savedAt: number; rows: Row[] }
  | { type: 'dataset/draftResolved'; restore: boolean }
  | { type: 'dataset/saved'; rows: RowList; format: FileFormat; base: FileStamp | null; text: string; filePath?: string }
  /** The hash of the file as loaded, computed after the load (it takes a while on a large file). */
  | { type: 'dataset/baseHashed'; stamp: FileStamp }
  | { type: 'dataset/ask'; question: DatasetQuestion }
  | { type: 'dataset/answered' }
  | { type: 'dataset/setFormat'; format: FileFormat; description: string }
  | { type: 'dataset/message'; level: 'info' | 'warning' | 'error'; text: string }
  /** A message's time is up (effects/useNoticeExpiry): cleared if it is still the one shown. */
  | { type: 'dataset/expireMessage'; message: object }
  | { type: 'dataset/move'; delta: number }
  | { type: 'dataset/moveTo'; index: number }
  | { type: 'dataset/filterStart' }
  | { type: 'dataset/filterKey'; key: FieldKey }
  | { type: 'dataset/filterApply' }
  | { type: 'dataset/filterClear' }
  | { type: 'dataset/filterNext'; step: 1 | -1 }
  /** What a find (request) found in `rows` so far (effects/useDatasetFind). */
  | { type: 'dataset/findResults'; request: number; rows: RowList; matches: number[]; scanned: number; done: boolean }
  | { type: 'dataset/togglePreview' }
  | { type: 'dataset/open' }
  | { type: 'dataset/author' }
  | { type: 'dataset/closeEditor' }
  | EditorAction
  | { type: 'dataset/duplicate' }
  | { type: 'dataset/requestDelete' }
  | { type: 'dataset/confirmDelete'; confirmed: boolean }
  | { type: 'dataset/moveRow'; delta: number }
  | { type: 'dataset/undo' }
  | { type: 'dataset/redo' }
  | { type: 'dataset/marks'; marks: ReadonlyMap<number, Severity> }
  | { type: 'dataset/jumpTo'; index: number; path: string | null }
  | { type: 'dataset/appendLines'; lines: readonly string[] }
  | { type: 'dataset/importPreview'; preview: NonNullable<DatasetState['importPreview']> }
  | { type: 'dataset/importResolved'; accept: boolean }
  | { type: 'dataset/replaceLines'; changes: ReadonlyArray<{ index: number; text: string | null }>; description: string }
  | { type: 'dataset/promptOpen'; kind: Prompt['kind']; initial?: string }
  | { type: 'dataset/promptKey'; key: FieldKey }
  | { type: 'dataset/promptClose' }
  | { type: 'dataset/setDefaultSystemPrompt'; text: string };

export const initialDatasetState: DatasetState = {
  filePath: null,
  status: 'none',
  rows: RowList.empty,
  savedRows: RowList.empty,
  dirty: false,
  revision: 0,
  format: DEFAULT_FORMAT,
  savedFormat: DEFAULT_FORMAT,
  mode: null,
  base: null,
  nextId: 1,
  cursor: 0,
  filter: null,
  finds: 0,
  preview: true,
  editor: null,
  confirmDelete: null,
  prompt: null,
  undo: [],
  redo: [],
  defaultSystemPrompt: '',
  marks: new Map(),
  importPreview: null,
  draftOffer: null,
  message: null,
  question: null,
};

export function isDatasetAction(action: { type: string }): action is DatasetAction {
  return action.type.startsWith('dataset/');
}

function clampCursor(cursor: number, rows: RowList): number {
  return Math.max(0, Math.min(rows.length - 1, cursor));
}

/** Every change to the rows goes through here: undo snapshot, redo cleared, dirty and revision updated. */
function change(state: DatasetState, rows: RowList, cursor: number, nextId = state.nextId, format = state.format): DatasetState {
  const undo = [...state.undo, { rows: state.rows, cursor: state.cursor, format: state.format }];
  if (undo.length > UNDO_LIMIT) undo.shift();
  const dirty = rows !== state.savedRows || format !== state.savedFormat;
  return { ...state, rows, format, cursor: clampCursor(cursor, rows), nextId, undo, redo: [], dirty, revision: state.revision + 1, confirmDelete: null };
}

function restore(state: DatasetState, snapshot: Snapshot, from: 'undo' | 'redo'): DatasetState {
  const current = { rows: state.rows, cursor: state.cursor, format: state.format };
  const undo = from === 'undo' ? state.undo.slice(0, -1) : [...state.undo, current];
  const redo = from === 'undo' ? [...state.redo, current] : state.redo.slice(0, -1);
  const dirty = snapshot.rows !== state.savedRows || snapshot.format !== state.savedFormat;
  return { ...state, rows: snapshot.rows, format: snapshot.format, cursor: clampCursor(snapshot.cursor, snapshot.rows), undo, redo, dirty, revision: state.revision + 1, editor: null };
}

function maxId(rows: readonly Row[]): number {
  let max = 0;
  for (const row of rows) if (row.id > max) max = row.id;
  return max;
}

/** Writes the editor's example into the rows (as one undoable change) and closes it. */
function closeEditor(state: DatasetState): DatasetState {
  const editor = state.editor;
  if (!editor) return state;
  const closed = { ...state, editor: null };
  const finished = editor.field && editor.mode !== 'raw' ? reduceEditor(editor, { type: 'dataset/editor/stopText' }) : editor;
  const text = editorText(finished);
  if (text === null || (finished.mode !== 'author' && !finished.changed)) return closed;
  if (finished.rowId === null) {
    const row: Row = { id: state.nextId, text, origin: null };
    const rows = state.rows.insert(state.rows.length, row);
    return { ...change(closed, rows, rows.length - 1, state.nextId + 1), message: { level: 'info', text: `Example ${rows.length} added.` } };
  }
  const index = state.rows.indexOfId(finished.rowId);
  if (index < 0) return closed;
  return change(closed, state.rows.set(index, { id: finished.rowId, text, origin: null }), index);
}


/** `messages[2].content` -> 2; the editor selects that message. */
function messageIndexOf(path: string | null): number {
  const m = path ? /^(?:input\.)?messages\[(\d+)\]/.exec(path) : null;
  return m ? Number(m[1]) : 0;
}

/**
 * The dataset reducer. A message describes the state it was set in: when the rows change after
 * it (an edit, an undo, a load), it no longer applies and is cleared, unless the same action set
 * a new one.
 */
export function reduceDataset(state: DatasetState, action: DatasetAction): DatasetState {
  const next = reduceDatasetState(state, action);
  if (next.message !== null && next.message === state.message && next.revision !== state.revision) return { ...next, message: null };
  return next;
}

function reduceDatasetState(state: DatasetState, action: DatasetAction): DatasetState {
  switch (action.type) {
    case 'dataset/opened':
      return { ...initialDatasetState, filePath: action.filePath, status: 'loading', defaultSystemPrompt: state.defaultSystemPrompt, preview: state.preview };
    case 'dataset/loaded': {
      const rows = RowList.from(action.rows);
      const message = action.notice ? { level: 'warning' as const, text: action.notice } : action.exists ? null : { level: 'info' as const, text: 'New file: it is written when you save (ctrl+s).' };
      return { ...state, status: 'ready', rows, savedRows: rows, dirty: false, revision: state.revision + 1, format: action.format, savedFormat: action.format, mode: action.mode, base: action.base, nextId: maxId(action.rows) + 1, cursor: 0, undo: [], redo: [], message };
    }
    case 'dataset/untitled':
      return { ...initialDatasetState, status: 'ready', defaultSystemPrompt: state.defaultSystemPrompt, preview: state.preview, revision: state.revision + 1 };
    case 'dataset/loadFailed':
      return { ...state, status: 'failed', message: { level: 'error', text: action.message } };
    case 'dataset/draftFound':
      return { ...state, draftOffer: { savedAt: action.savedAt, rows: action.rows } };
    case 'dataset/draftResolved': {
      const offer = state.draftOffer;
      if (!offer) return state;
      if (!action.restore) return { ...state, draftOffer: null, message: { level: 'info', text: 'Draft discarded.' } };
      const rows = RowList.from(offer.rows);
      return { ...change({ ...state, draftOffer: null }, rows, 0, Math.max(state.nextId, maxId(offer.rows) + 1)), message: { level: 'info', text: 'Draft restored: save (ctrl+s) to keep it.' } };
    }
    case 'dataset/saved':
      // Edits made while the save was running stay unsaved. A save as moves the dataset to its new path.
      return {
        ...state,
        filePath: action.filePath ?? state.filePath,
        savedRows: action.rows,
        savedFormat: action.format,
        base: action.base,
        dirty: state.rows !== action.rows || state.format !== action.format,
        message: { level: 'info', text: action.text },
      };
    case 'dataset/baseHashed': {
      const base = state.base;
      if (base === null || base.sizeBytes !== action.stamp.sizeBytes || base.mtimeMs !== action.stamp.mtimeMs) return state;
      return { ...state, base: action.stamp };
    }
    case 'dataset/ask':
      return { ...state, question: action.question };
    case 'dataset/answered':
      return state.question === null ? state : { ...state, question: null };
    case 'dataset/setFormat':
      return { ...change(state, state.rows, state.cursor, state.nextId, action.format), message: { level: 'info', text: `${action.description} (u to undo).` } };
    case 'dataset/message':
      return { ...state, message: { level: action.level, text: action.text } };
    case 'dataset/expireMessage':
      return state.message === action.message ? { ...state, message: null } : state;
    case 'dataset/move': {
      // With a find applied, the list shows only its matches: moving goes from match to match.
      const matches = shownMatches(state);
      if (matches !== null) {
        if (matches.length === 0) return state;
        const at = lowerBound(matches, state.cursor);
        const here = matches[at] === state.cursor ? at : action.delta > 0 ? at - 1 : at;
        const cursor = matches[Math.max(0, Math.min(matches.length - 1, here + action.delta))]!;
        return cursor === state.cursor ? state : { ...state, cursor };
      }
      const cursor = clampCursor(state.cursor + action.delta, state.rows);
      return cursor === state.cursor ? state : { ...state, cursor };
    }
    case 'dataset/moveTo': {
      const cursor = clampCursor(action.index, state.rows);
      return cursor === state.cursor ? state : { ...state, cursor };
    }
    case 'dataset/filterStart': {
      const query = state.filter?.query ?? '';
      const field = textField(query, { selectAll: query !== '' });
      return { ...state, filter: state.filter ? { ...state.filter, field } : { field, query: '', matches: [], of: null, done: false, scanned: 0, request: state.finds, placed: true } };
    }
    case 'dataset/filterKey': {
      const filter = state.filter;
      if (!filter?.field) return state;
      // tab picks the role the find looks in: any, user, assistant, system, tool.
      const field = action.key.name === 'tab' ? textField(cycleFindRole(filter.field.text)) : editKey(filter.field, action.key);
      return field && field !== filter.field ? { ...state, filter: { ...filter, field } } : state;
    }
    case 'dataset/filterApply': {
      const query = state.filter?.field?.text.trim() ?? '';
      if (!query) return { ...state, filter: null };
      // The same find again keeps what it found (and the effect keeps it current).
      if (state.filter && query === state.filter.query) return { ...state, filter: { ...state.filter, field: null } };
      const request = state.finds + 1;
      return { ...state, finds: request, filter: { field: null, query, matches: [], of: null, done: false, scanned: 0, request, placed: false } };
    }
    case 'dataset/filterClear':
      return state.filter === null ? state : { ...state, filter: null };
    case 'dataset/findResults': {
      const filter = state.filter;
      if (filter === null || filter.request !== action.request || action.rows !== state.rows) return state;
      const next: DatasetFind = { ...filter, matches: action.matches, of: action.rows, done: action.done, scanned: action.scanned };
      if (filter.placed) return { ...state, filter: next };
      // The first match at or after where the user was; once every row is looked at, the first one.
      const after = action.matches.find((i) => i >= state.cursor);
      const cursor = after ?? (action.done ? action.matches[0] : undefined);
      return cursor === undefined ? { ...state, filter: next } : { ...state, cursor, filter: { ...next, placed: true } };
    }
    case 'dataset/togglePreview':
      return { ...state, preview: !state.preview };
    case 'dataset/filterNext': {
      const matches = state.filter?.matches ?? [];
      if (matches.length === 0) return state;
      // Matches are ascending: the next one after the cursor (or before it), wrapping round.
      const next = action.step === 1 ? (matches[lowerBound(matches, state.cursor + 1)] ?? matches[0]) : (matches[lowerBound(matches, state.cursor) - 1] ?? matches.at(-1));
      return { ...state, cursor: next as number };
    }
    case 'dataset/open': {
      if (state.rows.length === 0) return state;
      const refused = tooLongToOpen(state.rows.get(state.cursor), state.cursor);
      return refused ? { ...state, message: refused } : { ...state, editor: startEditing(state.rows.get(state.cursor)) };
    }
    case 'dataset/author': {
      if (state.defaultSystemPrompt.trim()) return { ...state, editor: startAuthoring(state.defaultSystemPrompt) };
      // No default set: the system prompt most of the file's examples share, shown and removable.
      const shared = sharedSystemPrompt(state.rows);
      if (shared === null) return { ...state, editor: startAuthoring('') };
      const text = `Started with the system prompt ${shared.count} of ${shared.of} examples share (esc, then x on it removes it; S sets a default).`;
      return { ...state, editor: startAuthoring(shared.prompt), message: { level: 'info', text } };
    }
    case 'dataset/closeEditor':
      return closeEditor(state);
    case 'dataset/editor/select':
    case 'dataset/editor/startText':
    case 'dataset/editor/key':
    case 'dataset/editor/finishText':
    case 'dataset/editor/stopText':
    case 'dataset/editor/cycleRole':
    case 'dataset/editor/toggleWeight':
    case 'dataset/editor/addTurn':
    case 'dataset/editor/removeMessage':
    case 'dataset/editor/moveMessage':
    case 'dataset/editor/editToolCalls':
    case 'dataset/editor/editTools': {
      if (!state.editor) return state;
      const editor = reduceEditor(state.editor, action);
      // Finishing a raw line writes it straight back.
      if (action.type === 'dataset/editor/finishText' && editor.mode === 'raw') return closeEditor({ ...state, editor });
      return editor === state.editor ? state : { ...state, editor };
    }
    case 'dataset/editor/undo':
    case 'dataset/editor/redo': {
      if (!state.editor || state.editor.field) return state;
      const from = action.type === 'dataset/editor/undo' ? 'history' : 'future';
      const what = nextUndo(state.editor, from);
      if (what === null) {
        const text = from === 'history' ? 'Nothing to undo in this example (esc closes it; u then undoes whole changes).' : 'Nothing to redo in this example.';
        return { ...state, message: { level: 'info', text } };
      }
      return { ...state, editor: reduceEditor(state.editor, action), message: { level: 'info', text: `${from === 'history' ? 'Undid' : 'Redid'} ${what}.` } };
    }
    case 'dataset/duplicate': {
      if (state.rows.length === 0) return state;
      const source = state.rows.get(state.cursor);
      return change(state, state.rows.insert(state.cursor + 1, { id: state.nextId, text: source.text, origin: null }), state.cursor + 1, state.nextId + 1);
    }
    case 'dataset/requestDelete':
      return state.rows.length === 0 ? state : { ...state, confirmDelete: state.rows.get(state.cursor).id };
    case 'dataset/confirmDelete': {
      if (state.confirmDelete === null) return state;
      const index = state.rows.indexOfId(state.confirmDelete);
      if (!action.confirmed || index < 0) return { ...state, confirmDelete: null };
      return { ...change(state, state.rows.remove(index), index), message: { level: 'info', text: `Example ${index + 1} deleted (u to undo).` } };
    }
    case 'dataset/moveRow': {
      const to = state.cursor + action.delta;
      if (to < 0 || to >= state.rows.length) return state;
      return change(state, state.rows.move(state.cursor, to), to);
    }
    case 'dataset/undo': {
      const snapshot = state.undo.at(-1);
      return snapshot ? restore(state, snapshot, 'undo') : { ...state, message: { level: 'info', text: 'Nothing to undo.' } };
    }
    case 'dataset/redo': {
      const snapshot = state.redo.at(-1);
      return snapshot ? restore(state, snapshot, 'redo') : { ...state, message: { level: 'info', text: 'Nothing to redo.' } };
    }
    case 'dataset/marks':
      return { ...state, marks: action.marks };
    case 'dataset/jumpTo': {
      if (action.index < 0 || action.index >= state.rows.length) return state;
      const opened = { ...closeEditor(state), filter: null, cursor: action.index };
      const refused = tooLongToOpen(opened.rows.get(action.index), action.index);
      if (refused) return { ...opened, message: refused };
      const editor = startEditing(opened.rows.get(action.index));
      return { ...opened, editor: { ...editor, selected: Math.min(messageIndexOf(action.path), Math.max(0, editor.messages.length - 1)) } };
    }
    case 'dataset/appendLines': {
      if (action.lines.length === 0) return state;
      let rows = state.rows;
      let nextId = state.nextId;
      for (const text of action.lines) rows = rows.insert(rows.length, { id: nextId++, text, origin: null });
      return { ...change(state, rows, state.rows.length, nextId), message: { level: 'info', text: `${action.lines.length} example${action.lines.length === 1 ? '' : 's'} added at the end.` } };
    }
    case 'dataset/importPreview':
      return { ...state, importPreview: action.preview };
    case 'dataset/importResolved': {
      const preview = state.importPreview;
      if (!preview) return state;
      const closed = { ...state, importPreview: null };
      if (!action.accept || preview.lines.length === 0) return { ...closed, message: { level: 'info', text: 'Nothing imported.' } };
      const added = reduceDataset(closed, { type: 'dataset/appendLines', lines: preview.lines });
      return { ...added, message: { level: 'info', text: `Imported ${preview.lines.length} example${preview.lines.length === 1 ? '' : 's'} from ${preview.path} at the end (u to undo).` } };
    }
    case 'dataset/replaceLines': {
      // Applied from the last index down so removals do not shift the ones still to come.
      const ordered = [...action.changes].sort((a, b) => b.index - a.index);
      let rows = state.rows;
      let nextId = state.nextId;
      for (const { index, text } of ordered) {
        if (index < 0 || index >= rows.length) continue;
        if (text === null) {
          rows = rows.remove(index);
          continue;
        }
        // A change may turn one line into several (a JSON array converted to JSONL).
        const [first = '', ...more] = text.split('\n');
        rows = rows.set(index, { id: rows.get(index).id, text: first, origin: null });
        more.forEach((line, k) => {
          rows = rows.insert(index + 1 + k, { id: nextId++, text: line, origin: null });
        });
      }
      return rows === state.rows ? state : { ...change(state, rows, state.cursor, nextId), message: { level: 'info', text: `${action.description} (u to undo).` } };
    }
    case 'dataset/promptOpen':
      // A pre-filled prompt (a path, a split) opens selected: typing replaces it, an arrow keeps it.
      return { ...state, prompt: { kind: action.kind, field: textField(action.initial ?? '', { multiline: action.kind === 'systemPrompt', selectAll: action.kind !== 'open' }) } };
    case 'dataset/promptKey': {
      const field = state.prompt && editKey(state.prompt.field, action.key);
      return state.prompt && field && field !== state.prompt.field ? { ...state, prompt: { ...state.prompt, field } } : state;
    }
    case 'dataset/promptClose':
      return { ...state, prompt: null };
    case 'dataset/setDefaultSystemPrompt':
      return { ...state, prompt: null, defaultSystemPrompt: action.text, message: { level: 'info', text: action.text ? 'Default system prompt set for new examples.' : 'Default system prompt cleared.' } };
    default:
      return assertNever(action);
  }
}

/** The rows the list shows while a find is applied (indexes, ascending), or null when it shows every row. */
export function shownMatches(state: Pick<DatasetState, 'filter' | 'rows'>): number[] | null {
  const filter = state.filter;
  if (filter === null || filter.query === '') return null;
  // Indexes from rows since changed may point past the end until the find has run again.
  const last = filter.matches.at(-1);
  return last === undefined || last < state.rows.length ? filter.matches : filter.matches.filter((i) => i < state.rows.length);
}


export function datasetHasUnsavedWork(state: DatasetState): boolean {
  return state.dirty || (state.editor !== null && (state.editor.changed || (state.editor.field?.text.length ?? 0) > 0));
}

/** True while a text field of the Dataset screen has the keyboard. */
export function datasetTextFocused(state: DatasetState): boolean {
  return state.editor?.field != null || state.filter?.field != null || state.prompt !== null || state.confirmDelete !== null || state.draftOffer !== null || state.importPreview !== null || state.question !== null;
}
