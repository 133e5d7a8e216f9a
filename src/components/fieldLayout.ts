// How a text field is laid out on screen: its lines wrapped to the width by grapheme (a wide
// character or an emoji sequence is never split, and counts its real columns), the rows around
// the cursor, and the cursor cell drawn on the whole grapheme it stands on.
import stringWidth from 'string-width';
import { selection, type TextField } from '../store/slices/textField.js';

export interface Span {
  text: string;
  /** The cursor cell or the selection: drawn in inverse. */
  inverse: boolean;
}

export type FieldRow = Span[];

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const TAB = '    ';

/** What a grapheme looks like on screen: control characters as visible symbols, tab as spaces. */
function visible(segment: string): string {
  const code = segment.codePointAt(0)!;
  if (segment === '\t') return TAB;
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return '␡';
  if (code >= 0x80 && code <= 0x9f) return '�';
  return segment;
}

interface Cell {
  /** Offset in the field's text where this grapheme starts. */
  at: number;
  end: number;
  shown: string;
  width: number;
}

/** One logical line (no \n) starting at `offset`, cut into rows of at most `width` columns. */
function wrapLine(line: string, offset: number, width: number): Cell[][] {
  const rows: Cell[][] = [[]];
  let used = 0;
  const push = (cell: Cell) => {
    if (used + cell.width > width && rows.at(-1)!.length > 0) {
      rows.push([]);
      used = 0;
    }
    rows.at(-1)!.push(cell);
    used += cell.width;
  };
  if (PRINTABLE_ASCII.test(line)) {
    for (let i = 0; i < line.length; i++) push({ at: offset + i, end: offset + i + 1, shown: line[i]!, width: 1 });
  } else {
    for (const { segment, index } of graphemes.segment(line)) {
      const shown = visible(segment);
      push({ at: offset + index, end: offset + index + segment.length, shown, width: Math.max(1, stringWidth(shown)) });
    }
  }
  return rows;
}

/**
 * The rows to draw for `field` in a box `width` columns wide and at most `maxRows` high, keeping
 * the cursor's row in view. Without `focused`, no cursor and no selection are drawn.
 */
export function layoutField(field: TextField, width: number, maxRows: number, focused = true): FieldRow[] {
  const w = Math.max(1, width);
  const { text, cursor } = field;
  const sel = focused ? selection(field) : null;
  // Only the lines near the cursor can be in view: at most maxRows logical lines either side.
  const lineStarts: number[] = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  let cursorLine = 0;
  while (cursorLine + 1 < lineStarts.length && lineStarts[cursorLine + 1]! <= cursor) cursorLine++;
  const firstLine = Math.max(0, cursorLine - maxRows);
  const lastLine = Math.min(lineStarts.length - 1, cursorLine + maxRows);

  const rows: Array<{ cells: Cell[]; lineEnd: number | null }> = [];
  let cursorRow = 0;
  for (let l = firstLine; l <= lastLine; l++) {
    const start = lineStarts[l]!;
    const end = l + 1 < lineStarts.length ? lineStarts[l + 1]! - 1 : text.length;
    const wrapped = wrapLine(text.slice(start, end), start, w);
    wrapped.forEach((cells, i) => {
      const last = i === wrapped.length - 1;
      const rowStart = cells[0]?.at ?? start;
      const rowEnd = last ? end : cells.at(-1)!.end;
      if (l === cursorLine && cursor >= rowStart && (cursor < rowEnd || (last && cursor === end))) cursorRow = rows.length;
      rows.push({ cells, lineEnd: last ? end : null });
    });
  }
  // A cursor at the end of a full row gets a row of its own to stand on.
  const cursorCells = rows[cursorRow]!;
  const full = cursorCells.cells.reduce((s, c) => s + c.width, 0) >= w;
  if (focused && sel === null && cursorCells.lineEnd === cursor && full) {
    rows.splice(cursorRow, 1, { cells: cursorCells.cells, lineEnd: null }, { cells: [], lineEnd: cursor });
    cursorRow++;
  }

  const shown = Math.max(1, maxRows);
  const first = Math.max(0, Math.min(cursorRow - Math.floor(shown / 2), rows.length - shown));
  return rows.slice(first, first + shown).map(({ cells, lineEnd }) => {
    const spans: Span[] = [];
    const add = (s: string, inverse: boolean) => {
      const last = spans.at(-1);
      if (last && last.inverse === inverse) last.text += s;
      else spans.push({ text: s, inverse });
    };
    for (const cell of cells) {
      const inverse = sel ? cell.at >= sel[0] && cell.at < sel[1] : focused && cell.at === cursor;
      add(cell.shown, inverse);
    }
    if (focused && sel === null && lineEnd === cursor) add(' ', true);
    if (spans.length === 0) add('', false);
    return spans;
  });
}

/** A row as plain text (for tests and for measuring). */
export function rowText(row: FieldRow): string {
  return row.map((s) => s.text).join('');
}
