import type { ErrorInfo, ModelRecord } from '../../core/domain.js';
import { resolveModel } from '../../core/models.js';
import { assertNever } from '../assertNever.js';
import {
  historyOf,
  isStreaming,
  lastAssistant,
  newReply,
  replaceLast,
  requestInput,
  shownReply,
  updateReply,
  type AssistantTurn,
  type ChatMessage,
  type ChatReply,
  type ChatTurn,
  type Usage,
} from './chatTurns.js';
import { editKey, setText, textField, type FieldKey, type TextField } from './textField.js';

export * from './chatTurns.js';

/** Which text field has the keyboard; 'none' leaves keys to the screen's commands and the shell. */
export type ChatFocus = 'none' | 'input' | 'system' | 'edit' | 'path';

/** What a path typed on the Chat screen is for. */
export type ChatPathPurpose = 'preferences' | 'save' | 'load';

/** Where the system prompt came from: typed (or loaded) by the user, or shared by the open dataset's examples. */
export type SystemSource = { kind: 'user' } | { kind: 'dataset'; path: string; shared: number; of: number } | { kind: 'none' };

export interface ChatNotice {
  level: 'info' | 'success' | 'error';
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
  /** The model picker is open: its cursor, and which model it chooses (0 the chat model, 1 the one compared). */
  picker: { cursor: number; side: 0 | 1 } | null;
  model: string | null;
  /** Compare mode: every message also goes to `compare.model`, side by side. */
  compare: { on: boolean; model: string | null };
  systemPrompt: string;
  systemSource: SystemSource;
  draft: string;
  turns: readonly ChatTurn[];
  nextStreamId: number;
  /** The last reply's figures, for the status line. */
  notice: ChatNotice | null;
  /** The last reply being corrected before it becomes a training example. */
  edit: { text: string } | null;
  /** A path being typed, and what for. */
  path: { purpose: ChatPathPurpose } | null;
  /** The preference (DPO) file chosen for this session's pairs. */
  preferenceFile: string | null;
  /** Pairs written (or being written) to that file this session: a held p must not write one twice. */
  pairsWritten: readonly string[];
  /** The transcript's first row on show, or null to follow the end (the stream). */
  scrollTop: number | null;
  /** The focused field; its text is mirrored into the value it edits. */
  field: TextField | null;
}

export type ChatAction =
  | { type: 'chat/focus'; focus: ChatFocus }
  | { type: 'chat/modelsRequested' }
  | { type: 'chat/modelsLoaded'; models: ModelRecord[]; now: number }
  | { type: 'chat/modelsFailed'; error: ErrorInfo }
  | { type: 'chat/openPicker'; side: 0 | 1 }
  | { type: 'chat/closePicker' }
  | { type: 'chat/movePicker'; delta: number }
  | { type: 'chat/pickModel'; model: string; now: number }
  /** From elsewhere (the Jobs monitor): chat with this model, compared with the base it came from. */
  | { type: 'chat/startWith'; model: string; baseModel: string | null }
  | { type: 'chat/fieldKey'; key: FieldKey }
  | { type: 'chat/setDraft'; text: string }
  | { type: 'chat/setSystemPrompt'; text: string }
  /** The system prompt most of the open dataset's examples share (`shared` of the `of` looked at), or null. */
  | { type: 'chat/datasetSystemPrompt'; path: string; prompt: { text: string; shared: number; of: number } | null }
  | { type: 'chat/send'; at: number; connected: boolean }
  | { type: 'chat/streamDelta'; id: number; text: string; at: number }
  | { type: 'chat/streamDone'; id: number; usage: Usage | null; at: number }
  | { type: 'chat/streamFailed'; id: number; error: ErrorInfo; at: number }
  | { type: 'chat/stopStream'; at: number }
  | { type: 'chat/regenerate'; at: number }
  | { type: 'chat/showVersion'; delta: 1 | -1 }
  | { type: 'chat/pickColumn'; column: number }
  | { type: 'chat/toggleCompare' }
  | { type: 'chat/startEdit' }
  | { type: 'chat/cancelEdit' }
  /** The corrected reply went into the dataset: it joins the last turn as a version of its own. */
  | { type: 'chat/correctionAdded'; text: string; at: number; message: string }
  | { type: 'chat/notice'; notice: ChatNotice | null }
  | { type: 'chat/openPath'; purpose: ChatPathPurpose; initial: string }
  | { type: 'chat/closePath' }
  | { type: 'chat/preferenceFile'; path: string }
  | { type: 'chat/pairWriting'; line: string }
  | { type: 'chat/pairWriteFailed'; line: string }
  | { type: 'chat/loaded'; systemPrompt: string; messages: ChatMessage[]; message: string }
  | { type: 'chat/scroll'; to: 'top' | 'bottom' }
  | { type: 'chat/scrollBy'; delta: number; lines: number; rows: number }
  | { type: 'chat/clear' };

