// The check Together runs on an uploaded file before it is usable (the file's validation
// report): one dataset format for every line (conversation `messages`, instruction
// `prompt`/`completion`, plain `text`, or OpenAI-style preference pairs), roles from system,
// user and assistant alternating, an assistant turn in every conversation, weights 0 or 1.
// Written from Together's documentation of its data formats; the first problem is reported
// with its line, as the service's report does.

export type DatasetFormat = 'conversation' | 'instruction' | 'general' | 'preference_openai';

export type FileCheck =
  | { ok: true; format: DatasetFormat; lines: number; tokens: number }
  | { ok: false; message: string; line: number | null; lines: number };

const COLUMNS: Record<DatasetFormat, string[]> = {
  general: ['text'],
  conversation: ['messages'],
  instruction: ['prompt', 'completion'],
  preference_openai: ['input', 'preferred_output', 'non_preferred_output'],
};

const ROLES = ['system', 'user', 'assistant'];

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function messagesProblem(messages: unknown, requireAssistant: boolean): string | null {
  if (!Array.isArray(messages) || messages.length === 0) return 'the `messages` column must be a non-empty list';
  const weighted = messages.some((m) => isObject(m) && 'weight' in m);
  let previous: string | null = null;
  let assistant = false;
  for (const m of messages) {
    if (!isObject(m)) return 'the `messages` column must be a list of dicts';
    if (typeof m.role !== 'string' || typeof m.content !== 'string') return 'every message needs a string `role` and `content`';
    if (!ROLES.includes(m.role)) return `invalid role \`${m.role}\`; possible roles: ${ROLES.join(', ')}`;
    if (previous !== null && m.role === previous) return 'conversation roles must alternate between user and assistant after the optional system message';
    if (weighted && m.weight !== undefined && m.weight !== 0 && m.weight !== 1) return 'weight must be 0 or 1';
    previous = m.role;
    assistant ||= m.role === 'assistant';
  }
  if (requireAssistant && !assistant) return 'at least one message with the assistant role must be present';
  return null;
}

function preferenceProblem(line: Record<string, unknown>): string | null {
  if (!isObject(line.input) || !Array.isArray(line.input.messages)) return 'the `input` field must be a dictionary with `messages`';
  const p = messagesProblem(line.input.messages, false);
  if (p !== null) return p;
  if ((line.input.messages.at(-1) as Record<string, unknown>).role === 'assistant') return 'the last input message must not be from the assistant';
  for (const key of ['preferred_output', 'non_preferred_output']) {
    const out = line[key];
    if (!Array.isArray(out) || out.length !== 1 || !isObject(out[0]) || out[0].role !== 'assistant' || typeof out[0].content !== 'string') {
      return `\`${key}\` must be a list of exactly one assistant message with string content`;
    }
  }
  return null;
}

function formatOf(line: Record<string, unknown>): DatasetFormat | string {
  const found = (Object.keys(COLUMNS) as DatasetFormat[]).filter((f) => COLUMNS[f].every((c) => c in line));
  if (found.length === 0) return `could not detect a format from the columns: ${Object.keys(line).join(', ')}`;
  const format = found[0]!;
  const extra = Object.keys(line).find((k) => !COLUMNS[format].includes(k));
  return extra === undefined ? format : `extra column "${extra}"`;
}

const approxTokens = (value: unknown): number => Math.max(1, Math.ceil(JSON.stringify(value).length / 4));

export function checkTogetherFile(text: string, purpose: string): FileCheck {
  const rows = text.split('\n');
  let format: DatasetFormat | null = null;
  let lines = 0;
  let tokens = 0;
  const fail = (line: number | null, message: string): FileCheck => ({ ok: false, line, lines, message });
  if (text.trim() === '') return fail(null, 'File is empty');
  for (const [i, raw] of rows.entries()) {
    if (raw.trim() === '') continue;
    const n = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return fail(n, `Error parsing json payload. Unexpected format on line ${n}.`);
    }
    if (!isObject(value)) return fail(n, `Line ${n} is not a JSON object.`);
    lines += 1;
    tokens += approxTokens(value);
    if (purpose === 'eval') continue;
    const f = formatOf(value);
    if (!(f in COLUMNS)) return fail(n, `Invalid format on line ${n}: ${f}.`);
    const lineFormat = f as DatasetFormat;
    if (format !== null && lineFormat !== format) return fail(n, `All samples in the dataset must have the same format: ${format} on the first line, ${lineFormat} on line ${n}.`);
    format = lineFormat;
    const problem =
      lineFormat === 'conversation'
        ? messagesProblem(value.messages, true)
        : lineFormat === 'preference_openai'
          ? preferenceProblem(value)
          : COLUMNS[lineFormat].find((c) => typeof value[c] !== 'string')
            ? `"${COLUMNS[lineFormat].find((c) => typeof value[c] !== 'string')}" must be a string`
            : null;
    if (problem !== null) return fail(n, `Invalid format on line ${n}: ${problem}.`);
  }
  if (lines === 0) return fail(null, 'File is empty');
  return { ok: true, format: format ?? 'conversation', lines, tokens };
}
