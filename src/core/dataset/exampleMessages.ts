// An example's messages as people read them, for the Dataset screen's preview and its find:
// the role (a preference pair's answers are labelled preferred / not preferred), the text, and
// each tool call as the open example shows it (`name(arguments)  id`).
import { messagesOf, parseExample } from './example.js';
import { describeToolCalls } from './toolJson.js';

export interface ReadableMessage {
  role: string;
  /** What the preview heads the message with, beyond its role: weight, tool_call_id, preference. */
  notes: string[];
  text: string;
  calls: string[];
}

export type ReadableExample =
  | { kind: 'messages'; messages: ReadableMessage[]; tools: number }
  /** Not a JSON object (or blank): the line is shown and searched as text. */
  | { kind: 'text'; problem: string; text: string }
  /** Too big to parse for a glance (see READABLE_MAX_BYTES). */
  | { kind: 'big'; bytes: number };

function readable(list: unknown, notes: string[] = []): ReadableMessage[] {
  return messagesOf({ messages: Array.isArray(list) ? list : [] }).map((m) => {
    const extra = [...notes];
    if (m.role === 'assistant' && m.weight !== undefined) extra.push(m.weight === 0 ? 'weight 0 (not trained)' : `weight ${m.weight}`);
    if (m.role === 'tool' && typeof m.rest.tool_call_id === 'string') extra.push(`for ${m.rest.tool_call_id}`);
    if (Array.isArray(m.rest.content)) extra.push('content parts');
    return { role: m.role, notes: extra, text: m.content, calls: describeToolCalls(m.rest.tool_calls) };
  });
}

/** The example in `text` as readable messages; a line that is not a JSON object stays text. */
export function readableExample(text: string): ReadableExample {
  if (text.trim() === '') return { kind: 'text', problem: 'a blank line', text: '' };
  const parsed = parseExample(text);
  if (!parsed.ok) return { kind: 'text', problem: parsed.message, text };
  const value = parsed.value;
  const input = typeof value.input === 'object' && value.input !== null ? (value.input as { messages?: unknown }) : null;
  const messages = Array.isArray(value.messages)
    ? readable(value.messages)
    : [...readable(input?.messages), ...readable(value.preferred_output, ['preferred']), ...readable(value.non_preferred_output, ['not preferred'])];
  const tools = Array.isArray(value.tools) ? value.tools.length : 0;
  // An example without messages in another provider's format (prompt/completion, plain text):
  // its text fields, each read as a message named after its field.
  if (messages.length === 0) {
    const fields = TEXT_FIELDS.filter((key) => typeof value[key] === 'string').map((key): ReadableMessage => ({ role: key, notes: [], text: value[key] as string, calls: [] }));
    if (fields.length > 0) return { kind: 'messages', messages: fields, tools };
  }
  return { kind: 'messages', messages, tools };
}

/** The text fields of an example without messages (Together's prompt/completion and text formats). */
export const TEXT_FIELDS = ['prompt', 'completion', 'text'] as const;

/** Rows larger than this are not parsed for the preview: it would hold up the keys that move past them. */
export const READABLE_MAX_BYTES = 256 * 1024;

const readableRows = new WeakMap<object, ReadableExample>();

/**
 * The row's example, parsed once per row object (rows are immutable: an edit makes a new one);
 * a row over READABLE_MAX_BYTES is not decoded at all.
 */
export function readableRow(row: { readonly text: string; readonly bytes?: Buffer }): ReadableExample {
  const known = readableRows.get(row);
  if (known !== undefined) return known;
  const size = row.bytes?.length ?? row.text.length;
  const example: ReadableExample =
    size > READABLE_MAX_BYTES ? { kind: 'big', bytes: size } : readableExample(row.text);
  readableRows.set(row, example);
  return example;
}
