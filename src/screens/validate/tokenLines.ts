// One message's tokens as terminal rows: tokens joined by "|" so their boundaries show without
// colour, newlines drawn as ⏎, wrapped by display width (CJK and emoji take two columns) so no
// row is wider than the panel and no text is lost between rows.
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** At most `maxRows` rows of `width` columns; `hidden` is how many tokens did not fit. */
export function tokenRows(tokens: readonly string[], width: number, maxRows: number): { rows: string[]; hidden: number } {
  if (maxRows <= 0) return { rows: [], hidden: tokens.length };
  const rows: string[] = [];
  let row = '';
  let used = 0;
  const room = Math.max(4, width);
  for (let i = 0; i < tokens.length; i++) {
    const text = (i > 0 ? '|' : '') + tokens[i]!.replace(/\r?\n/g, '⏎').replace(/\t/g, '⇥');
    for (const { segment } of segmenter.segment(text)) {
      const w = stringWidth(segment);
      if (used + w > room) {
        rows.push(row);
        if (rows.length >= maxRows) return { rows, hidden: tokens.length - i };
        row = '';
        used = 0;
      }
      row += segment;
      used += w;
    }
  }
  if (row && rows.length < maxRows) rows.push(row);
  return { rows, hidden: 0 };
}
