import type { ErrorInfo, ModelRecord } from '../../core/domain.js';
import { assertNever } from '../assertNever.js';
import { editKey, setText, textField, type FieldKey, type TextField } from './textField.js';

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** Which text field has the keyboard; 'none' leaves keys to the screen's commands and the shell. */
export type ChatFocus = 'none' | 'input' | 'system' | 'edit';

export interface ChatStream {
  /** Increments per request, so a late delta of a stopped stream is ignored. */
  id: number;
  text: string;
}

export interface ChatState {
  focus: ChatFocus;
  models: {
    list: ModelRecord[];
    loading: boolean;
    error: ErrorInfo | null;
    /** Bumped to ask the effect to (re)load the list. */
    requestId: number;
  };
  /** The model picker is open, with its cursor. */
  picker: { cursor: number } | null;
  model: string | null;
  systemPrompt: string;
  draft: string;
  messages: ChatMessage[];
  stream: ChatStream | null;
  nextStreamId: number;
  usage: { promptTokens: number; completionTokens: number } | null;
  error: ErrorInfo | null;
  /** The last assistant answer being corrected before it becomes a training example. */
  edit: { text: string } | null;
  /** What happened to the last example sent to the dataset. */
  saved: string | null;
  /** The focused field (message, system prompt or corrected answer); its text is mirrored into that value. */
  field: TextField | null;
}

export type ChatAction =
  | { type: 'chat/focusText'; focused: boolean }
  | { type: 'chat/focus'; focus: ChatFocus }
  | { type: 'chat/modelsRequested' }
  | { type: 'chat/modelsLoaded'; models: ModelRecord[] }
  | { type: 'chat/modelsFailed'; error: ErrorInfo }
  | { type: 'chat/openPicker' }
  | { type: 'chat/closePicker' }
  | { type: 'chat/movePicker'; delta: number }
  | { type: 'chat/pickModel'; model: string }
  | { type: 'chat/fieldKey'; key: FieldKey }
  | { type: 'chat/setDraft'; text: string }
  | { type: 'chat/setSystemPrompt'; text: string }
  | { type: 'chat/send' }
  | { type: 'chat/streamDelta'; id: number; text: string }
  | { type: 'chat/streamDone'; id: number; usage: { promptTokens: number; completionTokens: number } | null }
  | { type: 'chat/streamFailed'; id: number; error: ErrorInfo }
  | { type: 'chat/stopStream' }
  | { type: 'chat/startEdit' }
  | { type: 'chat/setEdit'; text: string }
  | { type: 'chat/cancelEdit' }
  | { type: 'chat/exampleSaved'; message: string }
  | { type: 'chat/clear' };

export const initialChatState: ChatState = {
  focus: 'none',
  models: { list: [], loading: false, error: null, requestId: 0 },
  picker: null,
  model: null,
  systemPrompt: '',
  draft: '',
  messages: [],
  stream: null,
  nextStreamId: 1,
  usage: null,
  error: null,
  edit: null,
  saved: null,
  field: null,
};

export function isChatAction(action: { type: string }): action is ChatAction {
  return action.type.startsWith('chat/');
}

/** Fine-tuned models first (they are why the user is here), then the rest, each by name. */
export function sortModels(models: readonly ModelRecord[]): ModelRecord[] {
  const fineTuned = (m: ModelRecord) => (m.id.startsWith('ft:') ? 0 : 1);
  return [...models].sort((a, b) => fineTuned(a) - fineTuned(b) || a.id.localeCompare(b.id));
}

