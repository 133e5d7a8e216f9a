// The one place that decides what looks like a secret. Everything ftui writes where a person or
// a log could keep it (stderr one-liners, crash logs, `ftui validate` output, the sandbox's
// request log) goes through `redact`, so a key that reached an error message is not printed.
//
// Three nets, because any one alone misses keys:
// - the value of every variable a key was read from, whatever its name (`--api-key-env MY_CRED`,
//   a profile's apiKeyEnv): createProvider and the CLI report those names here;
// - the value of any variable whose name says it is a secret (…KEY, …TOKEN, …SECRET, …PASSWORD);
// - text shaped like a key or a credential header, for keys that came from anywhere else.

const keyVariables = new Set<string>(['OPENAI_API_KEY']);

/** Marks an environment variable as holding a key: its value is redacted from every output. */
export function treatAsSecret(variable: string): void {
  keyVariables.add(variable);
}

const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD|CREDENTIAL/i;
// Shorter values are too likely to be ordinary words ("true", a port) to blank out everywhere.
const MIN_SECRET_LENGTH = 8;

// Every replacement is plain ASCII without quotes or backslashes, so redacting the text of a JSON
// string leaves it valid JSON; the character classes never cross a quote for the same reason.
const SHAPES: ReadonlyArray<[RegExp, string]> = [
  // Authorization headers and the Azure-style api-key header.
  [/\b(Bearer\s+)[A-Za-z0-9._~+/=-]{6,}/g, '$1[redacted]'],
  [/\b(Authorization["']?\s*[:=]\s*["']?)(?!Bearer\s)[A-Za-z0-9._~+/=-]{6,}/gi, '$1[redacted]'],
  [/\b(api[-_]?key)(["']?\s*[:=]\s*["']?)[A-Za-z0-9._~+/=-]{6,}/gi, '$1$2[redacted]'],
  // OpenAI (sk-, sk-proj-, sk-svcacct-, sk-admin-), Anthropic-style sk-ant-, Together (tgp_v1_).
  [/\bsk-[A-Za-z0-9_-]{16,}/g, '[redacted key]'],
  [/\btgp_v1_[A-Za-z0-9_-]{16,}/g, '[redacted key]'],
  // Together's older keys: 64 hexadecimal characters.
  [/\b[0-9a-f]{64}\b/gi, '[redacted key]'],
];

function secretValues(env: NodeJS.ProcessEnv): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(env)) {
    if (value && value.length >= MIN_SECRET_LENGTH && (keyVariables.has(name) || SECRET_NAME.test(name))) out.push([name, value]);
  }
  // Longest first, so a value that contains another is replaced whole.
  return out.sort((a, b) => b[1].length - a[1].length);
}

/** The text with every key it holds replaced by a label saying what was there. */
export function redact(text: string, env: NodeJS.ProcessEnv = process.env): string {
  let out = text;
  for (const [name, value] of secretValues(env)) {
    if (out.includes(value)) out = out.split(value).join(`[${name} redacted]`);
  }
  for (const [shape, replacement] of SHAPES) out = out.replace(shape, replacement);
  return out;
}

/**
 * A JSON-able value with `redact` applied to every string in it (keys included), for documents
 * such as `ftui validate --json`: redacting the serialised text could cut through an escape.
 * Iterative, so a deeply nested value cannot overflow the stack.
 */
export function redactDeep<T>(value: T, env: NodeJS.ProcessEnv = process.env): T {
  const secrets = secretValues(env);
  const one = (text: string): string => {
    let out = text;
    for (const [name, secret] of secrets) if (out.includes(secret)) out = out.split(secret).join(`[${name} redacted]`);
    for (const [shape, replacement] of SHAPES) {
      shape.lastIndex = 0;
      if (shape.test(out)) out = out.replace(shape, replacement);
    }
    return out;
  };
  if (typeof value === 'string') return one(value) as T;
  if (typeof value !== 'object' || value === null) return value;
  const root: unknown = Array.isArray(value) ? [] : {};
  const stack: Array<[unknown, Record<string, unknown> | unknown[]]> = [[value, root as Record<string, unknown>]];
  while (stack.length > 0) {
    const [from, to] = stack.pop() as [Record<string, unknown> | unknown[], Record<string, unknown> | unknown[]];
    for (const [key, item] of Object.entries(from)) {
      let copy: unknown = item;
      if (typeof item === 'string') copy = one(item);
      else if (typeof item === 'object' && item !== null) {
        copy = Array.isArray(item) ? [] : {};
        stack.push([item, copy as Record<string, unknown>]);
      }
      if (Array.isArray(to)) to[Number(key)] = copy;
      else to[one(key)] = copy;
    }
  }
  return root as T;
}
