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