export function reduceChat(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'chat/focusText':
      return reduceChat(state, { type: 'chat/focus', focus: action.focused ? 'input' : 'none' });
    case 'chat/focus': {
      if (state.focus === action.focus) return state;
      const value = action.focus === 'input' ? state.draft : action.focus === 'system' ? state.systemPrompt : action.focus === 'edit' ? (state.edit?.text ?? '') : null;
      return { ...state, focus: action.focus, field: value === null ? null : textField(value, { multiline: true }) };
    }
    case 'chat/fieldKey': {
      const field = state.field && editKey(state.field, action.key);
      if (!field || field === state.field) return state;
      return withFieldText({ ...state, field }, field.text);
    }
    case 'chat/modelsRequested':
      return { ...state, models: { ...state.models, loading: true, error: null, requestId: state.models.requestId + 1 } };
    case 'chat/modelsLoaded': {
      const list = sortModels(action.models);
      const model = state.model ?? list[0]?.id ?? null;
      return { ...state, model, models: { ...state.models, list, loading: false, error: null } };
    }
    case 'chat/modelsFailed':
      return { ...state, models: { ...state.models, loading: false, error: action.error } };
    case 'chat/openPicker': {
      const index = state.models.list.findIndex((m) => m.id === state.model);
      return { ...state, picker: { cursor: Math.max(0, index) } };
    }
    case 'chat/closePicker':
      return state.picker === null ? state : { ...state, picker: null };
    case 'chat/movePicker': {
      if (state.picker === null || state.models.list.length === 0) return state;
      const cursor = clamp(state.picker.cursor + action.delta, 0, state.models.list.length - 1);
      return cursor === state.picker.cursor ? state : { ...state, picker: { cursor } };
    }
    case 'chat/pickModel':
      return { ...state, model: action.model, picker: null };
    case 'chat/setDraft':
      return { ...state, draft: action.text, field: state.focus === 'input' && state.field ? setText(state.field, action.text) : state.field };
    case 'chat/setSystemPrompt':
      return { ...state, systemPrompt: action.text, field: state.focus === 'system' && state.field ? setText(state.field, action.text) : state.field };
    case 'chat/send': {
      const content = state.draft.trim();
      if (content === '' || state.model === null || state.stream !== null) return state;
      return {
        ...state,
        draft: '',
        field: state.focus === 'input' ? textField('', { multiline: true }) : state.field,
        messages: [...state.messages, { role: 'user', content }],
        stream: { id: state.nextStreamId, text: '' },
        nextStreamId: state.nextStreamId + 1,
        error: null,
        saved: null,
        edit: null,
      };
    }
    case 'chat/streamDelta':
      if (state.stream?.id !== action.id || action.text === '') return state;
      return { ...state, stream: { ...state.stream, text: state.stream.text + action.text } };
    case 'chat/streamDone':
      if (state.stream?.id !== action.id) return state;
      return {
        ...state,
        messages: [...state.messages, { role: 'assistant', content: state.stream.text }],
        stream: null,
        usage: action.usage,
      };
    case 'chat/streamFailed': {
      if (state.stream?.id !== action.id) return state;
      // Keep what arrived before the failure: the user can still read (and correct) it.
      const partial = state.stream.text;
      const messages: ChatMessage[] = partial === '' ? state.messages : [...state.messages, { role: 'assistant', content: partial }];
      return { ...state, messages, stream: null, error: action.error };
    }
    case 'chat/stopStream': {
      if (state.stream === null) return state;
      const partial = state.stream.text;
      const messages: ChatMessage[] = partial === '' ? state.messages : [...state.messages, { role: 'assistant', content: partial }];
      return { ...state, messages, stream: null };
    }
    case 'chat/startEdit': {
      const answer = lastExchange(state)?.assistant;
      if (answer === undefined) return state;
      return { ...state, edit: { text: answer }, focus: 'edit', field: textField(answer, { multiline: true }) };
    }
    case 'chat/setEdit':
      return state.edit === null ? state : { ...state, edit: { text: action.text }, field: state.focus === 'edit' && state.field ? setText(state.field, action.text) : state.field };
    case 'chat/cancelEdit':
      return state.focus === 'edit' ? { ...state, edit: null, focus: 'none', field: null } : { ...state, edit: null };
    case 'chat/exampleSaved':
      return state.focus === 'edit' ? { ...state, saved: action.message, edit: null, focus: 'none', field: null } : { ...state, saved: action.message, edit: null };
    case 'chat/clear':
      if (state.stream !== null) return state;
      return { ...state, messages: [], usage: null, error: null, edit: null, saved: null };
    default:
      return assertNever(action);
  }
}

/** The focused field's text written to the value it edits. */
function withFieldText(state: ChatState, text: string): ChatState {
  switch (state.focus) {
    case 'input':
      return { ...state, draft: text };
    case 'system':
      return { ...state, systemPrompt: text };
    case 'edit':
      return state.edit === null ? state : { ...state, edit: { text } };
    case 'none':
      return state;
  }
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

/** The last finished user -> assistant pair, or undefined while there is none (or it is streaming). */
export function lastExchange(state: ChatState): { user: string; assistant: string } | undefined {
  if (state.stream !== null) return undefined;
  const n = state.messages.length;
  const a = state.messages[n - 1];
  const u = state.messages[n - 2];
  if (a?.role !== 'assistant' || u?.role !== 'user') return undefined;
  return { user: u.content, assistant: a.content };
}

/**
 * The training example for the last exchange: system prompt (if any), the user's message and
 * the assistant's answer — the corrected one when the user edited it.
 */
export function exampleFromLastExchange(state: ChatState, correctedAnswer?: string): string | null {
  const exchange = lastExchange(state);
  if (exchange === undefined) return null;
  const messages = [
    ...(state.systemPrompt.trim() === '' ? [] : [{ role: 'system', content: state.systemPrompt }]),
    { role: 'user', content: exchange.user },
    { role: 'assistant', content: correctedAnswer ?? exchange.assistant },
  ];
  return JSON.stringify({ messages });
}

/** Why quitting now would lose something on this screen, or null. */
export function chatUnsavedWork(state: ChatState): string | null {
  if (state.stream !== null) return 'A chat reply is still streaming.';
  if (state.edit !== null) return 'A corrected answer has not been added to the dataset yet.';
  return null;
}

/** True while a text field of this screen has the keyboard. */
export function chatTextFocused(state: ChatState): boolean {
  return state.focus !== 'none';
}
