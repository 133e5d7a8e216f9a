// What the list shows for a row: its title and turns, its tokens and its worst finding. Worked
// out only for rows on screen and remembered per row object (rows are immutable, so an edited
// row is a new object and is worked out again). Tokens and findings come from the validation
// results the background validator keeps (core/dataset/rowResults).
import { summarize, type RowSummary } from '../../core/dataset/example.js';
import type { Row } from '../../core/dataset/row.js';
import { rowResult } from '../../core/dataset/rowResults.js';

export interface RowFacts extends RowSummary {
  tokens: number | null;
  worst: 'error' | 'warning' | null;
}

const summaries = new WeakMap<Row, RowSummary>();

export function rowFacts(row: Row, model: string): RowFacts {
  let summary = summaries.get(row);
  if (!summary) {
    const full = summarize(row.text);
    // Only the start of the title is ever drawn; measuring a whole paragraph per frame is what made scrolling slow.
    summary = { ...full, title: full.title.slice(0, 240) };
    summaries.set(row, summary);
  }
  if (summary.kind === 'blank') return { ...summary, tokens: null, worst: 'warning' };
  const result = rowResult(row, model);
  return { ...summary, tokens: result.figures?.billedTokens ?? null, worst: result.worst };
}
