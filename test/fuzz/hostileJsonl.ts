// Generators of hostile JSONL: files a careless export, a broken pipe, a bad editor or an attacker
// could hand to ftui. Seeded, so a failing file is made again from its seed. Each file mixes valid
// examples with lines mutated in one of the ways below, plus file-level damage (BOM, CRLF, no
// final newline, empty).
import { seededRandom } from '../../src/core/seededRandom.js';

export type Random = () => number;

export interface HostileFile {
  seed: number;
  /** What was done to it, for the report of a failure. */
  kinds: string[];
  bytes: Buffer;
}

export interface GenerateOptions {
  /** Longest line the huge-line mutations make (bytes); the CI run keeps it small. */
  maxLineBytes: number;
  /** Most lines in one file. */
  maxLines: number;
}

const pick = <T>(rand: Random, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const int = (rand: Random, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const WORDS = ['hello', 'world', 'naïve', 'café', 'こんにちは', '🙂', 'q', 'j', '\\n', 'tab\there', '<|endoftext|>', 'sk-not-a-key', '"quoted"', '</s>', 'ünïcödé', '\u202e', '\u0000'];

function text(rand: Random, words = int(rand, 1, 12)): string {
  return Array.from({ length: words }, () => pick(rand, WORDS)).join(' ');
}

/** A valid chat example of a few turns, sometimes with weights, tools or content parts. */
export function validExample(rand: Random): Record<string, unknown> {
  const messages: Array<Record<string, unknown>> = [];
  if (rand() < 0.7) messages.push({ role: 'system', content: text(rand) });
  for (let turn = int(rand, 1, 3); turn > 0; turn--) {
    messages.push({ role: 'user', content: rand() < 0.1 ? [{ type: 'text', text: text(rand) }] : text(rand) });
    const reply: Record<string, unknown> = { role: 'assistant', content: text(rand) };
    if (rand() < 0.2) reply.weight = int(rand, 0, 1);
    messages.push(reply);
  }
  const example: Record<string, unknown> = { messages };
  if (rand() < 0.1) example.tools = [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } } } } }];
  return example;
}

const OTHER_VALUES: ReadonlyArray<(rand: Random) => unknown> = [
  () => null,
  () => true,
  (rand) => int(rand, -5, 5),
  () => 1e308,
  () => -0,
  (rand) => text(rand),
  () => '',
  () => [],
  () => ({}),
  (rand) => [text(rand), 1, null],
  (rand) => ({ role: text(rand, 1) }),
];

/** Every path in a value, as key lists. */
function paths(value: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

/** The example with the value at one of its paths replaced by a value of another type. */
function wrongType(rand: Random): string {
  const example = validExample(rand);
  const all = paths(example).filter((p) => p.length > 0);
  const path = pick(rand, all);
  let parent: Record<string | number, unknown> = example as Record<string, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path.at(-1) as string | number] = pick(rand, OTHER_VALUES)(rand);
  return JSON.stringify(example);
}

function nested(rand: Random): string {
  const depth = pick(rand, [50, 99, 100, 101, 500, 5000, 20000]);
  const open = Array.from({ length: depth }, () => (rand() < 0.5 ? '[' : '{"k":')).join('');
  const close = open
    .split(/(?=\[|\{"k":)/)
    .reverse()
    .map((o) => (o === '[' ? ']' : '}'))
    .join('');
  return `{"messages":${open}1${close}}`;
}

function hugeLine(rand: Random, max: number): string {
  const size = int(rand, 1000, max);
  const body = pick(rand, [() => 'x'.repeat(size), () => 'word '.repeat(Math.ceil(size / 5)), () => ' '.repeat(size), () => '\\n'.repeat(Math.ceil(size / 2)), () => 'é'.repeat(Math.ceil(size / 2))])();
  return JSON.stringify({ messages: [{ role: 'user', content: body }, { role: 'assistant', content: 'ok' }] });
}

function hugeArray(rand: Random, max: number): string {
  const n = int(rand, 100, Math.max(100, Math.floor(max / 40)));
  const messages = Array.from({ length: n }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: 'm' }));
  return JSON.stringify(rand() < 0.5 ? { messages } : { messages: Array.from({ length: n }, () => 0) });
}

