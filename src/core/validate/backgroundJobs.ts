// What the interactive app hands to its background worker (background.ts): analysing one row,
// counting one text's tokens, one example's token view. Plain data in and out, so the same
// functions run on the worker or, where there is no built worker (the tests), right here.
import { parseExample, summarize, type RowSummary } from '../dataset/example.js';
import { analyzerForModel } from './analyzer.js';
import { tokenView, type TokenView } from './tokenView.js';
import type { ExampleAnalyzer, ExampleFigures, ExampleResult, ModelFacts } from './types.js';

/** `facts`: the connected service's facts for the model (its limits), which the worker cannot look up itself. */
export type BackgroundJob =
  | { op: 'analyze'; model: string; facts?: ModelFacts | null; text: string }
  | { op: 'count'; model: string; text: string }
  | { op: 'tokenView'; model: string; facts?: ModelFacts | null; text: string; line: number; maxShown: number };

export interface AnalyzedRow {
  result: ExampleResult;
  summary: RowSummary;
}

export interface TokenViewResult {
  view: TokenView | null;
  figures: ExampleFigures | null;
}

export type BackgroundOutput<J extends BackgroundJob> = J extends { op: 'analyze' } ? AnalyzedRow : J extends { op: 'count' } ? number : TokenViewResult;

const analyzers = new Map<string, ExampleAnalyzer>();

function analyzer(model: string, facts?: ModelFacts | null): ExampleAnalyzer {
  const key = facts ? JSON.stringify(facts) : model;
  let found = analyzers.get(key);
  if (!found) {
    found = analyzerForModel(model, facts);
    analyzers.set(key, found);
  }
  return found;
}

// Titles are only ever drawn cut to the terminal's width.
const TITLE_CHARS = 240;

export function runJob(job: BackgroundJob): AnalyzedRow | number | TokenViewResult {
  switch (job.op) {
    case 'analyze': {
      const summary = summarize(job.text);
      return { result: analyzer(job.model, job.facts).analyzeText(job.text, 0), summary: { ...summary, title: summary.title.slice(0, TITLE_CHARS) } };
    }
    case 'count':
      return analyzer(job.model).countTokens(job.text);
    case 'tokenView': {
      const parsed = parseExample(job.text);
      const engine = analyzer(job.model, job.facts);
      const view = parsed.ok ? tokenView(parsed.value, engine.model.encoding, { maxShown: job.maxShown }) : null;
      return { view, figures: view ? engine.analyzeText(job.text, job.line).figures : null };
    }
  }
}
