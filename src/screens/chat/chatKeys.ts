// The Chat screen's keys: typing in its fields (message, system prompt, correction, a path) and
// its commands. Each key reads the store fresh, since the key before it in a burst may have
// opened a field or sent a message.
import { commandFor } from '../../keys/bindings.js';
import type { KeyPress } from '../../keys/decode.js';
import type { Store } from '../../store/store.js';
import { lastAssistant, type ChatState } from '../../store/slices/chat.js';
import { addConversation, addPreferencePair, choosePreferenceFile, defaultChatPath, loadChat, saveChat } from '../../effects/chatFiles.js';
import { chatBindings, type ChatCommand } from './bindings.js';

export interface ChatKeyContext {
  store: Store;
  connected: boolean;
  now: () => number;
  connectSandbox: () => void;
  /** The transcript as last drawn: how many rows it has and how many are on show. */
  layout: { lines: number; rows: number };
}

export function handleChatKey(press: KeyPress, ctx: ChatKeyContext): void {
  const { chat } = ctx.store.getState();
  const command = commandFor(chatBindings, press.name);
  if (!ctx.connected) {
    if (command === 'sandbox') ctx.connectSandbox();
    return;
  }
  if (chat.picker !== null) return pickerKey(command, chat, ctx);
  // Paging works while typing too: those keys type nothing.
  if (command === 'pageUp' || command === 'pageDown') return scroll(ctx, command === 'pageUp' ? -page(ctx) : page(ctx));
  if (chat.focus !== 'none') return typingKey(press, chat, ctx);
  runCommand(command, chat, ctx);
}

const page = (ctx: ChatKeyContext) => Math.max(1, ctx.layout.rows - 1);

function scroll(ctx: ChatKeyContext, delta: number): void {
  ctx.store.dispatch({ type: 'chat/scrollBy', delta, lines: ctx.layout.lines, rows: ctx.layout.rows });
}

function pickerKey(command: ChatCommand | null, chat: ChatState, ctx: ChatKeyContext): void {
  const { dispatch } = ctx.store;
  switch (command) {
    case 'up':
      return dispatch({ type: 'chat/movePicker', delta: -1 });
    case 'down':
      return dispatch({ type: 'chat/movePicker', delta: 1 });
    case 'pageUp':
    case 'pageDown':
      return dispatch({ type: 'chat/movePicker', delta: command === 'pageUp' ? -10 : 10 });
    case 'write': {
      const model = chat.models.list[chat.picker!.cursor];
      if (model !== undefined) dispatch({ type: 'chat/pickModel', model: model.id, now: ctx.now() });
      return;
    }
    case 'back':
    case 'model':
    case 'compareModel':
      return dispatch({ type: 'chat/closePicker' });
    default:
      return;
  }
}

/** A key in the focused field: enter sends (or finishes), esc leaves, the rest edits (alt+enter: new line). */
function typingKey(press: KeyPress, chat: ChatState, ctx: ChatKeyContext): void {
  const { store } = ctx;
  if (press.name === 'enter') {
    switch (chat.focus) {
      case 'input':
        return store.dispatch({ type: 'chat/send', at: ctx.now(), connected: ctx.connected });
      case 'edit':
        // The correction stays in its field unless it went into the dataset.
        addConversation(store, ctx.now(), chat.edit?.text ?? '');
        return;
      case 'path':
        return finishPath(chat, ctx);
      default:
        return store.dispatch({ type: 'chat/focus', focus: 'none' });
    }
  }
  if (press.name === 'esc') {
    if (chat.focus === 'edit') return store.dispatch({ type: 'chat/cancelEdit' });
    if (chat.focus === 'path') return store.dispatch({ type: 'chat/closePath' });
    return store.dispatch({ type: 'chat/focus', focus: 'none' });
  }
  store.dispatch({ type: 'chat/fieldKey', key: press });
}

function finishPath(chat: ChatState, ctx: ChatKeyContext): void {
  const { store } = ctx;
  const typed = chat.field?.text.trim() ?? '';
  const purpose = chat.path?.purpose;
  store.dispatch({ type: 'chat/closePath' });
  if (typed === '' || purpose === undefined) return;
  if (purpose === 'preferences') void choosePreferenceFile(store, typed);
  else if (purpose === 'save') void saveChat(store, typed);
  else void loadChat(store, typed);
}

function runCommand(command: ChatCommand | null, chat: ChatState, ctx: ChatKeyContext): void {
  const { store } = ctx;
  const { dispatch } = store;
  const last = lastAssistant(chat.turns);
  switch (command) {
    case 'write':
      return dispatch({ type: 'chat/focus', focus: 'input' });
    case 'system':
      return dispatch({ type: 'chat/focus', focus: 'system' });
    case 'model':
      return dispatch({ type: 'chat/openPicker', side: 0 });
    case 'compareModel':
      return dispatch({ type: 'chat/openPicker', side: 1 });
    case 'compare':
      return dispatch({ type: 'chat/toggleCompare' });
    case 'up':
      return scroll(ctx, -1);
    case 'down':
      return scroll(ctx, 1);
    case 'top':
      return dispatch({ type: 'chat/scroll', to: 'top' });
    case 'bottom':
      return dispatch({ type: 'chat/scroll', to: 'bottom' });
    case 'pickLeft':
    case 'pickRight':
      if (last !== undefined) dispatch({ type: 'chat/pickColumn', column: Math.max(0, Math.min(last.columns.length - 1, last.picked + (command === 'pickLeft' ? -1 : 1))) });
      return;
    case 'olderVersion':
    case 'newerVersion':
      return dispatch({ type: 'chat/showVersion', delta: command === 'olderVersion' ? -1 : 1 });
    case 'regenerate':
      return dispatch({ type: 'chat/regenerate', at: ctx.now() });
    case 'stop':
    case 'back':
      return dispatch({ type: 'chat/stopStream', at: ctx.now() });
    case 'append':
      addConversation(store, ctx.now());
      return;
    case 'prefer':
      void addPreferencePair(store, (initial) => dispatch({ type: 'chat/openPath', purpose: 'preferences', initial }));
      return;
    case 'correct':
      if (last === undefined) dispatch({ type: 'chat/notice', notice: { level: 'error', text: 'Nothing to correct yet: there is no reply.' } });
      else dispatch({ type: 'chat/startEdit' });
      return;
    case 'save':
      return dispatch({ type: 'chat/openPath', purpose: 'save', initial: defaultChatPath(store.getState().dataset.filePath, ctx.now()) });
    case 'load':
      return dispatch({ type: 'chat/openPath', purpose: 'load', initial: '' });
    case 'newChat':
      return dispatch({ type: 'chat/clear' });
    case 'refresh':
      return dispatch({ type: 'chat/modelsRequested' });
    default:
      return;
  }
}
