// Writes a realistic synthetic chat fine-tuning dataset for the benchmarks: prose from a large
// generated vocabulary (so tokenizer caches cannot flatter the figures), code, numbers and
// non-ASCII text, 1-4 user/assistant turns, most examples with a system prompt, a few with tool
// calls. Deterministic for a given seed. --plain leaves out tool calls and weights, which the
// cookbook notebook cannot count, so it can run on the same kind of data.
//   npx tsx scripts/gen-dataset.ts [--examples 100000] [--out bench/data/synthetic-100k.jsonl] [--seed 42] [--plain]
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { seededRandom } from '../src/core/seededRandom.js';

const { values } = parseArgs({
  options: {
    examples: { type: 'string', default: '100000' },
    out: { type: 'string', default: 'bench/data/synthetic-100k.jsonl' },
    seed: { type: 'string', default: '42' },
    plain: { type: 'boolean', default: false },
  },
});
const total = Number(values.examples);
const out = resolve(values.out);

const rand = seededRandom(Number(values.seed));
const pick = <T,>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const ONSETS = ['', 'b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'br', 'ch', 'cl', 'dr', 'fl', 'gr', 'pl', 'pr', 'sh', 'sk', 'st', 'str', 'th', 'tr'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ee', 'io', 'ou', 'y'];
const CODAS = ['', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'ng', 'nt', 'rk', 'st', 'x'];
// ~60,000 distinct words: far more than any cache, with a Zipf-like skew as in real text.
const VOCABULARY = Array.from({ length: 60_000 }, () => {
  let w = '';
  for (let s = between(1, 3); s > 0; s--) w += pick(ONSETS) + pick(VOWELS) + pick(CODAS);
  return w;
});
const COMMON = ['the', 'of', 'and', 'to', 'in', 'is', 'that', 'for', 'it', 'with', 'as', 'on', 'be', 'this', 'by', 'are', 'or', 'from', 'at', 'an'];
const FOREIGN = [
  'café', 'naïve', 'straße', 'über', 'façade', 'años', 'smörgåsbord', 'Ελληνικά', 'привет', 'спасибо', 'こんにちは', '東京', '数据集', '机器学习',
  '안녕하세요', 'مرحبا', 'שלום', 'नमस्ते', 'ğüşıöç', '🙂', '🚀', '✓', '—', '€', '½',
];

function word(): string {
  const r = rand();
  if (r < 0.35) return pick(COMMON);
  if (r < 0.37) return pick(FOREIGN);
  if (r < 0.4) return String(between(0, 99_999)) + (rand() < 0.3 ? `.${between(0, 99)}` : '');
  // Zipf-ish: low indexes far more often.
  return VOCABULARY[Math.floor(VOCABULARY.length * rand() ** 3)] as string;
}

function sentence(): string {
  const words = Array.from({ length: between(5, 18) }, word);
  const first = words[0] as string;
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${words.join(' ')}${pick(['.', '.', '.', '?', '!'])}`;
}

function paragraph(sentences: number): string {
  return Array.from({ length: sentences }, sentence).join(' ');
}

function code(): string {
  const name = `${word()}_${word()}`.replace(/[^A-Za-z0-9_]/g, 'x');
  const lines = [`def ${name}(items, limit=${between(1, 500)}):`, `    """${sentence()}"""`, '    total = 0'];
  for (let i = between(2, 8); i > 0; i--) lines.push(`    total += sum(x * ${between(2, 97)} for x in items if x > ${between(0, 50)})`);
  lines.push('    return total');
  return `\`\`\`python\n${lines.join('\n')}\n\`\`\``;
}

function reply(): string {
  const parts = [paragraph(between(1, 3))];
  if (rand() < 0.12) parts.push(code());
  if (rand() < 0.2) parts.push(Array.from({ length: between(2, 4) }, () => `- ${sentence()}`).join('\n'));
  if (rand() < 0.3) parts.push(paragraph(between(1, 2)));
  return parts.join('\n\n');
}

const SYSTEM_PROMPTS = Array.from({ length: 40 }, () => `You are ${word()} assistant for ${word()} ${word()}. ${paragraph(between(1, 3))}`);
const TOOLS = [{ type: 'function', function: { name: 'lookup_order', description: 'Look up an order by id.', parameters: { type: 'object', properties: { order_id: { type: 'string' } }, required: ['order_id'] } } }];

function example(): string {
  const messages: Array<Record<string, unknown>> = [];
  if (rand() < 0.85) messages.push({ role: 'system', content: pick(SYSTEM_PROMPTS) });
  const turns = between(1, 4);
  const withTool = !values.plain && rand() < 0.05;
  for (let t = 0; t < turns; t++) {
    messages.push({ role: 'user', content: rand() < 0.12 ? `${paragraph(between(1, 2))}\n\n${code()}` : paragraph(between(1, 3)) });
    if (withTool && t === 0) {
      const id = `call_${Math.floor(rand() * 1e9).toString(36)}`;
      messages.push({ role: 'assistant', tool_calls: [{ id, type: 'function', function: { name: 'lookup_order', arguments: JSON.stringify({ order_id: String(between(1000, 99999)) }) } }] });
      messages.push({ role: 'tool', tool_call_id: id, content: JSON.stringify({ status: pick(['shipped', 'pending', 'lost']), eta_days: between(1, 9) }) });
    }
    messages.push({ role: 'assistant', content: reply(), ...(!values.plain && rand() < 0.03 && t < turns - 1 && { weight: 0 }) });
  }
  return JSON.stringify(withTool ? { messages, tools: TOOLS } : { messages });
}

mkdirSync(dirname(out), { recursive: true });
const stream = createWriteStream(out);
let bytes = 0;
for (let i = 0; i < total; i++) {
  const line = `${example()}\n`;
  bytes += Buffer.byteLength(line);
  if (!stream.write(line)) await new Promise<void>((r) => stream.once('drain', () => r()));
}
await new Promise<void>((r) => stream.end(() => r()));
console.log(`wrote ${total} examples, ${(bytes / 1e6).toFixed(1)} MB to ${out}`);