export const initialChatState: ChatState = {
  focus: 'none',
  models: { list: [], loading: false, error: null, requestId: 0 },
  picker: null,
  model: null,
  compare: { on: false, model: null },
  systemPrompt: '',
  systemSource: { kind: 'none' },
  draft: '',
  turns: [],
  nextStreamId: 1,
  notice: null,
  edit: null,
  path: null,
  preferenceFile: null,
  pairsWritten: [],
  scrollTop: null,
  field: null,
};

export function isChatAction(action: { type: string }): action is ChatAction {
  return action.type.startsWith('chat/');
}

/** When a model stops answering: the date the service lists, else the one ftui's model table knows. */
export function shutdownAt(model: ModelRecord): number | null {
  if (model.shutdownDate !== null) return model.shutdownDate;
  const known = resolveModel(model.id)?.shutdownDate;
  return known ? Date.parse(`${known}T00:00:00Z`) : null;
}

/** A model that has shut down no longer answers. */
export function isShutDown(model: ModelRecord | undefined, now: number): boolean {
  const at = model === undefined ? null : shutdownAt(model);
  return at !== null && at <= now;
}

/**
 * Fine-tuned models first (they are why the user is here), then the service's own, each by name;
 * models already shut down go last.
 */
export function sortModels(models: readonly ModelRecord[], now: number): ModelRecord[] {
  const rank = (m: ModelRecord) => (isShutDown(m, now) ? 2 : m.fineTuned ? 0 : 1);
  return [...models].sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
}

/** The base a model was trained from, as the model list says. */
export function baseOf(state: ChatState, model: string | null): string | null {
  return model === null ? null : (state.models.list.find((m) => m.id === model)?.baseModel ?? null);
}

