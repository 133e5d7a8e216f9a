// The example editor inside the dataset slice: authoring a new example step by step, or editing
// one. Pure functions over plain data; the dataset reducer decides when the result goes into the
// rows (and onto the undo stack).
import { messagesOf, parseExample, serializeExample, withMessages, type EditableMessage } from '../../core/dataset/example.js';
import type { Row } from '../../core/dataset/row.js';
import { editKey, textField, type FieldKey, type TextField } from './textField.js';

export const ROLES = ['system', 'user', 'assistant', 'tool'] as const;

export interface EditorState {
  /** `author`: a new example, typed turn by turn; `edit`: an existing one; `raw`: a line that is not valid JSON. */
  mode: 'author' | 'edit' | 'raw';
  /** The row being edited; null while authoring. */
  rowId: number | null;
  /** The example's other top-level keys, carried through. */
  base: Record<string, unknown>;
  messages: EditableMessage[];
  selected: number;
  /** The text field that has the keyboard, and which message it writes to (-1: the raw line). */
  field: (TextField & { index: number }) | null;
  changed: boolean;
}

export type EditorAction =
  | { type: 'dataset/editor/select'; delta: number }
  | { type: 'dataset/editor/startText' }
  | { type: 'dataset/editor/key'; key: FieldKey }
  /** Finish the message being typed; while authoring, go on with the next role. */
  | { type: 'dataset/editor/finishText' }
  /** Leave the text field; what was typed stays in the message. */
  | { type: 'dataset/editor/stopText' }
  | { type: 'dataset/editor/cycleRole' }
  | { type: 'dataset/editor/toggleWeight' }
  | { type: 'dataset/editor/addTurn' }
  | { type: 'dataset/editor/removeMessage' }
  | { type: 'dataset/editor/moveMessage'; delta: number };

function nextRole(messages: readonly EditableMessage[]): string {
  const last = messages.at(-1);
  return last?.role === 'user' || last?.role === 'tool' ? 'assistant' : 'user';
}

function blank(role: string): EditableMessage {
  return { role, content: '', structured: false, rest: {} };
}

export function startAuthoring(defaultSystemPrompt: string): EditorState {
  const messages = defaultSystemPrompt.trim() ? [{ ...blank('system'), content: defaultSystemPrompt }, blank('user')] : [blank('user')];
  const index = messages.length - 1;
  return { mode: 'author', rowId: null, base: {}, messages, selected: index, field: { ...textField('', { multiline: true }), index }, changed: false };
}

export function startEditing(row: Row): EditorState {
  const parsed = parseExample(row.text);
  if (!parsed.ok) return { mode: 'raw', rowId: row.id, base: {}, messages: [], selected: 0, field: { ...textField(row.text), index: -1 }, changed: false };
  return { mode: 'edit', rowId: row.id, base: parsed.value, messages: messagesOf(parsed.value), selected: 0, field: null, changed: false };
}

/** The row text the editor stands for, or null when there is nothing to write. */
export function editorText(editor: EditorState): string | null {
  if (editor.mode === 'raw') return editor.field ? editor.field.text.replace(/\n/g, ' ') : null;
  const messages = editor.messages.filter((m) => m.structured || m.content.trim().length > 0 || Object.keys(m.rest).length > 0);
  if (editor.mode === 'author' && !messages.some((m) => m.role !== 'system')) return null;
  return serializeExample(withMessages(editor.base, messages));
}

function commitField(editor: EditorState): EditorState {
  const field = editor.field;
  if (!field || field.index < 0) return editor;
  const messages = editor.messages.map((m, i) => (i === field.index ? { ...m, content: field.text } : m));
  return { ...editor, messages, changed: editor.changed || field.text !== editor.messages[field.index]?.content };
}

export function reduceEditor(editor: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'dataset/editor/select': {
      if (editor.field || editor.messages.length === 0) return editor;
      const selected = Math.max(0, Math.min(editor.messages.length - 1, editor.selected + action.delta));
      return selected === editor.selected ? editor : { ...editor, selected };
    }
    case 'dataset/editor/startText': {
      const message = editor.messages[editor.selected];
      if (editor.field || !message || message.structured) return editor;
      return { ...editor, field: { ...textField(message.content, { multiline: true }), index: editor.selected } };
    }
    case 'dataset/editor/key': {
      if (!editor.field) return editor;
      const field = editKey(editor.field, action.key);
      if (field === null || field === editor.field) return editor;
      // Editing keys change the text as typing does; moving the cursor does not.
      return { ...editor, field: { ...field, index: editor.field.index }, changed: editor.changed || field.text !== editor.field.text };
    }
    case 'dataset/editor/finishText': {
      if (!editor.field) return editor;
      if (editor.mode === 'raw') return { ...editor, changed: true };
      const done = { ...commitField(editor), field: null };
      if (editor.mode !== 'author' || editor.field.index !== editor.messages.length - 1) return done;
      // Authoring: the next turn starts at once, with the role that comes next.
      if (!done.messages[editor.field.index]?.content.trim()) return done;
      const messages = [...done.messages, blank(nextRole(done.messages))];
      const index = messages.length - 1;
      return { ...done, messages, selected: index, field: { ...textField('', { multiline: true }), index } };
    }
    case 'dataset/editor/stopText':
      return editor.mode === 'raw' ? editor : { ...commitField(editor), field: null };
    case 'dataset/editor/cycleRole': {
      const message = editor.messages[editor.selected];
      if (editor.field || !message) return editor;
      const at = ROLES.indexOf(message.role as (typeof ROLES)[number]);
      const role = ROLES[(at + 1) % ROLES.length] as string;
      const { weight: _weight, ...rest } = message;
      const next: EditableMessage = role === 'assistant' || message.weight === undefined ? { ...message, role } : { ...rest, role };
      return { ...editor, messages: editor.messages.map((m, i) => (i === editor.selected ? next : m)), changed: true };
    }
    case 'dataset/editor/toggleWeight': {
      const message = editor.messages[editor.selected];
      if (editor.field || !message || message.role !== 'assistant') return editor;
      const next: EditableMessage = { ...message, weight: message.weight === 0 ? 1 : 0 };
      return { ...editor, messages: editor.messages.map((m, i) => (i === editor.selected ? next : m)), changed: true };
    }
    case 'dataset/editor/addTurn': {
      if (editor.field || editor.mode === 'raw') return editor;
      const at = editor.messages.length === 0 ? 0 : editor.selected + 1;
      const role = nextRole(editor.messages.slice(0, at));
      const messages = [...editor.messages.slice(0, at), blank(role), ...editor.messages.slice(at)];
      return { ...editor, messages, selected: at, field: { ...textField('', { multiline: true }), index: at }, changed: true };
    }
    case 'dataset/editor/removeMessage': {
      if (editor.field || editor.messages.length === 0) return editor;
      const messages = editor.messages.filter((_, i) => i !== editor.selected);
      return { ...editor, messages, selected: Math.max(0, Math.min(editor.selected, messages.length - 1)), changed: true };
    }
    case 'dataset/editor/moveMessage': {
      const to = editor.selected + action.delta;
      if (editor.field || to < 0 || to >= editor.messages.length) return editor;
      const messages = [...editor.messages];
      const [moved] = messages.splice(editor.selected, 1);
      messages.splice(to, 0, moved as EditableMessage);
      return { ...editor, messages, selected: to, changed: true };
    }
  }
}
