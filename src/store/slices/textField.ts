// The one text-field model every field in ftui uses (message editor, Chat, the Jobs form, find,
// paths, the system prompt). Plain data and pure functions: the reducer keeps a field in the
// store and applies keys to it; components/TextFieldView.tsx draws it. The keys are a shell's
// line editor's: see editKey.
import stringWidth from 'string-width';

interface Snapshot {
  text: string;
  cursor: number;
}

/** What the last edit was, so a run of typing (or of Backspaces) is undone as one step. */
type EditKind = 'type' | 'backspace' | 'delete';

export interface TextField {
  readonly text: string;
  /** A UTF-16 offset into `text`, always on a grapheme boundary. */
  readonly cursor: number;
  /** The other end of the selection, or null. Typing replaces the selection; a move drops it. */
  readonly anchor: number | null;
  /** Whether the text may hold line breaks: alt+enter/ctrl+j insert one, a paste keeps its own. */
  readonly multiline: boolean;
  readonly undo: readonly Snapshot[];
  readonly redo: readonly Snapshot[];
  readonly lastEdit: EditKind | null;
  /** The display column up/down aim for, kept over a run of up/down. */
  readonly goal: number | null;
}

/** A key as the key decoder gives it (src/keys/decode.ts): a name, the text it types, whether pasted. */
export interface FieldKey {
  name: string | null;
  text: string | null;
  paste?: boolean;
}

const UNDO_LIMIT = 200;

/**
 * A field holding `text`, cursor at its end. `selectAll`: for a field that opens pre-filled
 * (an export path, a split), so typing replaces what is there and a move keeps it.
 */
export function textField(text: string, options: { multiline?: boolean; selectAll?: boolean } = {}): TextField {
  const multiline = options.multiline ?? false;
  const clean = multiline ? text : oneLine(text);
  return {
    text: clean,
    cursor: clean.length,
    anchor: options.selectAll && clean.length > 0 ? 0 : null,
    multiline,
    undo: [],
    redo: [],
    lastEdit: null,
    goal: null,
  };
}

/** The selection as [start, end), or null when nothing is selected. */
export function selection(field: TextField): [number, number] | null {
  if (field.anchor === null || field.anchor === field.cursor) return null;
  return field.anchor < field.cursor ? [field.anchor, field.cursor] : [field.cursor, field.anchor];
}

