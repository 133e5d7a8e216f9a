// The preview pane's rows for the selected example: each message's role (with its weight, its
// tool_call_id, preferred or not), its text wrapped to the pane and cut to the room there is,
// and its tool calls as the open example shows them. Every message gets a fair share of the
// rows; a message with a find's match shows the rows around it. Matches are marked.
import { matchRanges, type FindQuery } from '../../core/dataset/find.js';
import type { ReadableExample, ReadableMessage } from '../../core/dataset/exampleMessages.js';
import { cut } from '../../components/fitLine.js';
import { printable, wrapLines, type TextRow } from '../../components/wrapLines.js';

export interface PreviewSpan {
  text: string;
  color?: string;
  bold?: boolean;
  dim?: boolean;
  /** Part of a find's match. */
  mark?: boolean;
}

export type PreviewRow = PreviewSpan[];

const ROLE_COLORS: Record<string, string> = { system: 'magenta', user: 'cyan', assistant: 'green', tool: 'yellow', prompt: 'cyan', completion: 'green', text: 'white' };
const INDENT = 2;

/** A row of text split into spans where `ranges` (offsets in the text it came from) mark matches. */
export function markRow(row: TextRow, ranges: ReadonlyArray<readonly [number, number]>, style: Omit<PreviewSpan, 'text'> = {}): PreviewRow {
  const end = row.start + row.text.length;
  const spans: PreviewRow = [];
  let at = row.start;
  for (const [from, to] of ranges) {
    if (to <= at || from >= end) continue;
    const a = Math.max(at, from);
    const b = Math.min(end, to);
    if (a > at) spans.push({ ...style, text: row.text.slice(at - row.start, a - row.start) });
    spans.push({ ...style, text: row.text.slice(a - row.start, b - row.start), mark: true });
    at = b;
  }
  if (at < end || spans.length === 0) spans.push({ ...style, text: row.text.slice(at - row.start) });
  return spans;
}

interface Laid {
  message: ReadableMessage;
  /** The text's first rows (at most the pane's), or the rows from the paragraph with the first match. */
  rows: TextRow[];
  /** `rows` are all the text has. */
  whole: boolean;
  calls: string[];
  ranges: Array<[number, number]>;
  callRanges: Array<Array<[number, number]>>;
  /** The first row with a match, or -1. */
  matchRow: number;
}

/** Rows of `text` from offset `from` on (the start of a paragraph), with offsets in the whole text. */
function rowsFrom(text: string, from: number, width: number, limit: number): { rows: TextRow[]; more: boolean } {
  const { rows, more } = wrapLines(from === 0 ? text : text.slice(from), width, limit);
  return { rows: from === 0 ? rows : rows.map((r) => ({ text: r.text, start: r.start + from })), more };
}

/**
 * A message laid out for at most `limit` rows of text: only what can be shown is wrapped (the
 * preview is drawn on every move of the cursor). With a match past those rows, the rows are
 * taken from the match's paragraph on instead.
 */
function lay(message: ReadableMessage, width: number, limit: number, find: FindQuery | null): Laid {
  const searched = find !== null && find.text !== '' && (find.role === null || find.role === message.role);
  const ranges = searched ? matchRanges(message.text, find.text) : [];
  const calls = message.calls.map((c) => printable(`→ ${c}`));
  const callRanges = calls.map((c) => (searched ? matchRanges(c, find.text) : []));
  const text = message.text;
  if (text === '') return { message, rows: [], whole: true, calls, ranges, callRanges, matchRow: -1 };
  let { rows, more } = rowsFrom(text, 0, width, limit);
  const first = ranges[0];
  const laidEnd = (rows.at(-1)?.start ?? 0) + (rows.at(-1)?.text.length ?? 0);
  if (first !== undefined && more && first[0] >= laidEnd) {
    const paragraph = text.lastIndexOf('\n', first[0] - 1) + 1;
    ({ rows, more } = rowsFrom(text, paragraph, width, limit));
    // Still past: the paragraph is long; start at the row before the match's (by columns, roughly).
    const end = (rows.at(-1)?.start ?? 0) + (rows.at(-1)?.text.length ?? 0);
    if (more && first[0] >= end) ({ rows, more } = rowsFrom(text, Math.max(paragraph, text.lastIndexOf(' ', Math.max(paragraph, first[0] - width)) + 1), width, limit));
  }
  const matchRow = first === undefined ? -1 : rows.findIndex((r) => first[0] < r.start + r.text.length);
  return { message, rows, whole: !more && rows[0]?.start === 0, calls, ranges, callRanges, matchRow };
}

/** Shares `total` rows among needs: each gets what it needs up to an equal share of what is left. */
function share(needs: number[], total: number): number[] {
  const given = needs.map(() => 0);
  let left = total;
  const order = needs.map((n, i) => [n, i] as const).sort((a, b) => a[0] - b[0]);
  order.forEach(([need, i], k) => {
    const fair = Math.floor(left / (order.length - k));
    given[i] = Math.min(need, fair);
    left -= given[i]!;
  });
  // What rounding left over goes to the first that can use it.
  for (let i = 0; i < needs.length && left > 0; i++) {
    const more = Math.min(left, needs[i]! - given[i]!);
    given[i]! += more;
    left -= more;
  }
  return given;
}

