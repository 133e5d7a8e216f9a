// Together AI's data rules, for its models: its documented formats (conversation `messages`,
// instruction `prompt`/`completion`, plain `text`, OpenAI-style preference pairs) and what its
// SDK's local check (together-ai lib/check-file.ts) and server-side file check refuse: roles
// other than system/user/assistant, roles that do not alternate, a conversation without an
// assistant turn, non-text content, weights other than 0/1, keys beyond the format's, malformed
// preference pairs. Each finding has its line, JSON path and fix hint like every other finding.
import { isPlainObject } from '../context.js';
import type { ExampleContext } from '../context.js';

const COLUMNS = {
  conversation: ['messages'],
  instruction: ['prompt', 'completion'],
  general: ['text'],
  preference: ['input', 'preferred_output', 'non_preferred_output'],
} as const;
export type TogetherFormat = keyof typeof COLUMNS;

const ROLES = new Set(['system', 'user', 'assistant']);

/** The format a line is in (the first whose columns it has), or null. */
export function togetherFormat(value: Record<string, unknown>): TogetherFormat | null {
  for (const format of Object.keys(COLUMNS) as TogetherFormat[]) {
    if (COLUMNS[format].every((c) => c in value)) return format;
  }
  return null;
}

function checkMessages(ctx: ExampleContext, messages: unknown, path: string, requireAssistant: boolean): void {
  if (!Array.isArray(messages)) return;
  const weighted = messages.some((m) => isPlainObject(m) && 'weight' in m);
  let previous: string | null = null;
  let assistant = false;
  messages.forEach((m, i) => {
    const at = `${path}[${i}]`;
    if (!isPlainObject(m)) return;
    const role = m.role;
    if (typeof role !== 'string' || typeof m.content !== 'string') {
      ctx.report('together_content_not_string', typeof role !== 'string' ? `${at}.role` : `${at}.content`, `Message ${i} needs a string "role" and "content" for Together.`);
    }
    if (typeof role === 'string' && !ROLES.has(role)) ctx.report('together_role_not_allowed', `${at}.role`, `Together does not take the role "${role}".`);
    if (typeof role === 'string' && role === previous) ctx.report('together_roles_not_alternating', `${at}.role`, `Message ${i} is a second "${role}" message in a row.`);
    if (weighted && 'weight' in m && m.weight !== 0 && m.weight !== 1) ctx.report('together_weight_invalid', `${at}.weight`, `"weight" is ${JSON.stringify(m.weight)}; Together takes 0 or 1.`);
    if (typeof role === 'string') previous = role;
    if (role === 'assistant') assistant = true;
  });
  if (requireAssistant && messages.length > 0 && !assistant) ctx.report('together_no_assistant', path, 'The conversation has no assistant message.');
}

function checkPreference(ctx: ExampleContext, value: Record<string, unknown>): void {
  const input = value.input;
  if (isPlainObject(input) && Array.isArray(input.messages)) {
    checkMessages(ctx, input.messages, 'input.messages', false);
    const last = input.messages.at(-1);
    if (isPlainObject(last) && last.role === 'assistant') ctx.report('together_preference_shape', `input.messages[${input.messages.length - 1}]`, 'The input ends with an assistant message; the outputs are the answers.');
  }
  for (const key of ['preferred_output', 'non_preferred_output']) {
    const out = value[key];
    const ok = Array.isArray(out) && out.length === 1 && isPlainObject(out[0]) && out[0].role === 'assistant' && typeof out[0].content === 'string';
    if (!ok) ctx.report('together_preference_shape', key, `"${key}" must be a list of exactly one assistant message with text content.`);
  }
}

/**
 * Together's findings for one parsed line (an object). Returns the line's format, so the caller
 * can count instruction and text lines, which OpenAI's rules do not take.
 */
export function checkTogetherExample(ctx: ExampleContext, value: Record<string, unknown>): TogetherFormat | null {
  const format = togetherFormat(value);
  if (format === null) {
    ctx.report('together_unknown_format', null, `No Together format fits the keys ${Object.keys(value).map((k) => JSON.stringify(k)).join(', ') || '(none)'}.`);
    return null;
  }
  for (const key of Object.keys(value)) {
    if (!(COLUMNS[format] as readonly string[]).includes(key)) ctx.report('together_extra_column', key, `The key "${key}" is not part of the ${format} format.`);
  }
  if (format === 'conversation') checkMessages(ctx, value.messages, 'messages', true);
  else if (format === 'preference') checkPreference(ctx, value);
  else {
    for (const key of COLUMNS[format]) {
      if (typeof value[key] !== 'string') ctx.report('together_content_not_string', key, `"${key}" must be text.`);
    }
  }
  return format;
}