export function reduceChat(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'chat/focus': {
      if (state.focus === action.focus) return state;
      const value = action.focus === 'input' ? state.draft : action.focus === 'system' ? state.systemPrompt : action.focus === 'edit' ? (state.edit?.text ?? '') : null;
      return { ...state, focus: action.focus, path: action.focus === 'path' ? state.path : null, field: value === null ? null : textField(value, { multiline: true }) };
    }
    case 'chat/fieldKey': {
      const field = state.field && editKey(state.field, action.key);
      if (!field || field === state.field) return state;
      return withFieldText({ ...state, field }, field.text);
    }
    case 'chat/modelsRequested':
      return { ...state, models: { ...state.models, loading: true, error: null, requestId: state.models.requestId + 1 } };
    case 'chat/modelsLoaded': {
      const list = sortModels(action.models, action.now);
      const first = list.find((m) => !isShutDown(m, action.now) && !m.needsDeployment) ?? null;
      const model = state.model ?? first?.id ?? null;
      const next = { ...state, model, models: { ...state.models, list, loading: false, error: null } };
      return next.compare.model === null ? { ...next, compare: { ...next.compare, model: baseOf(next, model) } } : next;
    }
    case 'chat/modelsFailed':
      return { ...state, models: { ...state.models, loading: false, error: action.error } };
    case 'chat/openPicker': {
      const current = action.side === 0 ? state.model : state.compare.model;
      const index = state.models.list.findIndex((m) => m.id === current);
      return { ...state, picker: { cursor: Math.max(0, index), side: action.side }, notice: null };
    }
    case 'chat/closePicker':
      return state.picker === null ? state : { ...state, picker: null };
    case 'chat/movePicker': {
      if (state.picker === null || state.models.list.length === 0) return state;
      const cursor = clamp(state.picker.cursor + action.delta, 0, state.models.list.length - 1);
      return cursor === state.picker.cursor ? state : { ...state, picker: { ...state.picker, cursor }, notice: null };
    }
    case 'chat/pickModel': {
      const record = state.models.list.find((m) => m.id === action.model);
      if (isShutDown(record, action.now)) {
        return { ...state, notice: { level: 'error', text: `${action.model} has shut down and no longer answers; choose another model.` } };
      }
      if (state.picker?.side === 1) return { ...state, picker: null, notice: null, compare: { on: true, model: action.model } };
      // A new chat model is compared with its own base from now on, when the list knows it.
      const base = baseOf(state, action.model);
      return { ...state, model: action.model, picker: null, notice: null, compare: { ...state.compare, model: base ?? state.compare.model } };
    }
    case 'chat/startWith':
      return { ...state, model: action.model, picker: null, compare: { ...state.compare, model: action.baseModel ?? baseOf(state, action.model) ?? state.compare.model }, notice: null };
    case 'chat/setDraft':
      return { ...state, draft: action.text, field: state.focus === 'input' && state.field ? setText(state.field, action.text) : state.field };
    case 'chat/setSystemPrompt':
      return { ...state, systemPrompt: action.text, systemSource: { kind: 'user' }, field: state.focus === 'system' && state.field ? setText(state.field, action.text) : state.field };
    case 'chat/datasetSystemPrompt': {
      // The user's own prompt is never replaced; a dataset's is followed while the user leaves it be.
      if (state.systemSource.kind === 'user' || state.focus === 'system') return state;
      if (action.prompt === null) return state.systemSource.kind === 'dataset' ? { ...state, systemPrompt: '', systemSource: { kind: 'none' } } : state;
      const { text, shared, of } = action.prompt;
      return { ...state, systemPrompt: text, systemSource: { kind: 'dataset', path: action.path, shared, of } };
    }
    case 'chat/send':
      return send(state, action);
    case 'chat/streamDelta': {
      if (action.text === '') return state;
      const turns = updateReply(state.turns, action.id, (r) => (r.state === 'streaming' ? { ...r, text: r.text + action.text, firstTokenAt: r.firstTokenAt ?? action.at } : r));
      return turns === state.turns ? state : { ...state, turns };
    }
    case 'chat/streamDone': {
      const turns = updateReply(state.turns, action.id, (r) => (r.state === 'streaming' ? { ...r, state: 'done', usage: action.usage, finishedAt: action.at } : r));
      return turns === state.turns ? state : { ...state, turns };
    }
    case 'chat/streamFailed': {
      // What arrived before the failure stays: the user can still read (and correct) it.
      const turns = updateReply(state.turns, action.id, (r) => (r.state === 'streaming' ? { ...r, state: 'failed', error: action.error, finishedAt: action.at } : r));
      return turns === state.turns ? state : { ...state, turns };
    }
    case 'chat/stopStream': {
      const last = lastAssistant(state.turns);
      if (last === undefined || !isStreaming(state.turns)) return state;
      const columns = last.columns.map((c) => c.map((r): ChatReply => (r.state === 'streaming' ? { ...r, state: 'stopped', finishedAt: action.at } : r)));
      return { ...state, turns: replaceLast(state.turns, { ...last, columns }) };
    }
    case 'chat/regenerate': {
      const last = lastAssistant(state.turns);
      const current = last && shownReply(last);
      if (last === undefined || current === undefined || isStreaming(state.turns)) return state;
      // The same request again (same model, same messages), so the two replies answer the same thing.
      const model = [...last.columns[last.picked]!].reverse().find((r) => !r.edited && r.model !== '')?.model ?? state.model;
      if (model === null) return state;
      const column = [...last.columns[last.picked]!, newReply(state.nextStreamId, model, current.input, action.at)];
      const columns = last.columns.map((c, i) => (i === last.picked ? column : c));
      const shown = last.shown.map((s, i) => (i === last.picked ? column.length - 1 : s));
      return { ...state, turns: replaceLast(state.turns, { ...last, columns, shown }), nextStreamId: state.nextStreamId + 1, notice: null, scrollTop: null };
    }
    case 'chat/showVersion': {
      const last = lastAssistant(state.turns);
      if (last === undefined) return state;
      const count = last.columns[last.picked]!.length;
      const at = clamp((last.shown[last.picked] ?? 0) + action.delta, 0, count - 1);
      if (at === last.shown[last.picked]) return state;
      return { ...state, turns: replaceLast(state.turns, { ...last, shown: last.shown.map((s, i) => (i === last.picked ? at : s)) }) };
    }
    case 'chat/pickColumn': {
      const last = lastAssistant(state.turns);
      if (last === undefined || action.column < 0 || action.column >= last.columns.length || action.column === last.picked) return state;
      return { ...state, turns: replaceLast(state.turns, { ...last, picked: action.column }) };
    }
    case 'chat/toggleCompare': {
      const on = !state.compare.on;
      if (on && state.compare.model === null) return { ...state, notice: { level: 'info', text: 'Choose the model to compare with (C).' } };
      return { ...state, compare: { ...state.compare, on }, notice: null };
    }
    case 'chat/startEdit': {
      const last = lastAssistant(state.turns);
      const reply = last && shownReply(last);
      if (reply === undefined || isStreaming(state.turns)) return state;
      return { ...state, edit: { text: reply.text }, focus: 'edit', field: textField(reply.text, { multiline: true }) };
    }
    case 'chat/cancelEdit':
      return state.focus === 'edit' ? { ...state, edit: null, focus: 'none', field: null } : { ...state, edit: null };
    case 'chat/correctionAdded': {
      const last = lastAssistant(state.turns);
      const reply = last && shownReply(last);
      const closed = { ...state, edit: null, focus: state.focus === 'edit' ? ('none' as const) : state.focus, field: state.focus === 'edit' ? null : state.field, notice: { level: 'success' as const, text: action.message } };
      if (last === undefined || reply === undefined || reply.text === action.text) return closed;
      const corrected: ChatReply = { ...reply, id: state.nextStreamId, text: action.text, state: 'done', error: null, usage: null, sentAt: action.at, firstTokenAt: null, finishedAt: action.at, edited: true };
      const column = [...last.columns[last.picked]!, corrected];
      const columns = last.columns.map((c, i) => (i === last.picked ? column : c));
      const shown = last.shown.map((s, i) => (i === last.picked ? column.length - 1 : s));
      return { ...closed, turns: replaceLast(state.turns, { ...last, columns, shown }), nextStreamId: state.nextStreamId + 1 };
    }
    case 'chat/notice':
      return { ...state, notice: action.notice };
    case 'chat/openPath':
      return { ...state, focus: 'path', path: { purpose: action.purpose }, field: textField(action.initial, { selectAll: true }) };
    case 'chat/closePath':
      return state.focus === 'path' ? { ...state, focus: 'none', path: null, field: null } : { ...state, path: null };
    case 'chat/preferenceFile':
      return { ...state, preferenceFile: action.path };
    case 'chat/pairWriting':
      return { ...state, pairsWritten: [...state.pairsWritten, action.line] };
    case 'chat/pairWriteFailed':
      return { ...state, pairsWritten: state.pairsWritten.filter((l) => l !== action.line) };
    case 'chat/loaded': {
      if (isStreaming(state.turns)) return state;
      const turns = loadedTurns(action.messages, action.systemPrompt, state.nextStreamId);
      return {
        ...state,
        turns,
        nextStreamId: state.nextStreamId + turns.length,
        systemPrompt: action.systemPrompt,
        systemSource: { kind: 'user' },
        edit: null,
        scrollTop: null,
        notice: { level: 'success', text: action.message },
      };
    }
    case 'chat/scroll':
      return { ...state, scrollTop: action.to === 'top' ? 0 : null };
    case 'chat/scrollBy': {
      const bottom = Math.max(0, action.lines - action.rows);
      const top = clamp((state.scrollTop ?? bottom) + action.delta, 0, bottom);
      // Reaching the end again follows the stream.
      const scrollTop = top >= bottom ? null : top;
      return scrollTop === state.scrollTop ? state : { ...state, scrollTop };
    }
    case 'chat/clear':
      if (isStreaming(state.turns)) return state;
      return { ...state, turns: [], notice: null, edit: null, scrollTop: null };
    default:
      return assertNever(action);
  }
}