/** Line mutations: each takes a random source and returns the line's text or bytes. */
const MUTATIONS: Record<string, (rand: Random, options: GenerateOptions) => string | Buffer> = {
  valid: (rand) => JSON.stringify(validExample(rand)),
  truncated: (rand) => {
    const line = JSON.stringify(validExample(rand));
    return line.slice(0, int(rand, 0, line.length - 1));
  },
  nulByte: (rand) => {
    const line = JSON.stringify(validExample(rand));
    const at = int(rand, 0, line.length);
    return rand() < 0.5 ? `${line.slice(0, at)}\u0000${line.slice(at)}` : line.replace('"content":"', '"content":"\\u0000');
  },
  invalidUtf8: (rand) => {
    const line = Buffer.from(JSON.stringify(validExample(rand)));
    const bad = pick(rand, [[0xff], [0xc3], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82]]);
    const at = int(rand, 0, line.length);
    return Buffer.concat([line.subarray(0, at), Buffer.from(bad), line.subarray(at)]);
  },
  loneSurrogate: (rand) => JSON.stringify(validExample(rand)).replace('"content":"', `"content":"${pick(rand, ['\\ud800', '\\udfff', '\\ud83d x', 'a\\udc00'])}`),
  duplicateKey: (rand) => JSON.stringify(validExample(rand)).replace('"role":"user"', '"role":"user","role":"assistant"'),
  deep: nested,
  hugeLine: (rand, options) => hugeLine(rand, options.maxLineBytes),
  hugeArray: (rand, options) => hugeArray(rand, options.maxLineBytes),
  wrongType,
  notAnObject: (rand) => pick(rand, ['[]', '1', '"text"', 'null', 'true', '[{"messages":[]}]']),
  blank: (rand) => pick(rand, ['', ' ', '\t', '  \t  ']),
  garbage: (rand) => Array.from({ length: int(rand, 1, 80) }, () => String.fromCharCode(int(rand, 0, 0x7f))).join(''),
  bigNumbers: () => '{"messages":[{"role":"user","content":"n","weight":1e400},{"role":"assistant","content":"x","weight":-0}],"n":123456789012345678901234567890}',
};

export const MUTATION_KINDS = Object.keys(MUTATIONS);

/** One hostile file from a seed: its bytes and what went into it. */
export function hostileFile(seed: number, options: GenerateOptions): HostileFile {
  const rand = seededRandom(seed);
  const kinds = new Set<string>();
  const lines: Buffer[] = [];
  const count = rand() < 0.05 ? 0 : int(rand, 1, options.maxLines);
  for (let i = 0; i < count; i++) {
    const kind = rand() < 0.4 ? 'valid' : pick(rand, MUTATION_KINDS);
    kinds.add(kind);
    const line = MUTATIONS[kind]!(rand, options);
    lines.push(typeof line === 'string' ? Buffer.from(line) : line);
  }
  // File-level damage: line ends, a byte order mark (at the start, or in the middle), the last newline.
  const crlf = rand() < 0.25 ? 'all' : rand() < 0.2 ? 'some' : 'none';
  if (crlf !== 'none') kinds.add(`crlf:${crlf}`);
  const parts: Buffer[] = [];
  lines.forEach((line, i) => {
    parts.push(line);
    const last = i === lines.length - 1;
    if (last && rand() < 0.2) {
      kinds.add('noFinalNewline');
      return;
    }
    parts.push(Buffer.from(crlf === 'all' || (crlf === 'some' && rand() < 0.5) ? '\r\n' : rand() < 0.02 ? '\r' : '\n'));
  });
  let bytes = Buffer.concat(parts);
  if (rand() < 0.15) {
    kinds.add('bom');
    bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
  }
  if (rand() < 0.05 && bytes.length > 10) {
    kinds.add('bomInside');
    const at = int(rand, 1, bytes.length - 1);
    bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xef, 0xbb, 0xbf]), bytes.subarray(at)]);
  }
  if (count === 0) kinds.add('empty');
  return { seed, kinds: [...kinds].sort(), bytes };
}
