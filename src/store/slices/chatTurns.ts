// The conversation the Chat screen holds: user turns and assistant turns, where an assistant turn
// keeps every reply it got — one column per model compared, each with its regenerations and the
// user's corrections — and which of them the conversation goes on with. Pure data and functions;
// the chat slice (./chat.ts) applies actions to it.
import type { ErrorInfo } from '../../core/domain.js';
import { preferenceExample, supervisedExample, withSystem, type ChatMessage, type PreferenceProblem } from '../../core/chat/examples.js';

export type { ChatMessage } from '../../core/chat/examples.js';

export interface Usage {
  promptTokens: number;
  completionTokens: number;
}

export type ReplyState = 'streaming' | 'done' | 'stopped' | 'failed';

export interface ChatReply {
  /** Unique per request, so a late delta of a stopped or replaced stream is ignored. */
  id: number;
  /** The model asked; '' for a reply loaded from a saved chat. */
  model: string;
  /** What the request carried: the system prompt, the conversation so far and the user's turn. */
  input: readonly ChatMessage[];
  text: string;
  state: ReplyState;
  error: ErrorInfo | null;
  usage: Usage | null;
  sentAt: number;
  firstTokenAt: number | null;
  finishedAt: number | null;
  /** Written by the user (a corrected answer), not by the model. */
  edited: boolean;
}

export interface UserTurn {
  role: 'user';
  content: string;
}

export interface AssistantTurn {
  role: 'assistant';
  /** One column per model asked ([the chat model] or [it, the one compared]); each keeps its replies in order. */
  columns: readonly (readonly ChatReply[])[];
  /** The reply on show in each column. */
  shown: readonly number[];
  /** The column whose shown reply the conversation goes on with, and examples use. */
  picked: number;
}

export type ChatTurn = UserTurn | AssistantTurn;

export function shownReply(turn: AssistantTurn, column = turn.picked): ChatReply | undefined {
  return turn.columns[column]?.[turn.shown[column] ?? 0];
}

/** The conversation as the models see it: user turns and, for each assistant turn, the picked reply. */
export function historyOf(turns: readonly ChatTurn[]): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const turn of turns) {
    if (turn.role === 'user') out.push({ role: 'user', content: turn.content });
    else {
      const text = shownReply(turn)?.text ?? '';
      // A request that failed before any text is not part of what was said.
      if (text !== '') out.push({ role: 'assistant', content: text });
    }
  }
  return out;
}

export function lastAssistant(turns: readonly ChatTurn[]): AssistantTurn | undefined {
  const last = turns.at(-1);
  return last?.role === 'assistant' ? last : undefined;
}

export function isStreaming(turns: readonly ChatTurn[]): boolean {
  return lastAssistant(turns)?.columns.some((c) => c.some((r) => r.state === 'streaming')) ?? false;
}

/** Every reply still streaming (only the last turn can have any). */
export function streamingReplies(turns: readonly ChatTurn[]): ChatReply[] {
  return lastAssistant(turns)?.columns.flatMap((c) => c.filter((r) => r.state === 'streaming')) ?? [];
}

export function newReply(id: number, model: string, input: readonly ChatMessage[], at: number): ChatReply {
  return { id, model, input, text: '', state: 'streaming', error: null, usage: null, sentAt: at, firstTokenAt: null, finishedAt: null, edited: false };
}

/** The turns with the reply `id` changed by `change`; the same array when no reply has that id. */
export function updateReply(turns: readonly ChatTurn[], id: number, change: (reply: ChatReply) => ChatReply): readonly ChatTurn[] {
  const last = lastAssistant(turns);
  if (last === undefined) return turns;
  let changed = false;
  const columns = last.columns.map((column) =>
    column.map((reply) => {
      if (reply.id !== id) return reply;
      const next = change(reply);
      if (next !== reply) changed = true;
      return next;
    }),
  );
  return changed ? [...turns.slice(0, -1), { ...last, columns }] : turns;
}

export function replaceLast(turns: readonly ChatTurn[], turn: AssistantTurn): readonly ChatTurn[] {
  return [...turns.slice(0, -1), turn];
}

/** The whole conversation as one supervised example; `corrected` replaces the last reply. */
export function conversationExample(systemPrompt: string, turns: readonly ChatTurn[], corrected?: string): string | null {
  if (isStreaming(turns)) return null;
  const history = historyOf(turns);
  if (corrected !== undefined && history.at(-1)?.role === 'assistant') history[history.length - 1] = { role: 'assistant', content: corrected };
  return supervisedExample(systemPrompt, history);
}

export type PairResult =
  | { line: string; preferred: string; nonPreferred: string }
  | { problem: PreferenceProblem | 'no_pair' | 'streaming' };

/**
 * The preference pair the last turn offers: the picked reply preferred over the other column's
 * (when comparing), or over the most recent other version in its own column (a regeneration or
 * the reply a correction replaced).
 */
export function preferencePair(turns: readonly ChatTurn[]): PairResult {
  const last = lastAssistant(turns);
  if (last === undefined) return { problem: 'no_pair' };
  if (isStreaming(turns)) return { problem: 'streaming' };
  const preferred = shownReply(last);
  if (preferred === undefined) return { problem: 'no_pair' };
  let other: ChatReply | undefined;
  if (last.columns.length > 1) other = shownReply(last, last.picked === 0 ? 1 : 0);
  else {
    const column = last.columns[last.picked]!;
    other = [...column].reverse().find((r) => r !== preferred && r.text !== '');
  }
  if (other === undefined) return { problem: 'no_pair' };
  // The input both replies answered; a correction keeps the input of the reply it corrects.
  const built = preferenceExample(preferred.input, preferred.text, other.text);
  if ('problem' in built) return built;
  return { line: built.line, preferred: label(preferred), nonPreferred: label(other) };
}

function label(reply: ChatReply): string {
  return reply.edited ? 'your correction' : reply.model === '' ? 'the saved reply' : reply.model;
}

/** The request messages for a new reply: the system prompt and the conversation before the reply. */
export function requestInput(systemPrompt: string, turns: readonly ChatTurn[]): ChatMessage[] {
  return withSystem(systemPrompt, historyOf(turns));
}
