// Wraps a sentence to a width in terminal columns, between words where it can, so a finding's
// whole message can be read at 80 columns.
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** At most `maxRows` rows; the last one ends with "…" when text was left out. */
export function wrapText(text: string, width: number, maxRows: number): string[] {
  const room = Math.max(4, width);
  const rows: string[] = [];
  let row = '';
  const push = (piece: string) => {
    for (const { segment } of segmenter.segment(piece)) {
      if (stringWidth(row) + stringWidth(segment) > room) {
        rows.push(row);
        row = '';
      }
      row += segment;
    }
  };
  for (const word of text.trim().split(/\s+/)) {
    const gap = row ? ' ' : '';
    if (row && stringWidth(row) + 1 + stringWidth(word) > room) {
      rows.push(row);
      row = '';
      push(word);
    } else push(gap + word);
  }
  if (row) rows.push(row);
  if (rows.length <= maxRows) return rows;
  const kept = rows.slice(0, Math.max(0, maxRows));
  if (kept.length > 0) {
    const last = kept[kept.length - 1]!;
    kept[kept.length - 1] = (stringWidth(last) + 1 > room ? [...segmenter.segment(last)].slice(0, -1).map((s) => s.segment).join('') : last) + '…';
  }
  return kept;
}
