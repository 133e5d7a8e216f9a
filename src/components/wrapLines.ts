// Text from a file or a service laid out for reading in a pane: wrapped at spaces to a width in
// terminal columns (words longer than a row are broken), line breaks kept, control characters
// drawn as visible symbols so nothing in the text can move the cursor or recolour the screen.
// Each row remembers where it starts in the text, so a find can mark its matches on the rows.
import stringWidth from 'string-width';

export interface TextRow {
  /** What the row shows (printable: see `printable`). */
  text: string;
  /** Offset in the original text where the row starts; the row covers [start, start + text.length). */
  start: number;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The text with every control character as a visible one of the same length, so offsets in it
 * are offsets in the original: a tab as a space, C0 controls as their ␀-␟ symbols, DEL as ␡, C1
 * controls as �. Line breaks are handled by the wrapper, not here.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001F\u007F-\u009F]/g, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\t') return ' ';
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return code === 0x7f ? '\u2421' : '\uFFFD';
  });
}

// A grapheme's columns, remembered: the same characters come back on every row of a text (and
// measuring one with string-width costs a few microseconds).
const widths = new Map<string, number>();
function columns(segment: string): number {
  if (segment.length === 1) {
    const code = segment.charCodeAt(0);
    // Printable ASCII and Latin, Greek, Cyrillic up to the combining marks: one column.
    if (code >= 0x20 && code < 0x300) return 1;
  }
  let w = widths.get(segment);
  if (w === undefined) {
    if (widths.size > 20_000) widths.clear();
    w = stringWidth(segment);
    widths.set(segment, w);
  }
  return w;
}

/**
 * Characters that join a grapheme to the one before or after it (marks, joiners, emoji
 * modifiers, flags, Hangul jamo). A line without any is one grapheme per code point.
 */
const JOINING = /[\p{M}\p{Emoji_Modifier}\p{Regional_Indicator}\u200D\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF]/u;

type LineKind = 'ascii' | 'simple' | 'complex';

function lineKind(line: string): LineKind {
  if (PRINTABLE_ASCII.test(line)) return 'ascii';
  return JOINING.test(line) ? 'complex' : 'simple';
}

/** Where a row that starts at `from` must end to fit `width` columns (at least one grapheme). */
function fitEnd(line: string, from: number, width: number, kind: LineKind): number {
  if (kind === 'ascii') return Math.min(line.length, from + Math.max(1, width));
  let used = 0;
  let end = from;
  if (kind === 'simple') {
    while (end < line.length) {
      const code = line.codePointAt(end)!;
      const size = code > 0xffff ? 2 : 1;
      const w = code >= 0x20 && code < 0x300 ? 1 : columns(line.slice(end, end + size));
      if (used + w > width && end > from) break;
      used += w;
      end += size;
      if (used >= width) break;
    }
    return end;
  }
  // No row can show more than this many code units, so the rest is not segmented.
  for (const { segment } of graphemes.segment(line.slice(from, from + width * 4 + 16))) {
    const w = columns(segment);
    if (used + w > width && end > from) break;
    used += w;
    end += segment.length;
    if (used >= width) break;
  }
  return end;
}

/**
 * Rows of `text` at most `width` columns wide; stops after `maxRows` rows (then `more` is true).
 * Work is bounded by the rows returned, not by the length of the text.
 */
export function wrapLines(text: string, width: number, maxRows = Infinity): { rows: TextRow[]; more: boolean } {
  const w = Math.max(1, width);
  const rows: TextRow[] = [];
  let offset = 0;
  while (offset <= text.length) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = printable(text.slice(offset, lineEnd));
    const kind = lineKind(line);
    let pos = 0;
    do {
      if (rows.length >= maxRows) return { rows, more: true };
      const end = fitEnd(line, pos, w, kind);
      if (end >= line.length) {
        rows.push({ text: line.slice(pos), start: offset + pos });
        pos = line.length;
        break;
      }
      // Break after the last space that fits, when there is one; the space itself is not shown.
      const space = line.lastIndexOf(' ', end);
      if (space > pos) {
        rows.push({ text: line.slice(pos, space), start: offset + pos });
        pos = space + 1;
      } else {
        rows.push({ text: line.slice(pos, end), start: offset + pos });
        pos = end;
      }
    } while (pos < line.length);
    if (newline === -1) break;
    offset = newline + 1;
  }
  return { rows, more: false };
}

/** How many rows `text` takes at `width`, counting no further than `limit`. */
export function rowCount(text: string, width: number, limit: number): number {
  const { rows, more } = wrapLines(text, width, limit);
  return more ? limit : rows.length;
}

