// What the Chat screen turns a conversation into, and where it goes: a supervised example into the
// open dataset (through the dataset slice, so it is undoable and saved with the rest), a
// preference pair into a DPO file of its own (or into the open dataset when that is a DPO file),
// and a saved conversation. Each reads the store when it runs and says what happened on the Chat
// screen; errors are sentences there, never exceptions.
import { basename, dirname, extname, join, resolve } from 'node:path';
import { appendPreferenceLine, ChatFileError, loadChatFile, saveChatFile } from '../core/chat/chatFiles.js';
import { lineFormat } from '../core/chat/examples.js';
import { chatMessages, conversationExample, historyOf, preferencePair, type ChatNotice } from '../store/slices/chat.js';
import type { DatasetState } from '../store/slices/dataset.js';
import type { Store } from '../store/store.js';

const notify = (store: Store, level: ChatNotice['level'], text: string) => store.dispatch({ type: 'chat/notice', notice: { level, text } });

/** The format of the open dataset's examples, from its first example: a DPO file takes no chat examples, and back. */
export function datasetFormat(dataset: DatasetState): 'chat' | 'preference' | 'empty' {
  const n = Math.min(dataset.rows.length, 100);
  for (let i = 0; i < n; i++) {
    const format = lineFormat(dataset.rows.get(i).text);
    if (format !== 'other') return format;
  }
  return 'empty';
}

/** How far back from its end the dataset is searched for an example just added (a held key adds it once). */
const RECENT_ROWS = 50;

/** True when this line is among the dataset's last rows: added a moment ago, and not undone since. */
function recentlyAdded(dataset: DatasetState, line: string): boolean {
  for (let i = dataset.rows.length - 1; i >= Math.max(0, dataset.rows.length - RECENT_ROWS); i--) if (dataset.rows.get(i).text === line) return true;
  return false;
}

/** Why the open dataset cannot take an example now, or null. */
function datasetProblem(dataset: DatasetState): string | null {
  if (dataset.filePath === null) return 'No dataset is open: open or create one on the Dataset screen (1) first.';
  if (dataset.status === 'loading') return 'The dataset is still opening; try again in a moment.';
  if (dataset.status !== 'ready') return 'The dataset could not be opened, so nothing can be added to it.';
  return null;
}

const name = (path: string) => basename(path);

/**
 * Adds the whole conversation (system prompt, every turn, the picked replies; `corrected`
 * replacing the last reply) to the open dataset as one supervised example. Returns whether it was added.
 */
export function addConversation(store: Store, now: number, corrected?: string): boolean {
  const { chat, dataset } = store.getState();
  const line = conversationExample(chat.systemPrompt, chat.turns, corrected);
  if (line === null) {
    notify(store, 'error', 'Nothing to add yet: the conversation needs a finished reply.');
    return false;
  }
  const problem = datasetProblem(dataset);
  if (problem !== null) {
    notify(store, 'error', problem);
    return false;
  }
  if (datasetFormat(dataset) === 'preference') {
    notify(store, 'error', `${name(dataset.filePath!)} holds preference (DPO) pairs; a chat example would mix formats, which the API rejects. Open a supervised dataset to add it, or press p for a pair.`);
    return false;
  }
  if (recentlyAdded(dataset, line)) {
    const message = `This conversation is already in ${name(dataset.filePath!)}, just added; go on with it, or u on the Dataset screen takes it back.`;
    if (corrected === undefined) notify(store, 'info', message);
    else store.dispatch({ type: 'chat/correctionAdded', text: corrected, at: now, message });
    return true;
  }
  store.dispatch({ type: 'dataset/appendLines', lines: [line] });
  const turns = historyOf(chat.turns).filter((m) => m.role === 'user').length;
  const message = `Added the conversation (${turns} turn${turns === 1 ? '' : 's'}) to ${name(dataset.filePath!)} as example ${store.getState().dataset.rows.length} (u undoes it on the Dataset screen; ctrl+s there saves).`;
  if (corrected === undefined) notify(store, 'success', message);
  else store.dispatch({ type: 'chat/correctionAdded', text: corrected, at: now, message });
  return true;
}

/** Where pairs go unless the user says otherwise: `train.dpo.jsonl` beside `train.jsonl`. */
export function defaultPreferencePath(datasetPath: string | null): string {
  if (datasetPath === null) return 'preferences.dpo.jsonl';
  const ext = extname(datasetPath);
  return join(dirname(datasetPath), `${basename(datasetPath, ext)}.dpo${ext || '.jsonl'}`);
}