function send(state: ChatState, action: { at: number; connected: boolean }): ChatState {
  const content = state.draft.trim();
  if (content === '' || isStreaming(state.turns)) return state;
  const problem = sendProblem(state, action.connected);
  if (problem !== null) return { ...state, notice: { level: 'error', text: problem } };
  const turns: ChatTurn[] = [...state.turns, { role: 'user', content }];
  const input = requestInput(state.systemPrompt, turns);
  const models = state.compare.on && state.compare.model !== null ? [state.model!, state.compare.model] : [state.model!];
  const columns = models.map((model, i) => [newReply(state.nextStreamId + i, model, input, action.at)]);
  const reply: AssistantTurn = { role: 'assistant', columns, shown: columns.map(() => 0), picked: 0 };
  return {
    ...state,
    draft: '',
    field: state.focus === 'input' ? textField('', { multiline: true }) : state.field,
    turns: [...turns, reply],
    nextStreamId: state.nextStreamId + models.length,
    notice: null,
    edit: null,
    scrollTop: null,
  };
}

/** Why a message cannot be sent now, in words, or null. */
function sendProblem(state: ChatState, connected: boolean): string | null {
  if (!connected) return 'Not connected: set an API key, or press ctrl+o to choose a connection (or the sandbox).';
  if (state.model === null) {
    if (state.models.error !== null) return 'No model chosen: the model list did not load (R tries again).';
    return state.models.loading ? 'No model chosen yet: the model list is still loading.' : 'No model chosen: press m to choose one.';
  }
  for (const id of state.compare.on ? [state.model, state.compare.model] : [state.model]) {
    const record = state.models.list.find((m) => m.id === id);
    if (record?.needsDeployment) return `${id} must be deployed before it can answer: D deploys it (its price per hour first), or m chooses another model.`;
  }
  return null;
}

