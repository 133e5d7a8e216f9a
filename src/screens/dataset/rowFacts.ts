// What the list shows for a row: its title and turns, its tokens and its worst finding. Worked
// out only for rows on screen and remembered per row object (rows are immutable, so an edited
// row is a new object and is worked out again).
import { summarize, type RowSummary } from '../../core/dataset/example.js';
import type { Row } from '../../core/dataset/row.js';
import { createAnalyzer, DEFAULT_MODEL, type ExampleAnalyzer } from '../../core/validate/index.js';

export interface RowFacts extends RowSummary {
  tokens: number | null;
  worst: 'error' | 'warning' | null;
}

let analyzer: ExampleAnalyzer | null = null;
export function datasetAnalyzer(): ExampleAnalyzer {
  analyzer ??= createAnalyzer({ model: DEFAULT_MODEL });
  return analyzer;
}

const cache = new WeakMap<Row, RowFacts>();

export function rowFacts(row: Row): RowFacts {
  const known = cache.get(row);
  if (known) return known;
  const summary = summarize(row.text);
  const result = summary.kind === 'blank' ? null : datasetAnalyzer().analyzeText(row.text, 0);
  // Only the start of the title is ever drawn; measuring a whole paragraph per frame is what made scrolling slow.
  const facts: RowFacts = { ...summary, title: summary.title.slice(0, 240), tokens: result?.figures?.billedTokens ?? null, worst: summary.kind === 'blank' ? 'warning' : (result?.worst ?? null) };
  cache.set(row, facts);
  return facts;
}
