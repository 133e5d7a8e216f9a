// Find looks for a text in the examples' messages (their text and tool calls), ignoring case as
// text.toLowerCase().includes(needle) does, optionally in one role's messages; a line that is not
// a JSON object is searched as text. The fast reading (the line's bytes as Latin-1, its structure
// followed without parsing) must agree with parsing every line, for loaded and edited rows alike.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readableExample } from '../../../src/core/dataset/exampleMessages.js';
import { cycleFindRole, findRows, foldedSearch, matchRanges, parseFindQuery, type FindQuery } from '../../../src/core/dataset/find.js';
import { seededRandom } from '../../../src/core/seededRandom.js';
import { loadDataset } from '../../../src/core/dataset/load.js';
import { freshRow, type Row } from '../../../src/core/dataset/row.js';

const msg = (role: string, content: unknown, extra: Record<string, unknown> = {}) => ({ role, content, ...extra });
const line = (...messages: unknown[]) => JSON.stringify({ messages });
const call = (id: string, name: string, args: string) => ({ id, type: 'function', function: { name, arguments: args } });

const lines = [
  line(msg('user', 'Weather in İSTANBUL?'), msg('assistant', 'Sunny.')),
  line(msg('user', '300 \u212Aelvin is hot'), msg('assistant', 'It is.')),
  line(msg('system', 'NAÏVE CAFÉ, 東京 weather'), msg('user', 'plain weather report axb')),
  'not json at all: WEATHER, A.B (X)[Y]*+?^$|\\/{2}',
  '{"messages": [{"role": "user", "content": "truncated weath',
  // Escapes: a quote, a new line, é written as \u00e9, a backslash.
  '{"messages":[{"role":"user","content":"He said \\"refund\\" twice\\nthen left. Caf\\u00e9 \\\\ done"},{"role":"assistant","content":"OK"}]}',
  // Tool calls (searched: name, arguments, id) and tools (not searched).
  JSON.stringify({ messages: [msg('user', 'Land it'), msg('assistant', null, { tool_calls: [call('call_9', 'land_drone', '{"location":"current"}')] }), msg('tool', 'landed', { tool_call_id: 'call_9' })], tools: [{ type: 'function', function: { name: 'take_off', description: 'refund weather' } }] }),
  // Content parts: text is searched, an image reads as [image].
  line(msg('user', [{ type: 'text', text: 'What is in the picture?' }, { type: 'image_url', image_url: { url: 'https://x/weather.png' } }]), msg('assistant', 'A cat.')),
  // A preference pair.
  JSON.stringify({ input: { messages: [msg('user', 'Refund please')] }, preferred_output: [msg('assistant', 'Sure, refund sent.')], non_preferred_output: [msg('assistant', 'No.')] }),
  // Words that are keys or roles, not text.
  line(msg('assistant', 'role content messages'), msg('user', 'x'), msg('system', 'y')),
  line(msg('user', 'a\nb'), msg('assistant', 'tail')),
  '',
  '{"messages":[{"role":"user","content":"weather"}],"messages2":{"content":"refund"}}',
  '{"metadata":{"note":"refund weather"},"messages":[{"content":"Hello there","role":"assistant"}]}',
  // Non-ASCII written as escapes, as Python's json.dumps does.
  '{"messages":[{"role":"user","content":"Tokyo is \\u6771\\u4eac, na\\u00efve caf\\u00c9"}]}',
  // Together's other formats: their text fields are read when there are no messages.
  JSON.stringify({ prompt: 'Weather today?', completion: 'A refund of sunshine.' }),
  JSON.stringify({ text: 'Plain text about the weather' }),
  JSON.stringify({ messages: [msg('user', 'hi')], text: 'refund in a text field beside messages' }),
];
const invalidUtf8 = Buffer.concat([Buffer.from('{"messages":[{"role":"user","content":"caf'), Buffer.from([0xe9, 0x41]), Buffer.from('Weather"}]}')]);

/** The definition: every line parsed, its messages searched. */
function reference(rows: Row[], query: FindQuery): number[] {
  const needle = query.text.toLowerCase();
  return rows.flatMap((row, i) => {
    const example = readableExample(row.text);
    if (example.kind === 'text') return query.role === null && example.text.toLowerCase().includes(needle) ? [i] : [];
    if (example.kind !== 'messages') return [];
    const hit = example.messages.some((m) => (query.role === null || m.role === query.role) && (needle === '' || m.text.toLowerCase().includes(needle) || m.calls.some((c) => c.toLowerCase().includes(needle))));
    return hit ? [i] : [];
  });
}