function loadedTurns(messages: readonly ChatMessage[], systemPrompt: string, firstId: number): ChatTurn[] {
  const turns: ChatTurn[] = [];
  let id = firstId;
  for (const message of messages) {
    if (message.role === 'user') turns.push({ role: 'user', content: message.content });
    else if (message.role === 'assistant') {
      const input = requestInput(systemPrompt, turns);
      const reply: ChatReply = { ...newReply(id++, '', input, 0), text: message.content, state: 'done' };
      turns.push({ role: 'assistant', columns: [[reply]], shown: [0], picked: 0 });
    }
  }
  return turns;
}

/** The focused field's text written to the value it edits. */
function withFieldText(state: ChatState, text: string): ChatState {
  switch (state.focus) {
    case 'input':
      return { ...state, draft: text };
    case 'system':
      return { ...state, systemPrompt: text, systemSource: { kind: 'user' } };
    case 'edit':
      return state.edit === null ? state : { ...state, edit: { text } };
    case 'path':
    case 'none':
      return state;
  }
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

/** Why quitting now would lose something on this screen, or null. */
export function chatUnsavedWork(state: ChatState): string | null {
  if (isStreaming(state.turns)) return 'A chat reply is still streaming.';
  if (state.edit !== null) return 'A corrected answer has not been added to the dataset yet.';
  return null;
}

/** True while a text field of this screen has the keyboard. */
export function chatTextFocused(state: ChatState): boolean {
  return state.focus !== 'none';
}

/** The conversation's messages as the model sees them (for saving a chat). */
export function chatMessages(state: ChatState): ChatMessage[] {
  return historyOf(state.turns);
}
