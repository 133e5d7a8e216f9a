// Checks a training or validation file the way the service does when a job starts: every line
// a JSON object in the method's shape, at least 10 examples. The first problem is reported
// with its line number, as the job's error.

export const MIN_EXAMPLES = 10;

export type DataCheck =
  | { ok: true; examples: number; tokens: number }
  | { ok: false; message: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function messageProblem(messages: unknown, key: string): string | null {
  if (!Array.isArray(messages) || messages.length === 0) return `key "${key}" must be a non-empty array of messages`;
  for (const [i, m] of messages.entries()) {
    if (!isObject(m) || typeof m.role !== 'string') return `message ${i + 1} in "${key}" has no "role"`;
    if (!['system', 'developer', 'user', 'assistant', 'tool'].includes(m.role)) return `message ${i + 1} in "${key}" has an unknown role "${m.role}"`;
    const hasToolCalls = Array.isArray(m.tool_calls) && m.tool_calls.length > 0;
    if (!hasToolCalls && typeof m.content !== 'string' && !Array.isArray(m.content)) return `message ${i + 1} in "${key}" has no "content"`;
  }
  return null;
}

function countTokens(value: unknown): number {
  // About four characters a token: good enough for a simulated trained_tokens figure.
  return Math.max(1, Math.ceil(JSON.stringify(value).length / 4));
}

function exampleProblem(value: unknown, method: 'supervised' | 'dpo'): string | null {
  if (!isObject(value)) return 'expected a JSON object';
  if (method === 'dpo') {
    if (!isObject(value.input)) return 'key "input" is missing (DPO examples need input, preferred_output and non_preferred_output)';
    const inputProblem = messageProblem(value.input.messages, 'input.messages');
    if (inputProblem !== null) return inputProblem;
    for (const key of ['preferred_output', 'non_preferred_output']) {
      const p = messageProblem(value[key], key);
      if (p !== null) return p;
      const last = (value[key] as Record<string, unknown>[]).at(-1);
      if (last?.role !== 'assistant') return `key "${key}" must end with an assistant message`;
    }
    return null;
  }
  const p = messageProblem(value.messages, 'messages');
  if (p !== null) return p;
  const last = (value.messages as Record<string, unknown>[]).at(-1);
  if (last?.role !== 'assistant') return 'the last message in "messages" must have the role "assistant"';
  return null;
}

export function checkTrainingData(text: string, method: 'supervised' | 'dpo', filename: string): DataCheck {
  const lines = text.split('\n');
  let examples = 0;
  let tokens = 0;
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { ok: false, message: `The file ${filename} is not valid JSONL: line ${index + 1} is not valid JSON.` };
    }
    const problem = exampleProblem(value, method);
    if (problem !== null) return { ok: false, message: `Invalid file format in ${filename}: line ${index + 1}, ${problem}.` };
    examples += 1;
    tokens += countTokens(value);
  }
  if (examples < MIN_EXAMPLES) {
    return { ok: false, message: `The file ${filename} has ${examples} example(s), but it must have at least ${MIN_EXAMPLES} examples.` };
  }
  return { ok: true, examples, tokens };
}
