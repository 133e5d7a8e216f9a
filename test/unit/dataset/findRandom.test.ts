// The fast reading of find (a line's bytes and structure, findScan.ts) against its definition (the
// line parsed, its messages searched) on lines made from a seed: strings of quotes, backslashes,
// braces, keys and roles as text, accents and CJK (raw or as \uXXXX escapes), İ and the Kelvin
// sign, content parts, tool calls, preference pairs, prompt/completion and text examples, messages
// that are not objects, repeated keys, extra spacing, cut-off lines.
import { describe, expect, it } from 'vitest';
import { readableExample } from '../../../src/core/dataset/exampleMessages.js';
import { seededRandom } from '../../../src/core/seededRandom.js';
import { FIND_ROLES, findRows, type FindQuery } from '../../../src/core/dataset/find.js';
import { FileRow, freshRow, type Row } from '../../../src/core/dataset/row.js';

const ALPHA = ['a', 'b', 'A', 'B', ' ', '"', '\\', '\n', 'é', 'É', '東', 'role', 'content', ':', ',', '{', '}', '[', ']', 'İ', 'K', '\u212A', 'user', 'assistant', '/', '<', '\u0000'];

/** The definition: every line parsed, its messages searched (as in find.test.ts). */
function reference(rows: Row[], examples: ReadonlyArray<ReturnType<typeof readableExample>>, query: FindQuery): number[] {
  const needle = query.text.toLowerCase();
  return rows.flatMap((row, i) => {
    const example = examples[i]!;
    if (example.kind === 'text') return query.role === null && example.text.toLowerCase().includes(needle) ? [i] : [];
    if (example.kind !== 'messages') return [];
    const hit = example.messages.some((m) => (query.role === null || m.role === query.role) && (needle === '' || m.text.toLowerCase().includes(needle) || m.calls.some((c) => c.toLowerCase().includes(needle))));
    return hit ? [i] : [];
  });
}

describe('find, random examples', () => {
  it.each(process.env.FIND_SEEDS ? process.env.FIND_SEEDS.split(",").map(Number) : [7])('agrees with parsing every line (seed %i)', (seed) => {
    const r = seededRandom(seed);
    const pick = <T,>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
    const str = (n: number) => Array.from({ length: Math.floor(r() * n) }, () => pick(ALPHA)).join('');
    const roles = ['user', 'assistant', 'system', 'tool', 'User', ''];
    const value = (): unknown => {
      const messages = Array.from({ length: 1 + Math.floor(r() * 3) }, () => {
        const m: Record<string, unknown> = { role: pick(roles) };
        const k = r();
        m.content = k < 0.6 ? str(8) : k < 0.7 ? null : k < 0.8 ? [{ type: 'text', text: str(6) }, { type: pick(['image_url', 'text']), text: str(3) }] : k < 0.9 ? 5 : { text: str(4) };
        if (r() < 0.2) m.tool_calls = [{ id: str(3), type: 'function', function: { name: str(4), arguments: r() < 0.8 ? str(6) : { a: str(3) } } }];
        if (r() < 0.1) m[pick(['content', 'role', 'weight'])] = str(3);
        return m;
      });
      const k = r();
      const v: Record<string, unknown> =
        k < 0.1 ? { input: { messages }, preferred_output: [{ role: 'assistant', content: str(5) }] } : k < 0.2 ? { prompt: str(6), completion: str(6) } : k < 0.25 ? { text: str(8) } : { messages };
      // Other providers' text fields beside messages (read only when there are none), and messages that are not objects.
      if (r() < 0.1) v[pick(['prompt', 'completion', 'text'])] = r() < 0.8 ? str(6) : 7;
      if (r() < 0.05) v.messages = pick([[], [5], ['x'], [[]]]);
      if (r() < 0.2) v.extra = { content: str(5), messages: [{ role: 'user', content: str(4) }] };
      if (r() < 0.1) v.messages = str(3);
      return v;
    };
    const rows: Row[] = [];
    for (let i = 0; i < 1500; i++) {
      let text = JSON.stringify(value());
      if (r() < 0.3) text = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      if (r() < 0.2) text = text.replace(/\//g, '\\/');
      if (r() < 0.05) text = text.slice(0, Math.floor(r() * text.length));
      if (r() < 0.1) text = text.replace(/":/g, '" : ').replace(/,/g, ' , ');
      const b = Buffer.from(text);
      rows.push(r() < 0.5 ? freshRow(text) : new FileRow(i + 1_000_000, i, b, 0, b.length));
    }
    const examples = rows.map((row) => readableExample(row.text));
    for (let q = 0; q < 150; q++) {
      // Every tenth: a role alone (the examples with a message of that role).
      const roleOnly = q % 10 === 0;
      const role = roleOnly || r() < 0.5 ? pick(FIND_ROLES) : null;
      const query: FindQuery = { text: roleOnly ? '' : str(4).trim() || 'a', role };
      const got = findRows(rows, query);
      const want = reference(rows, examples, query);
      const [inGot, inWant] = [new Set(got), new Set(want)];
      const diff = [...got.filter((i) => !inWant.has(i)), ...want.filter((i) => !inGot.has(i))];
      expect(diff.map((i) => rows[i]!.text), JSON.stringify(query)).toEqual([]);
    }
  });
});
