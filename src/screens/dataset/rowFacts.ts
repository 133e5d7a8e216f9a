// What the list shows for a row: its title and turns, its tokens and its worst finding. Worked
// out only for rows on screen and remembered per row object (rows are immutable, so an edited
// row is a new object and is worked out again). Tokens and findings come from the validation
// results the background validator keeps (core/dataset/rowResults). A row slow to analyse is
// `pending` until the background worker has it (the list asks for it and shows "…").
import type { RowSummary } from '../../core/dataset/example.js';
import type { Row } from '../../core/dataset/row.js';
import type { ExampleResult } from '../../core/validate/types.js';
import { knownRowResult, knownRowSummary } from '../../core/dataset/rowResults.js';

export interface RowFacts extends RowSummary {
  tokens: number | null;
  worst: 'error' | 'warning' | null;
  /** Still being analysed in the background: turns and tokens are not known yet. */
  pending: boolean;
}

// The facts last made for a row, and what they were made from. The list asks on every frame for
// every row it shows; a new object each time lived until the next frame (the list's effect holds
// them), long enough to be promoted and collected as old-generation garbage.
const made = new WeakMap<Row, { summary: RowSummary; result: ExampleResult; facts: RowFacts }>();

export function rowFacts(row: Row, model: string): RowFacts {
  const summary = knownRowSummary(row);
  const result = knownRowResult(row, model);
  if (!summary || !result) {
    const size = row.bytes?.length ?? row.text.length;
    return { kind: 'example', title: summary?.title ?? `(a ${(size / 1_000_000).toFixed(1)} MB line, being analysed…)`, turns: summary?.turns ?? 0, tokens: null, worst: null, pending: true };
  }
  const known = made.get(row);
  if (known !== undefined && known.summary === summary && known.result === result) return known.facts;
  const facts: RowFacts =
    summary.kind === 'blank' ? { ...summary, tokens: null, worst: 'warning', pending: false } : { ...summary, tokens: result.figures?.billedTokens ?? null, worst: result.worst, pending: false };
  made.set(row, { summary, result, facts });
  return facts;
}
