import stringWidth from 'string-width';

/**
 * Lays out a one-row bar: `left` segments from the left, `right` from the right, joined by
 * `separator`, never wider than `width` (Ink would wrap a longer line and push the layout
 * down). Right-hand segments are dropped from their end first, then the left side is cut.
 */
export function fitLine(left: readonly string[], right: readonly string[], width: number, separator = ' │ '): string {
  if (width <= 0) return '';
  const leftText = left.filter(Boolean).join(separator);
  const rightParts = right.filter(Boolean);
  while (rightParts.length > 0) {
    const rightText = rightParts.join('  ');
    const gap = width - stringWidth(leftText) - stringWidth(rightText);
    if (gap >= 2) return leftText + ' '.repeat(gap) + rightText;
    rightParts.pop();
  }
  const cutLeft = cut(leftText, width);
  return cutLeft + ' '.repeat(width - stringWidth(cutLeft));
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Cuts one line of text to at most `width` terminal columns, ending in an ellipsis when cut.
 * Counts columns per grapheme, so wide (CJK) characters and emoji never overflow.
 */
export function cut(text: string, width: number): string {
  if (width <= 0) return '';
  // Plain printable ASCII is one column per character: no need to measure (the common case, and
  // the hot one when a list of long lines scrolls).
  if (PRINTABLE_ASCII.test(text)) return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
  // The same lines are cut again on every frame (a list scrolled by one row redraws the others);
  // long texts (a pasted paragraph being typed) change on every key and are not worth keeping.
  if (text.length > CUT_CACHE_CHARS) return cutMeasured(text, width);
  const key = `${width}\u0000${text}`;
  const known = cutCache.get(key);
  if (known !== undefined) return known;
  if (cutCache.size >= CUT_CACHE_LINES) cutCache.clear();
  const result = cutMeasured(text, width);
  cutCache.set(key, result);
  return result;
}

/**
 * Cuts one line to at most `width` columns from its start, beginning with an ellipsis when cut:
 * for a path, whose end (the file name) says more than its start.
 */
export function cutStart(text: string, width: number): string {
  if (width <= 0) return '';
  if (stringWidth(text) <= width) return text;
  const kept: string[] = [];
  let used = 1;
  for (const { segment } of [...graphemes.segment(text)].reverse()) {
    const w = stringWidth(segment);
    if (used + w > width) break;
    kept.push(segment);
    used += w;
  }
  return `…${kept.reverse().join('')}`;
}

const cutCache = new Map<string, string>();
const CUT_CACHE_LINES = 2000;
const CUT_CACHE_CHARS = 1000;

function cutMeasured(text: string, width: number): string {
  // Every visible grapheme takes at least one column and at most a few code units, so what lies
  // beyond this many code units can never be shown; measuring it would only cost time.
  const limit = width * 4 + 16;
  const head = text.length > limit ? text.slice(0, limit) : text;
  // One pass: measure graphemes until the line overflows, remembering where a cut with room for
  // the ellipsis would go.
  let used = 0;
  let keep = 0;
  for (const { segment, index } of graphemes.segment(head)) {
    // Most graphemes in real text are one printable ASCII character: one column, no lookup.
    const w = segment.length === 1 && segment >= ' ' && segment <= '~' ? 1 : stringWidth(segment);
    if (used + w > width) return `${text.slice(0, keep)}…`;
    used += w;
    if (used <= width - 1) keep = index + segment.length;
  }
  return head === text ? text : `${text.slice(0, keep)}…`;
}