const PAIR_PROBLEMS = {
  no_pair: 'Nothing to prefer yet: compare two models (c), or regenerate the reply (r), so there are two replies to choose between.',
  streaming: 'Wait for the replies to finish (or stop them with x) first.',
  no_user_turn: 'The replies must answer a message of yours.',
  empty_reply: 'Both replies need text to make a pair.',
  identical: 'The two replies are the same: there is nothing to prefer.',
} as const;

/**
 * Adds the last turn's preference pair. With no DPO file chosen yet, asks for one (`ask`
 * opens the path field); the open dataset takes pairs itself when it is a DPO file.
 */
export async function addPreferencePair(store: Store, ask: (initial: string) => void): Promise<void> {
  const { chat, dataset } = store.getState();
  const pair = preferencePair(chat.turns);
  if ('problem' in pair) return notify(store, 'error', PAIR_PROBLEMS[pair.problem]);
  if (dataset.filePath !== null && dataset.status === 'ready' && datasetFormat(dataset) === 'preference') {
    if (recentlyAdded(dataset, pair.line)) return notify(store, 'info', `This pair is already in ${name(dataset.filePath)}.`);
    store.dispatch({ type: 'dataset/appendLines', lines: [pair.line] });
    return notify(store, 'success', `Added a preference pair to ${name(dataset.filePath)} (${pair.preferred} preferred over ${pair.nonPreferred}); ctrl+s on the Dataset screen saves it.`);
  }
  if (chat.preferenceFile === null) return ask(defaultPreferencePath(dataset.filePath));
  await writePair(store, chat.preferenceFile, pair);
}

/** The path typed for the pairs: remembered for the session once a pair went in. */
export async function choosePreferenceFile(store: Store, typed: string): Promise<void> {
  const path = resolve(typed.trim());
  const { chat, dataset } = store.getState();
  if (dataset.filePath !== null && resolve(dataset.filePath) === path && datasetFormat(dataset) !== 'preference') {
    return notify(store, 'error', `${name(path)} is the open dataset, which holds chat examples: preference pairs go in a file of their own (mixing the two is rejected).`);
  }
  const pair = preferencePair(chat.turns);
  if ('problem' in pair) return notify(store, 'error', PAIR_PROBLEMS[pair.problem]);
  if (await writePair(store, path, pair)) store.dispatch({ type: 'chat/preferenceFile', path });
}

async function writePair(store: Store, path: string, pair: { line: string; preferred: string; nonPreferred: string }): Promise<boolean> {
  if (store.getState().chat.pairsWritten.includes(pair.line)) {
    notify(store, 'info', `This pair is already in ${name(path)}.`);
    return true;
  }
  // Marked before the write starts: a p pressed again meanwhile finds it.
  store.dispatch({ type: 'chat/pairWriting', line: pair.line });
  try {
    const { created } = await appendPreferenceLine(path, pair.line);
    notify(store, 'success', `Added a preference pair to ${name(path)}${created ? ' (new file)' : ''}: ${pair.preferred} preferred over ${pair.nonPreferred}.`);
    return true;
  } catch (error) {
    store.dispatch({ type: 'chat/pairWriteFailed', line: pair.line });
    notify(store, 'error', error instanceof ChatFileError ? error.message : String(error));
    return false;
  }
}

/** `chat-2026-11-01-1230.jsonl` beside the open dataset, or in the current folder. */
export function defaultChatPath(datasetPath: string | null, now: number): string {
  const stamp = new Date(now).toISOString().slice(0, 16).replace('T', '-').replace(':', '');
  const file = `chat-${stamp}.jsonl`;
  return datasetPath === null ? file : join(dirname(datasetPath), file);
}

export async function saveChat(store: Store, typed: string): Promise<void> {
  const path = resolve(typed.trim());
  const { chat } = store.getState();
  const messages = chatMessages(chat);
  if (messages.length === 0) return notify(store, 'error', 'Nothing to save yet: the conversation is empty.');
  try {
    await saveChatFile(path, { systemPrompt: chat.systemPrompt, messages });
    notify(store, 'success', `Saved the conversation (${messages.length} messages) to ${path}; o opens it again.`);
  } catch (error) {
    notify(store, 'error', error instanceof ChatFileError ? error.message : String(error));
  }
}

export async function loadChat(store: Store, typed: string): Promise<void> {
  const path = resolve(typed.trim());
  try {
    const saved = await loadChatFile(path);
    store.dispatch({ type: 'chat/loaded', systemPrompt: saved.systemPrompt, messages: saved.messages, message: `Opened ${name(path)}: ${saved.messages.length} messages. Write to go on with it.` });
  } catch (error) {
    notify(store, 'error', error instanceof ChatFileError ? error.message : String(error));
  }
}
