// Reading and writing one example's JSON for the Dataset screen: a summary for the list, and the
// messages as the editor shows them. Keys ftui does not know are carried through untouched.
import { columnOf, locateJsonError } from '../validate/jsonError.js';
import { exceedsDepth, MAX_DEPTH } from '../validate/structure.js';

export type Parsed = { ok: true; value: Record<string, unknown> } | { ok: false; message: string; column: number };

export function parseExample(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const error = locateJsonError(text);
    const column = columnOf(text, error?.offset ?? 0);
    return { ok: false, message: `not valid JSON at column ${column}: ${error?.message ?? 'cannot be parsed'}`, column };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: 'not a JSON object', column: 1 };
  // Too deep to edit or re-serialise safely (both recurse): it stays text, like invalid JSON.
  if (exceedsDepth(value)) return { ok: false, message: `nested more than ${MAX_DEPTH} levels deep`, column: 1 };
  return { ok: true, value: value as Record<string, unknown> };
}

export function serializeExample(value: unknown): string {
  return JSON.stringify(value);
}

export interface EditableMessage {
  role: string;
  /** The text; for content given as parts, the text parts joined (read-only in the editor). */
  content: string;
  /** Content is not a plain string (parts, null with tool calls): the editor does not rewrite it. */
  structured: boolean;
  weight?: number;
  /** Every other key of the message, kept as it was. */
  rest: Record<string, unknown>;
}

export interface RowSummary {
  kind: 'example' | 'invalid' | 'blank';
  /** First line of the first user message (or the problem, for invalid rows). */
  title: string;
  turns: number;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((p) => (typeof p === 'object' && p !== null && (p as { type?: unknown }).type === 'text' ? String((p as { text?: unknown }).text ?? '') : '[image]'))
      .join(' ');
  }
  return '';
}

export function messagesOf(value: Record<string, unknown>): EditableMessage[] {
  const list = Array.isArray(value.messages) ? value.messages : [];
  return list.map((m): EditableMessage => {
    const message = typeof m === 'object' && m !== null ? (m as Record<string, unknown>) : {};
    const { role, content, weight, ...rest } = message;
    const edit: EditableMessage = { role: typeof role === 'string' ? role : String(role ?? ''), content: textOf(content), structured: typeof content !== 'string', rest };
    if (content !== undefined && typeof content !== 'string') edit.rest = { ...rest, content };
    if (typeof weight === 'number') edit.weight = weight;
    else if (weight !== undefined) edit.rest = { ...edit.rest, weight };
    return edit;
  });
}

/** The example with its messages replaced; other top-level keys keep their place and value. */
export function withMessages(value: Record<string, unknown>, messages: readonly EditableMessage[]): Record<string, unknown> {
  const out = messages.map((m) => {
    const message: Record<string, unknown> = { role: m.role };
    if (!m.structured) message.content = m.content;
    Object.assign(message, m.rest);
    if (m.weight !== undefined) message.weight = m.weight;
    return message;
  });
  return 'messages' in value ? { ...value, messages: out } : { messages: out, ...value };
}

export function summarize(text: string): RowSummary {
  if (text.trim().length === 0) return { kind: 'blank', title: '(blank line)', turns: 0 };
  const parsed = parseExample(text);
  if (!parsed.ok) return { kind: 'invalid', title: `invalid: ${parsed.message}`, turns: 0 };
  const value = parsed.value;
  const messages = Array.isArray(value.messages)
    ? value.messages
    : typeof value.input === 'object' && value.input !== null && Array.isArray((value.input as { messages?: unknown }).messages)
      ? ((value.input as { messages: unknown[] }).messages)
      : [];
  const user = messages.find((m) => typeof m === 'object' && m !== null && (m as { role?: unknown }).role === 'user') as { content?: unknown } | undefined;
  const title = user ? textOf(user.content).split('\n', 1)[0]?.trim() ?? '' : '(no user message)';
  return { kind: 'example', title: title || '(empty)', turns: messages.length };
}
