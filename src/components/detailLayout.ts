// The detail view (z) as rows: each item's label, then its text wrapped to the width, so any
// line that was cut elsewhere is read here whole. Moving works on items (the one y copies), and
// an item taller than the view is scrolled through row by row before the next one is selected.
import type { DetailItem } from '../store/slices/ui.js';
import { wrapLines } from './wrapLines.js';

/** Rows the detail overlay's frame takes: border (2), title, footer. */
export const DETAIL_FRAME_ROWS = 4;
/** Columns the text is indented by under its label. */
export const DETAIL_INDENT = 2;

export interface DetailRow {
  item: number;
  label: boolean;
  text: string;
}

export interface DetailLayout {
  rows: DetailRow[];
  /** First and last row of each item. */
  spans: Array<{ start: number; end: number }>;
}

const cache = new WeakMap<readonly DetailItem[], { width: number; layout: DetailLayout }>();

export function detailLayout(items: readonly DetailItem[], width: number): DetailLayout {
  const known = cache.get(items);
  if (known?.width === width) return known.layout;
  const rows: DetailRow[] = [];
  const spans: DetailLayout['spans'] = [];
  items.forEach((item, i) => {
    const start = rows.length;
    rows.push({ item: i, label: true, text: item.label });
    const text = item.text === '' ? '(empty)' : item.text;
    for (const row of wrapLines(text, Math.max(4, width - DETAIL_INDENT)).rows) rows.push({ item: i, label: false, text: row.text });
    spans.push({ start, end: rows.length - 1 });
  });
  const layout = { rows, spans };
  cache.set(items, { width, layout });
  return layout;
}

export type DetailMove = 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom';

/** Where the view goes for a move: the item selected and the first row shown. */
export function moveDetail(layout: DetailLayout, at: { selected: number; scroll: number }, move: DetailMove, viewRows: number): { selected: number; scroll: number } {
  const view = Math.max(1, viewRows);
  const maxScroll = Math.max(0, layout.rows.length - view);
  const clamp = (scroll: number) => Math.max(0, Math.min(maxScroll, scroll));
  const span = layout.spans[at.selected];
  if (span === undefined) return at;
  const bottom = at.scroll + view - 1;
  // An item is shown whole when it fits; a taller one from its start (going down) or its end (going up).
  const reveal = (item: number, down: boolean) => {
    const s = layout.spans[item]!;
    const fits = s.end - s.start + 1 <= view;
    let scroll = at.scroll;
    if (fits || down) {
      if (s.start < scroll) scroll = s.start;
      if (s.end > scroll + view - 1) scroll = fits ? s.end - view + 1 : s.start;
    } else {
      if (s.end > scroll + view - 1 || s.end < scroll) scroll = s.end - view + 1;
    }
    return { selected: item, scroll: clamp(scroll) };
  };
  const itemAt = (row: number) => layout.rows[Math.max(0, Math.min(layout.rows.length - 1, row))]?.item ?? 0;
  switch (move) {
    case 'down':
      if (span.end > bottom) return { selected: at.selected, scroll: clamp(at.scroll + 1) };
      return at.selected + 1 < layout.spans.length ? reveal(at.selected + 1, true) : at;
    case 'up':
      if (span.start < at.scroll) return { selected: at.selected, scroll: clamp(at.scroll - 1) };
      return at.selected > 0 ? reveal(at.selected - 1, false) : at;
    case 'pageDown': {
      const scroll = clamp(at.scroll + view - 1);
      return { selected: scroll === maxScroll && scroll === at.scroll ? layout.spans.length - 1 : Math.max(at.selected, itemAt(scroll)), scroll };
    }
    case 'pageUp': {
      const scroll = clamp(at.scroll - (view - 1));
      return { selected: scroll === 0 && at.scroll === 0 ? 0 : Math.min(at.selected, itemAt(scroll + view - 1)), scroll };
    }
    case 'top':
      return { selected: 0, scroll: 0 };
    case 'bottom':
      return { selected: layout.spans.length - 1, scroll: maxScroll };
  }
}
