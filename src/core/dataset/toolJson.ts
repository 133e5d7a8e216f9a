// Tool calls and tool definitions as the Dataset editor shows them: pretty JSON a person can edit,
// checked before it goes back into the example. A call's `arguments` is a JSON string in the
// API's format; here it is shown (and edited) as the JSON it holds, and written back as a string.
import { lineAndColumn, locateJsonError } from '../validate/jsonError.js';

export type JsonEdit = { ok: true; value: unknown[] } | { ok: false; message: string };

interface EditedCall {
  id?: unknown;
  name?: unknown;
  arguments?: unknown;
}

/** Where a JSON text fails, as "line L, column C: what". */
function whereItFails(text: string): string {
  const error = locateJsonError(text);
  if (error === null) return 'not valid JSON';
  return `not valid JSON at ${lineAndColumn(text, error.offset)}: ${error.message}`;
}

function parse(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, message: whereItFails(text) };
  }
}

/** An assistant message's tool_calls, for editing: [{ id, name, arguments }] with arguments parsed. */
export function toolCallsForEditing(calls: unknown): string {
  const list = Array.isArray(calls) ? calls : [];
  const shown = list.map((call) => {
    const c = (typeof call === 'object' && call !== null ? call : {}) as { id?: unknown; function?: { name?: unknown; arguments?: unknown } };
    const raw = c.function?.arguments;
    let args: unknown = raw ?? {};
    if (typeof raw === 'string') {
      const parsed = parse(raw);
      args = parsed.ok ? parsed.value : raw;
    }
    return { id: c.id ?? '', name: c.function?.name ?? '', arguments: args };
  });
  return JSON.stringify(shown.length > 0 ? shown : [{ id: 'call_1', name: '', arguments: {} }], null, 2);
}

/** The edited text back as tool_calls in the API's format, or what is wrong with it (with where). */
export function parseEditedToolCalls(text: string): JsonEdit {
  const parsed = parse(text);
  if (!parsed.ok) return parsed;
  if (!Array.isArray(parsed.value)) return { ok: false, message: 'tool calls must be a JSON array: [{ "id", "name", "arguments" }]' };
  const calls: unknown[] = [];
  for (const [i, item] of parsed.value.entries()) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return { ok: false, message: `call ${i + 1} is not an object with "name" and "arguments"` };
    const call = item as EditedCall;
    if (typeof call.name !== 'string' || call.name.trim() === '') return { ok: false, message: `call ${i + 1} needs a "name": the function it calls` };
    const id = typeof call.id === 'string' && call.id !== '' ? call.id : `call_${i + 1}`;
    const args = call.arguments ?? {};
    if (typeof args === 'string') {
      if (!parse(args).ok) return { ok: false, message: `call ${i + 1} (${call.name}): "arguments" must be JSON; ${whereItFails(args)}` };
    } else if (typeof args !== 'object' || args === null || Array.isArray(args)) {
      return { ok: false, message: `call ${i + 1} (${call.name}): "arguments" must be a JSON object` };
    }
    calls.push({ id, type: 'function', function: { name: call.name, arguments: typeof args === 'string' ? args : JSON.stringify(args) } });
  }
  return { ok: true, value: calls };
}

/** The example's `tools`, for editing. */
export function toolsForEditing(tools: unknown): string {
  return JSON.stringify(Array.isArray(tools) ? tools : [], null, 2);
}

/** The edited tool definitions, or what is wrong with them. An empty list removes `tools`. */
export function parseEditedTools(text: string): JsonEdit {
  if (text.trim() === '') return { ok: true, value: [] };
  const parsed = parse(text);
  if (!parsed.ok) return parsed;
  if (!Array.isArray(parsed.value)) return { ok: false, message: 'tools must be a JSON array of { "type": "function", "function": { "name", … } }' };
  for (const [i, tool] of parsed.value.entries()) {
    const t = (typeof tool === 'object' && tool !== null ? tool : {}) as { type?: unknown; function?: { name?: unknown } };
    if (t.type !== 'function') return { ok: false, message: `tool ${i + 1} needs "type": "function"` };
    if (typeof t.function?.name !== 'string' || t.function.name === '') return { ok: false, message: `tool ${i + 1} needs "function": { "name": … }` };
  }
  return { ok: true, value: parsed.value };
}

/** One line per call for display: name(arguments). */
export function describeToolCalls(calls: unknown): string[] {
  if (!Array.isArray(calls)) return [];
  return calls.map((call) => {
    const c = (typeof call === 'object' && call !== null ? call : {}) as { id?: unknown; function?: { name?: unknown; arguments?: unknown } };
    const args = typeof c.function?.arguments === 'string' ? c.function.arguments : JSON.stringify(c.function?.arguments ?? {});
    return `${String(c.function?.name ?? '?')}(${args})${typeof c.id === 'string' ? `  ${c.id}` : ''}`;
  });
}

/** The names of the example's tools, for a one-line summary. */
export function toolNames(tools: unknown): string[] {
  if (!Array.isArray(tools)) return [];
  return tools.map((t) => String((t as { function?: { name?: unknown } })?.function?.name ?? '?'));
}