describe('find', () => {
  it('agrees with parsing every line, for loaded and edited rows, any role or one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftui-find-'));
    const path = join(dir, 'data.jsonl');
    writeFileSync(path, Buffer.concat([Buffer.from(`${lines.join('\r\n')}\n`), invalidUtf8, Buffer.from('\n')]));
    const loaded = (await loadDataset(path)).rows;
    const rows: Row[] = [...loaded, ...lines.map((l) => freshRow(l))];
    const queries = ['weather', 'WEATHER', 'i̇stanbul', 'in i', 'kelvin', '300 k', 'naïve', 'café', '東京', 'caf\uFFFDa', 'zzz', 'role', 'content', '"role"', 'é', 'a.b', '(x)[y]*+?^$|\\/{2}', 'said "refund"', 'refund', 'nthen', 'a\nb', 'land_drone', 'location', 'call_9', 'take_off', 'image', 'picture', 'sure', 'hello', 'messages', 'trunc', 'weath', '\\', '東京', 'is 東京', 'naïve café', 've caf', 'ï'];
    for (const text of queries) {
      for (const role of [null, 'user', 'assistant', 'system', 'tool'] as const) {
        const query = { text, role };
        expect(findRows(rows, query), `${JSON.stringify(text)} in ${role ?? 'any'}`).toEqual(reference(rows, query));
      }
    }
    // Role alone: the examples that have a message of that role.
    for (const role of ['user', 'assistant', 'system', 'tool'] as const) expect(findRows(rows, { text: '', role }), role).toEqual(reference(rows, { text: '', role }));
  });

  it('finds what people read, not JSON: escapes, keys and tool definitions', async () => {
    const rows = lines.map((l) => freshRow(l));
    expect(findRows(rows, 'said "refund"')).toEqual([5]);
    expect(findRows(rows, 'café')).toEqual([2, 5, 14]);
    expect(findRows(rows, '東京')).toEqual([2, 14]);
    expect(findRows(rows, 'nthen')).toEqual([]);
    // The truncated line is not JSON: it is searched as text.
    expect(findRows(rows, 'role')).toEqual([4, 9]);
    expect(findRows(rows, 'take_off')).toEqual([]);
    expect(findRows(rows, 'land_drone')).toEqual([6]);
    expect(findRows(rows, 'role:assistant refund')).toEqual([8]);
    expect(findRows(rows, 'role:user refund')).toEqual([5, 8]);
    expect(findRows(rows, 'role:tool')).toEqual([6]);
    // prompt/completion and text examples are found by their fields (any role only); beside messages, not.
    expect(findRows(rows, 'refund')).toEqual([5, 8, 15]);
    expect(findRows(rows, 'about the weather')).toEqual([16]);
  });

  it('reads a role from the query and cycles it with tab', () => {
    expect(parseFindQuery('role:assistant  refund policy')).toEqual({ role: 'assistant', text: 'refund policy' });
    expect(parseFindQuery('Role:USER x')).toEqual({ role: 'user', text: 'x' });
    expect(parseFindQuery('role:nobody x')).toEqual({ role: null, text: 'role:nobody x' });
    expect(parseFindQuery('refund')).toEqual({ role: null, text: 'refund' });
    let text = 'refund';
    const seen = [];
    for (let i = 0; i < 5; i++) seen.push((text = cycleFindRole(text)));
    expect(seen).toEqual(['role:user refund', 'role:assistant refund', 'role:system refund', 'role:tool refund', 'refund']);
  });

  it('marks every match, ignoring case', () => {
    expect(matchRanges('Refund, REFUND, refunded', 'refund')).toEqual([
      [0, 6],
      [8, 14],
      [16, 22],
    ]);
  });
});

describe('the byte search of find', () => {
  /** The definition: a case-insensitive pattern over the bytes read as Latin-1, every start. */
  const byPattern = (bytes: Buffer, needle: string): number[] => {
    const pattern = new RegExp(needle.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), 'gi');
    const s = bytes.toString('latin1');
    const starts: number[] = [];
    for (let m = pattern.exec(s); m !== null; m = pattern.exec(s)) {
      starts.push(m.index);
      pattern.lastIndex = m.index + 1;
    }
    return starts;
  };

  it('finds every place a case-insensitive pattern over the Latin-1 reading finds, overlapping ones too', () => {
    const r = seededRandom(11);
    // Letters either side of the case bit (@ [ ` {), bytes of UTF-8 characters, and the needles' own letters.
    const alphabet = Buffer.from('aAbBkKzZ@[`{ \\u0130é東İK');
    const needles = ['a', 'aa', 'ab', 'aba', 'bab', 'k', 'z@', '`{', '\\u0130', 'u0130', 'zzzzzz'];
    for (let n = 0; n < 400; n++) {
      const bytes = Buffer.from(Array.from({ length: Math.floor(r() * 40) }, () => alphabet[Math.floor(r() * alphabet.length)]!));
      for (const needle of needles) {
        const search = foldedSearch(needle);
        const expected = byPattern(bytes, needle);
        expect(search(bytes), `${JSON.stringify(needle)} in ${JSON.stringify(bytes.toString('latin1'))}`).toEqual(expected);
        expect(search(bytes, true)).toEqual(expected.slice(0, 1));
      }
    }
    expect(foldedSearch('aa')(Buffer.from('xAaAy'))).toEqual([1, 2]);
    expect(foldedSearch('skairstios')(Buffer.from('"SKAIRSTIOS skairstioS'))).toEqual([1, 12]);
  });
});