function header(m: ReadableMessage, width: number): PreviewRow {
  const notes = [...m.notes, ...(m.calls.length > 0 ? [`${m.calls.length} tool call${m.calls.length === 1 ? '' : 's'}`] : [])];
  const role = cut(printable(m.role || '(no role)'), width);
  const rest = notes.length > 0 ? cut(printable(` · ${notes.join(' · ')}`), Math.max(0, width - role.length)) : '';
  return [{ text: role, bold: true, color: ROLE_COLORS[m.role] ?? 'red' }, ...(rest ? [{ text: rest, dim: true }] : [])];
}

/** A message's body in `room` rows: its text rows (around the first match), then its calls; a mark says what is left out. */
function body(l: Laid, room: number, width: number): PreviewRow[] {
  const indent = { text: ' '.repeat(INDENT) };
  if (l.rows.length === 0 && l.calls.length === 0) return room > 0 ? [[indent, { text: '(empty)', dim: true }]] : [];
  const callRows = Math.min(l.calls.length, Math.max(0, room - (l.rows.length > 0 ? 1 : 0)));
  const textRoom = room - callRows;
  const out: PreviewRow[] = [];
  if (l.rows.length > 0 && textRoom > 0) {
    if (l.whole && l.rows.length <= textRoom) {
      for (const r of l.rows) out.push([indent, ...markRow(r, l.ranges)]);
    } else {
      // One row says what is left out; the others show the start, or the rows up to the match.
      const shown = Math.max(1, textRoom - 1);
      const skip = l.matchRow >= shown ? l.matchRow - shown + 1 : 0;
      const kept = l.rows.slice(skip, skip + shown);
      for (const r of kept) out.push([indent, ...markRow(r, l.ranges)]);
      if (textRoom > 1) {
        const text = l.message.text;
        const before = kept[0]!.start;
        const last = kept.at(-1)!;
        const after = text.length - (last.start + last.text.length);
        const chars = (n: number) => `${n.toLocaleString('en-US')} character${n === 1 ? '' : 's'}`;
        const what = [before > 0 ? `${chars(before)} above` : '', after > 0 ? `${chars(after)} ${before > 0 ? 'below' : 'more'}` : ''].filter(Boolean).join(', ');
        out.push([indent, { text: `… ${what}`, dim: true }]);
      }
    }
  }
  l.calls.slice(0, callRows).forEach((c, i) => {
    const shown = cut(c, width);
    out.push([indent, ...markRow({ text: shown, start: 0 }, l.callRanges[i]!, { color: 'cyan' })]);
  });
  return out;
}

/** The pane's rows for an example, at most `height`, each at most `width` columns. */
export function previewLines(example: ReadableExample, width: number, height: number, find: FindQuery | null): PreviewRow[] {
  if (height <= 0) return [];
  const inner = Math.max(4, width - INDENT);
  if (example.kind === 'big') return [[{ text: cut(`A ${(example.bytes / 1_000_000).toFixed(1)} MB line: too big to preview here; enter opens it.`, width), dim: true }]];
  if (example.kind === 'text') {
    const head: PreviewRow = [{ text: cut(example.problem === 'a blank line' ? 'A blank line.' : `Not an example: ${example.problem}`, width), color: 'red' }];
    const ranges = find && find.role === null ? matchRanges(example.text, find.text) : [];
    const rows = wrapLines(example.text, inner, height - 1).rows.map((r): PreviewRow => [{ text: ' '.repeat(INDENT) }, ...markRow(r, ranges)]);
    return [head, ...rows];
  }
  const out: PreviewRow[] = [];
  if (example.tools > 0) out.push([{ text: cut(`${example.tools} tool${example.tools === 1 ? '' : 's'} defined (enter, then T, shows them)`, width), dim: true }]);
  const messages = example.messages;
  if (messages.length === 0) return [...out, [{ text: 'No messages.', dim: true }]];
  const room = height - out.length;
  // More messages than rows: their headers, and how many did not fit.
  if (messages.length > room) {
    const shown = Math.max(0, room - 1);
    return [...out, ...messages.slice(0, shown).map((m) => header(m, width)), [{ text: `… ${messages.length - shown} more messages (enter opens the example)`, dim: true }]];
  }
  const bodyRoom = room - messages.length;
  const laid = messages.map((m) => lay(m, inner, bodyRoom, find));
  const needs = laid.map((l) => (l.rows.length === 0 && l.calls.length === 0 ? 1 : (l.whole ? l.rows.length : bodyRoom) + l.calls.length));
  const rooms = share(needs, bodyRoom);
  laid.forEach((l, i) => {
    out.push(header(l.message, width));
    out.push(...body(l, rooms[i]!, inner));
  });
  return out.slice(0, height);
}
