// What a conversation becomes in a dataset: a supervised example (the system prompt and every
// turn, as the fine-tuning API takes chat examples) or a preference pair (DPO: the conversation up
// to the user's last turn as `input`, one reply preferred over another). Shared by the Chat
// screen and `ftui chat`.
import { looksLikePreference } from '../validate/rules/preference.js';

export type ChatRole = 'system' | 'user' | 'assistant';

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

/** The messages a request carries: the system prompt (when there is one) and then the turns. */
export function withSystem(systemPrompt: string, messages: readonly ChatMessage[]): ChatMessage[] {
  return systemPrompt.trim() === '' ? [...messages] : [{ role: 'system', content: systemPrompt }, ...messages];
}

/**
 * One supervised example (a JSONL line) for the whole conversation, or null when it does not end
 * with a reply that has text (nothing for the model to learn). Turns with no text (a failed
 * request) are left out, as they were never part of what the model saw.
 */
export function supervisedExample(systemPrompt: string, messages: readonly ChatMessage[]): string | null {
  const turns = messages.filter((m) => m.content.trim() !== '');
  if (turns.at(-1)?.role !== 'assistant' || !turns.some((m) => m.role === 'user')) return null;
  return JSON.stringify({ messages: withSystem(systemPrompt, turns) });
}

export type PreferenceProblem = 'no_user_turn' | 'empty_reply' | 'identical';

/**
 * One preference (DPO) example as the fine-tuning API takes it:
 * {"input": {"messages": [...]}, "preferred_output": [assistant], "non_preferred_output": [assistant]}.
 * `input` must end with the user's turn both replies answer.
 */
export function preferenceExample(input: readonly ChatMessage[], preferred: string, nonPreferred: string): { line: string } | { problem: PreferenceProblem } {
  if (input.at(-1)?.role !== 'user') return { problem: 'no_user_turn' };
  if (preferred.trim() === '' || nonPreferred.trim() === '') return { problem: 'empty_reply' };
  if (preferred === nonPreferred) return { problem: 'identical' };
  const messages = input.filter((m) => m.content.trim() !== '');
  return {
    line: JSON.stringify({
      input: { messages },
      preferred_output: [{ role: 'assistant', content: preferred }],
      non_preferred_output: [{ role: 'assistant', content: nonPreferred }],
    }),
  };
}

/** What a dataset line holds, as far as mixing formats goes. */
export function lineFormat(text: string): 'chat' | 'preference' | 'other' {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'other';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'other';
  const example = value as Record<string, unknown>;
  if (looksLikePreference(example)) return 'preference';
  return 'messages' in example ? 'chat' : 'other';
}

export interface SharedSystemPrompt {
  text: string;
  /** Examples (of those looked at) that start with it. */
  shared: number;
  /** Chat examples looked at. */
  of: number;
}

/** At most this many examples are read, spread over the file, so a huge dataset costs no more. */
const SAMPLE = 2000;

/**
 * The system prompt the dataset's chat examples share: the most common first system message,
 * when more than half of the examples looked at start with it; null otherwise. Preference
 * examples count by their input's system message.
 */
export function sharedSystemPrompt(lines: { readonly length: number; get(index: number): string }): SharedSystemPrompt | null {
  const step = Math.max(1, lines.length / SAMPLE);
  const counts = new Map<string, number>();
  let of = 0;
  for (let i = 0; i < lines.length; i += step) {
    const messages = messagesOfLine(lines.get(Math.floor(i)));
    if (messages === null) continue;
    of++;
    const first = messages[0] as { role?: unknown; content?: unknown } | undefined;
    if (first?.role === 'system' && typeof first.content === 'string' && first.content.trim() !== '') {
      counts.set(first.content, (counts.get(first.content) ?? 0) + 1);
    }
  }
  let best: SharedSystemPrompt | null = null;
  for (const [text, shared] of counts) if (best === null || shared > best.shared) best = { text, shared, of };
  return best !== null && best.shared * 2 > of ? best : null;
}

function messagesOfLine(text: string): unknown[] | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const example = value as { messages?: unknown; input?: { messages?: unknown } };
  const messages = Array.isArray(example.messages) ? example.messages : Array.isArray(example.input?.messages) ? example.input.messages : null;
  return messages;
}
