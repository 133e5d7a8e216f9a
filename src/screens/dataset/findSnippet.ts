// What a list row shows while a find is applied: where the example matches (the message's role
// and the words around the match), so the list says why each example is there.
import { readableRow } from '../../core/dataset/exampleMessages.js';
import { matchRanges, type FindQuery } from '../../core/dataset/find.js';
import type { Row } from '../../core/dataset/row.js';
import { printable } from '../../components/wrapLines.js';

export interface Snippet {
  text: string;
  ranges: Array<[number, number]>;
}

const LENGTH = 240;

const cache = new WeakMap<Row, { query: FindQuery; room: number; snippet: Snippet | null }>();

function around(label: string, text: string, needle: string, room: number): Snippet | null {
  // Enough of what comes before the match to see it in its sentence, and the match still in view.
  const before = Math.max(0, Math.min(24, Math.floor((room - label.length - 2) / 3)));
  const first = matchRanges(text, needle)[0];
  if (first === undefined) return null;
  const lineStart = text.lastIndexOf('\n', first[0] - 1) + 1;
  let from = Math.max(lineStart, first[0] - before);
  // Start at a word where there is one close by.
  const space = text.indexOf(' ', from);
  if (from > lineStart && space !== -1 && space < first[0]) from = space + 1;
  const lead = from > lineStart ? '…' : '';
  const piece = printable(text.slice(from, from + LENGTH).split('\n', 1)[0]!);
  const prefix = `${label}: ${lead}`;
  return { text: prefix + piece, ranges: matchRanges(piece, needle).map(([a, b]) => [a + prefix.length, b + prefix.length]) };
}

/**
 * The row's first match, as "role: …words around it…" with the match marked, for a row `room`
 * columns wide; null when no match is seen.
 */
export function findSnippet(row: Row, query: FindQuery, room: number): Snippet | null {
  const known = cache.get(row);
  if (known !== undefined && known.room === room && known.query.text === query.text && known.query.role === query.role) return known.snippet;
  let snippet: Snippet | null = null;
  const example = readableRow(row);
  if (example.kind === 'text' && query.role === null) snippet = around('line', example.text, query.text, room);
  if (example.kind === 'messages') {
    for (const m of example.messages) {
      if (query.role !== null && m.role !== query.role) continue;
      if (query.text === '') {
        snippet = { text: `${m.role}: ${printable(m.text.split('\n', 1)[0] ?? '')}`, ranges: [] };
        break;
      }
      snippet = around(m.role, m.text, query.text, room) ?? m.calls.map((c) => around(`${m.role} → call`, c, query.text, room)).find((s) => s !== null) ?? null;
      if (snippet !== null) break;
    }
  }
  cache.set(row, { query, room, snippet });
  return snippet;
}
