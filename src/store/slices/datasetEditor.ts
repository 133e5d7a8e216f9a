// The example editor inside the dataset slice: authoring a new example step by step, or editing
// one. Pure functions over plain data; the dataset reducer decides when the result goes into the
// rows (and onto the undo stack).
import { messagesOf, parseExample, serializeExample, withMessages, type EditableMessage } from '../../core/dataset/example.js';
import type { Row } from '../../core/dataset/row.js';
import { parseEditedToolCalls, parseEditedTools, toolCallsForEditing, toolsForEditing } from '../../core/dataset/toolJson.js';
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
  /**
   * The text field that has the keyboard, and what it writes to: message `index`'s content (-1:
   * the raw line), or with `json` that message's tool calls, its tool_call_id, or the example's tools.
   */
  field: EditorField | null;
  changed: boolean;
  /** Why the field could not be written back (invalid JSON, with where); shown until fixed. */
  error: string | null;
  /** The example's own undo (u inside it): what it was before each change, and what that change was. */
  history: EditorSnapshot[];
  future: EditorSnapshot[];
}

export type EditorField = TextField & { index: number; json?: 'toolCalls' | 'toolCallId' | 'tools' };

interface EditorSnapshot {
  messages: EditableMessage[];
  base: Record<string, unknown>;
  selected: number;
  what: string;
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
  | { type: 'dataset/editor/moveMessage'; delta: number }
  /** t: the selected assistant message's tool calls as JSON, or a tool message's tool_call_id. */
  | { type: 'dataset/editor/editToolCalls' }
  /** T: the example's tools as JSON. */
  | { type: 'dataset/editor/editTools' }
  | { type: 'dataset/editor/undo' }
  | { type: 'dataset/editor/redo' };

function nextRole(messages: readonly EditableMessage[]): string {
  const last = messages.at(-1);
  return last?.role === 'user' || last?.role === 'tool' ? 'assistant' : 'user';
}

function blank(role: string): EditableMessage {
  return { role, content: '', structured: false, rest: {} };
}

const fresh = (): Pick<EditorState, 'changed' | 'error' | 'history' | 'future'> => ({ changed: false, error: null, history: [], future: [] });

export function startAuthoring(defaultSystemPrompt: string): EditorState {
  const messages = defaultSystemPrompt.trim() ? [{ ...blank('system'), content: defaultSystemPrompt }, blank('user')] : [blank('user')];
  const index = messages.length - 1;
  return { mode: 'author', rowId: null, base: {}, messages, selected: index, field: { ...textField('', { multiline: true }), index }, ...fresh() };
}

export function startEditing(row: Row): EditorState {
  const parsed = parseExample(row.text);
  if (!parsed.ok) return { mode: 'raw', rowId: row.id, base: {}, messages: [], selected: 0, field: { ...textField(row.text), index: -1 }, ...fresh() };
  return { mode: 'edit', rowId: row.id, base: parsed.value, messages: messagesOf(parsed.value), selected: 0, field: null, ...fresh() };
}

/** Remembers the example as it is, before a change described by `what`, for u inside it. */
function record(editor: EditorState, what: string): EditorState {
  const snapshot = { messages: editor.messages, base: editor.base, selected: editor.selected, what };
  return { ...editor, history: [...editor.history, snapshot].slice(-200), future: [] };
}

function restoreSnapshot(editor: EditorState, from: 'history' | 'future'): EditorState {
  const stack = editor[from];
  const snapshot = stack.at(-1);
  if (!snapshot || editor.field) return editor;
  const current = { messages: editor.messages, base: editor.base, selected: editor.selected, what: snapshot.what };
  const rest = stack.slice(0, -1);
  const other = from === 'history' ? { history: rest, future: [...editor.future, current] } : { future: rest, history: [...editor.history, current] };
  return { ...editor, ...other, messages: snapshot.messages, base: snapshot.base, selected: Math.min(snapshot.selected, Math.max(0, snapshot.messages.length - 1)), changed: true };
}

/** What `u` (or U) inside the example would undo (redo), for its message; null when nothing. */
export function nextUndo(editor: EditorState, from: 'history' | 'future'): string | null {
  return editor[from].at(-1)?.what ?? null;
}

/** The row text the editor stands for, or null when there is nothing to write. */
export function editorText(editor: EditorState): string | null {
  if (editor.mode === 'raw') return editor.field ? editor.field.text.replace(/\n/g, ' ') : null;
  const messages = editor.messages.filter((m) => m.structured || m.content.trim().length > 0 || Object.keys(m.rest).length > 0);
  if (editor.mode === 'author' && !messages.some((m) => m.role !== 'system')) return null;
  return serializeExample(withMessages(editor.base, messages));
}

/** Writes the field back into the example; a JSON field that does not check out stays open with the error. */
function commitField(editor: EditorState): EditorState {
  const field = editor.field;
  if (!field) return editor;
  if (field.json === 'tools') {
    if (field.text === toolsForEditing(editor.base.tools)) return { ...editor, error: null };
    const edit = parseEditedTools(field.text);
    if (!edit.ok) return { ...editor, error: `Tools: ${edit.message}` };
    const { tools: _tools, ...others } = editor.base;
    const base = edit.value.length === 0 ? others : { ...editor.base, tools: edit.value };
    return { ...record(editor, 'the tools edit'), base, changed: true, error: null };
  }
  const message = editor.messages[field.index];
  if (field.index < 0 || !message) return editor;
  let next: EditableMessage;
  let what: string;
  if (field.json === 'toolCalls') {
    if (field.text === toolCallsForEditing(message.rest.tool_calls)) return { ...editor, error: null };
    const edit = parseEditedToolCalls(field.text);
    if (!edit.ok) return { ...editor, error: `Tool calls: ${edit.message}` };
    const { tool_calls: _calls, ...rest } = message.rest;
    // A call with no text beside it is written as the API writes it: content null.
    const noText = !message.structured && message.content.trim() === '';
    next = edit.value.length === 0 ? { ...message, rest } : noText ? { ...message, content: '', structured: true, rest: { ...rest, content: null, tool_calls: edit.value } } : { ...message, rest: { ...rest, tool_calls: edit.value } };
    what = `the tool calls of message ${field.index + 1}`;
  } else if (field.json === 'toolCallId') {
    const id = field.text.trim();
    if (id === (message.rest.tool_call_id ?? '')) return { ...editor, error: null };
    const { tool_call_id: _id, ...rest } = message.rest;
    next = { ...message, rest: id ? { ...rest, tool_call_id: id } : rest };
    what = `the tool_call_id of message ${field.index + 1}`;
  } else {
    if (field.text === message.content) return editor;
    next = { ...message, content: field.text };
    what = `the text of message ${field.index + 1}`;
  }
  return { ...record(editor, what), messages: editor.messages.map((m, i) => (i === field.index ? next : m)), changed: true, error: null };
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
      const committed = commitField(editor);
      if (committed.error !== null) return committed;
      const done = { ...committed, field: null };
      if (editor.field.json) return done;
      if (editor.mode !== 'author' || editor.field.index !== editor.messages.length - 1) return done;
      // Authoring: the next turn starts at once, with the role that comes next.
      if (!done.messages[editor.field.index]?.content.trim()) return done;
      const messages = [...done.messages, blank(nextRole(done.messages))];
      const index = messages.length - 1;
      return { ...done, messages, selected: index, field: { ...textField('', { multiline: true }), index } };
    }
    case 'dataset/editor/stopText': {
      if (editor.mode === 'raw') return editor;
      // Esc keeps what was typed; JSON that does not check out cannot be kept, so it is dropped.
      const committed = commitField(editor);
      return committed.error !== null ? { ...editor, field: null, error: null } : { ...committed, field: null };
    }
    case 'dataset/editor/editToolCalls': {
      const message = editor.messages[editor.selected];
      if (editor.field || editor.mode === 'raw' || !message) return editor;
      if (message.role === 'tool') {
        return { ...editor, field: { ...textField(String(message.rest.tool_call_id ?? ''), { selectAll: true }), index: editor.selected, json: 'toolCallId' } };
      }
      if (message.role !== 'assistant') return { ...editor, error: 'Tool calls belong to assistant messages (r changes the role).' };
      return { ...editor, error: null, field: { ...textField(toolCallsForEditing(message.rest.tool_calls), { multiline: true }), index: editor.selected, json: 'toolCalls' } };
    }
    case 'dataset/editor/editTools':
      if (editor.field || editor.mode === 'raw') return editor;
      return { ...editor, error: null, field: { ...textField(toolsForEditing(editor.base.tools), { multiline: true }), index: editor.selected, json: 'tools' } };
    case 'dataset/editor/undo':
      return restoreSnapshot(editor, 'history');
    case 'dataset/editor/redo':
      return restoreSnapshot(editor, 'future');
    case 'dataset/editor/cycleRole': {
      const message = editor.messages[editor.selected];
      if (editor.field || !message) return editor;
      const at = ROLES.indexOf(message.role as (typeof ROLES)[number]);
      const role = ROLES[(at + 1) % ROLES.length] as string;
      const { weight: _weight, ...rest } = message;
      const next: EditableMessage = role === 'assistant' || message.weight === undefined ? { ...message, role } : { ...rest, role };
      editor = record(editor, `the role of message ${editor.selected + 1}`);
      return { ...editor, messages: editor.messages.map((m, i) => (i === editor.selected ? next : m)), changed: true };
    }
    case 'dataset/editor/toggleWeight': {
      const message = editor.messages[editor.selected];
      if (editor.field || !message || message.role !== 'assistant') return editor;
      const next: EditableMessage = { ...message, weight: message.weight === 0 ? 1 : 0 };
      editor = record(editor, `the weight of message ${editor.selected + 1}`);
      return { ...editor, messages: editor.messages.map((m, i) => (i === editor.selected ? next : m)), changed: true };
    }
    case 'dataset/editor/addTurn': {
      if (editor.field || editor.mode === 'raw') return editor;
      const at = editor.messages.length === 0 ? 0 : editor.selected + 1;
      const role = nextRole(editor.messages.slice(0, at));
      const messages = [...editor.messages.slice(0, at), blank(role), ...editor.messages.slice(at)];
      editor = record(editor, 'the new turn');
      return { ...editor, messages, selected: at, field: { ...textField('', { multiline: true }), index: at }, changed: true };
    }
    case 'dataset/editor/removeMessage': {
      if (editor.field || editor.messages.length === 0) return editor;
      const messages = editor.messages.filter((_, i) => i !== editor.selected);
      editor = record(editor, `removing message ${editor.selected + 1}`);
      return { ...editor, messages, selected: Math.max(0, Math.min(editor.selected, messages.length - 1)), changed: true };
    }
    case 'dataset/editor/moveMessage': {
      const to = editor.selected + action.delta;
      if (editor.field || to < 0 || to >= editor.messages.length) return editor;
      const messages = [...editor.messages];
      const [moved] = messages.splice(editor.selected, 1);
      messages.splice(to, 0, moved as EditableMessage);
      editor = record(editor, `moving message ${editor.selected + 1}`);
      return { ...editor, messages, selected: to, changed: true };
    }
  }
}
