// One validation result per row object, for the model the dataset is checked against. The
// background validator fills it and the Dataset list reads a row's tokens and worst finding from
// it, so a row on screen is not analysed a second time. Rows are immutable (an edit makes a new
// row object), so a result holds for as long as its row lives, and the WeakMap lets both go together.
import { analyzerFor, resolveModel } from '../validate/index.js';
import type { ExampleAnalyzer, ExampleResult } from '../validate/types.js';
import type { Row } from './row.js';

export interface RowAnalysis {
  analyzer: ExampleAnalyzer;
  results: WeakMap<Row, ExampleResult>;
}

let current: RowAnalysis | null = null;

/** The analyzer and results for `model`; choosing another model starts its results afresh. */
export function rowAnalysis(model: string): RowAnalysis {
  const facts = resolveModel(model);
  if (!facts) throw new Error(`no data for this model: ${model}`);
  if (current?.analyzer.model.id !== facts.id) current = { analyzer: analyzerFor(facts), results: new WeakMap() };
  return current;
}

/** The row's result, analysing it now when nothing has yet. */
export function rowResult(row: Row, model: string): ExampleResult {
  const { analyzer, results } = rowAnalysis(model);
  let result = results.get(row);
  if (!result) {
    result = analyzer.analyzeText(row.text, 0);
    results.set(row, result);
  }
  return result;
}