function oneLine(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ');
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The grapheme boundary before `at` (an emoji with its joiners and modifiers is one step). */
export function previousGrapheme(text: string, at: number): number {
  if (at <= 0) return 0;
  return graphemes.segment(text).containing(at - 1)?.index ?? at - 1;
}

/** The grapheme boundary after `at`. */
export function nextGrapheme(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const segment = graphemes.segment(text).containing(at);
  return segment ? segment.index + segment.segment.length : at + 1;
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function lineEnd(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end === -1 ? text.length : end;
}

const WORD = /[\p{L}\p{M}\p{N}_]/u;

function codePointBefore(text: string, at: number): string {
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text.slice(at - 1, at);
}

/** Back over non-word characters, then over the word: where alt+b and ctrl+w go. */
function wordLeft(text: string, at: number): number {
  let i = at;
  while (i > 0 && !WORD.test(codePointBefore(text, i))) i -= codePointBefore(text, i).length;
  while (i > 0 && WORD.test(codePointBefore(text, i))) i -= codePointBefore(text, i).length;
  return i === 0 ? 0 : nextGrapheme(text, previousGrapheme(text, i)) === i ? i : previousGrapheme(text, i);
}

/** Forward over non-word characters, then over the word: where alt+f and alt+d go. */
function wordRight(text: string, at: number): number {
  let i = at;
  const cpAt = (k: number) => String.fromCodePoint(text.codePointAt(k)!);
  while (i < text.length && !WORD.test(cpAt(i))) i += cpAt(i).length;
  while (i < text.length && WORD.test(cpAt(i))) i += cpAt(i).length;
  return i >= text.length ? text.length : previousGrapheme(text, nextGrapheme(text, i)) === i ? i : nextGrapheme(text, i);
}

/** Display columns from the start of the line to `at`. */
function columnOf(text: string, at: number): number {
  return stringWidth(text.slice(lineStart(text, at), at));
}

/** The offset in the line starting at `start` closest to display column `goal`, not past its end. */
function offsetAtColumn(text: string, start: number, goal: number): number {
  const end = lineEnd(text, start);
  let used = 0;
  for (const { segment, index } of graphemes.segment(text.slice(start, end))) {
    const w = stringWidth(segment);
    if (used + w > goal) return start + index;
    used += w;
  }
  return end;
}

function move(field: TextField, cursor: number, goal: number | null = null): TextField {
  if (cursor === field.cursor && field.anchor === null && goal === field.goal && field.lastEdit === null) return field;
  return { ...field, cursor, anchor: null, lastEdit: null, goal };
}

/** Replaces [from, to) with `insert`; one undo step unless it continues an edit of the same kind. */
function edit(field: TextField, from: number, to: number, insert: string, kind: EditKind | null): TextField {
  if (from === to && insert === '') return field.anchor === null ? field : { ...field, anchor: null };
  const text = field.text.slice(0, from) + insert + field.text.slice(to);
  const grouped = kind !== null && kind === field.lastEdit;
  const undo = grouped ? field.undo : [...field.undo, { text: field.text, cursor: field.cursor }].slice(-UNDO_LIMIT);
  return { ...field, text, cursor: from + insert.length, anchor: null, undo, redo: [], lastEdit: kind, goal: null };
}

/** Deletes the selection if there is one, else [from, to). */
function remove(field: TextField, from: number, to: number, kind: EditKind | null): TextField {
  const sel = selection(field);
  if (sel) return edit(field, sel[0], sel[1], '', null);
  return edit(field, Math.min(from, to), Math.max(from, to), '', kind);
}

/** Typed or pasted text at the cursor, replacing the selection. */
export function insert(field: TextField, input: string, pasted = false): TextField {
  const lines = input.replace(/\r\n?/g, '\n');
  const text = field.multiline ? lines : oneLine(lines);
  if (text === '') return field;
  const sel = selection(field);
  const [from, to] = sel ?? [field.cursor, field.cursor];
  // Typing goes on as one undo step until a space ends a word; a paste is always a step of its own.
  const kind = pasted || sel || text.includes('\n') ? null : 'type';
  const continues = kind === 'type' && field.lastEdit === 'type' && !/\s/.test(text) ? field : { ...field, lastEdit: null };
  return edit(continues, from, to, text, kind);
}

function undo(field: TextField): TextField {
  const last = field.undo.at(-1);
  if (!last) return field;
  return { ...field, text: last.text, cursor: last.cursor, anchor: null, undo: field.undo.slice(0, -1), redo: [...field.redo, { text: field.text, cursor: field.cursor }], lastEdit: null, goal: null };
}

function redo(field: TextField): TextField {
  const next = field.redo.at(-1);
  if (!next) return field;
  return { ...field, text: next.text, cursor: next.cursor, anchor: null, redo: field.redo.slice(0, -1), undo: [...field.undo, { text: field.text, cursor: field.cursor }], lastEdit: null, goal: null };
}

/**
 * One key applied to the field. Returns the field (the same object when the key changed nothing)
 * or null when the key is not a field key here (enter, esc, tab, up/down on a one-line field or
 * past the first/last line), so the screen can give it its own meaning.
 *
 * ← → (ctrl+b/f) by grapheme · home/end, ctrl+a/e: line start/end · alt+b/f, ctrl+←/→, alt+←/→:
 * by word · Backspace, delete, ctrl+d · ctrl+w, alt+Backspace: word back · alt+d: word forward ·
 * ctrl+u/ctrl+k: to line start/end · ↑ ↓ between lines · ctrl+z undo, ctrl+y redo ·
 * alt+enter, ctrl+j: new line (multi-line fields) · text and pastes.
 */
export function editKey(field: TextField, key: FieldKey): TextField | null {
  const { text, cursor } = field;
  const sel = selection(field);
  switch (key.name) {
    case 'left':
    case 'ctrl+b':
      return move(field, sel ? sel[0] : previousGrapheme(text, cursor));
    case 'right':
    case 'ctrl+f':
      return move(field, sel ? sel[1] : nextGrapheme(text, cursor));
    case 'home':
    case 'ctrl+a':
      return move(field, lineStart(text, cursor));
    case 'end':
    case 'ctrl+e':
      return move(field, lineEnd(text, cursor));
    case 'alt+b':
    case 'ctrl+left':
    case 'alt+left':
      return move(field, wordLeft(text, cursor));
    case 'alt+f':
    case 'ctrl+right':
    case 'alt+right':
      return move(field, wordRight(text, cursor));
    case 'backspace':
      return remove(field, previousGrapheme(text, cursor), cursor, 'backspace');
    case 'delete':
    case 'ctrl+d':
      return remove(field, cursor, nextGrapheme(text, cursor), 'delete');
    case 'ctrl+w':
    case 'alt+backspace':
      return remove(field, wordLeft(text, cursor), cursor, null);
    case 'alt+d':
      return remove(field, cursor, wordRight(text, cursor), null);
    case 'ctrl+u':
      return remove(field, lineStart(text, cursor), cursor, null);
    case 'ctrl+k': {
      // At the end of a line, ctrl+k joins the next one, as in Emacs.
      const end = lineEnd(text, cursor);
      return remove(field, cursor, end === cursor && end < text.length ? end + 1 : end, null);
    }
    case 'up':
    case 'down': {
      if (!field.multiline) return null;
      const start = lineStart(text, cursor);
      const goal = field.goal ?? columnOf(text, cursor);
      if (key.name === 'up') {
        if (start === 0) return null;
        return move(field, offsetAtColumn(text, lineStart(text, start - 1), goal), goal);
      }
      const end = lineEnd(text, cursor);
      if (end === text.length) return null;
      return move(field, offsetAtColumn(text, end + 1, goal), goal);
    }
    case 'ctrl+z':
      return undo(field);
    case 'ctrl+y':
      return redo(field);
    case 'alt+enter':
    case 'ctrl+j':
      return field.multiline ? insert(field, '\n', true) : null;
    default:
      if (key.text === null || key.text === '') return null;
      return insert(field, key.text, key.paste ?? false);
  }
}

/** The field with its text replaced (a new value from outside), cursor at the end, history kept. */
export function setText(field: TextField, text: string): TextField {
  if (text === field.text) return field;
  return edit({ ...field, anchor: 0, cursor: field.text.length, lastEdit: null }, 0, field.text.length, field.multiline ? text : oneLine(text), null);
}
