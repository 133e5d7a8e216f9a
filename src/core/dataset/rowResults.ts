// One validation result per row object, for the model the dataset is checked against. The
// background validator fills it and the Dataset list reads a row's tokens and worst finding from
// it, so a row on screen is not analysed a second time. Rows are immutable (an edit makes a new
// row object), so a result holds for as long as its row lives, and the WeakMap lets both go together.
//
// Only rows that are quick to analyse (core/validate/slowText) are analysed where they are asked
// for; for the others these functions answer "not yet" (undefined) and the app has them analysed
// on its background worker (effects/backgroundAnalysis), which stores the answer here. A row
// over the line limit is never decoded or parsed at all.
import { summarize, type RowSummary } from './example.js';
import { analyzerFor, lineTooLongResult, MAX_LINE_BYTES, resolveModel } from '../validate/index.js';
import { analysisMayBeSlow } from '../validate/slowText.js';
import type { ExampleAnalyzer, ExampleFigures, ExampleResult, Finding } from '../validate/types.js';
import type { Row } from './row.js';

// Most rows have no findings: they all share this one (frozen, so a change to it fails loudly).
const NO_FINDINGS = Object.freeze([]) as unknown as Finding[];
// The interned constants, for a kind that arrives as a fresh copy of the string (from a worker).
const KINDS: { readonly [K in ExampleResult['kind']]: K } = { chat: 'chat', preference: 'preference', unparsed: 'unparsed', invalid: 'invalid', blank: 'blank' };

function compactFigures(f: ExampleFigures): ExampleFigures {
  const figures: ExampleFigures = {
    format: f.format === 'chat' ? 'chat' : 'preference',
    messages: f.messages,
    cookbookTokens: f.cookbookTokens,
    cookbookAssistantTokens: f.cookbookAssistantTokens,
    billedTokens: f.billedTokens,
    estimatedToolTokens: f.estimatedToolTokens,
    toolDefinitionTokens: f.toolDefinitionTokens,
    toolCallTokens: f.toolCallTokens,
    trainedTokens: f.trainedTokens,
    contextTokens: f.contextTokens,
    assistantTokens: f.assistantTokens,
    images: f.images,
    hasSystem: f.hasSystem,
    hasUser: f.hasUser,
    hasAssistant: f.hasAssistant,
  };
  if (f.dataFormat !== undefined) figures.dataFormat = f.dataFormat;
  return figures;
}

/**
 * The same result in the smallest shape V8 gives it: one result is kept per row, 100k of them for
 * a large dataset. An object from a worker's message (structured clone) keeps its fields in a
 * separate property array and fresh copies of its strings, about 430 bytes a row; built from one
 * object literal it holds its fields inline, its kind is the interned constant and an empty
 * findings list is shared, about 270 bytes.
 */
export function compactResult(r: ExampleResult): ExampleResult {
  return {
    line: r.line,
    kind: KINDS[r.kind],
    findings: r.findings.length === 0 ? NO_FINDINGS : r.findings,
    figures: r.figures === null ? null : compactFigures(r.figures),
    contentHash: r.contentHash,
    worst: r.worst,
  };
}

/** Results by row, kept compact (compactResult) whoever stores them. */
class KeptResults extends WeakMap<Row, ExampleResult> {
  override set(row: Row, result: ExampleResult): this {
    return super.set(row, compactResult(result));
  }
}

export interface RowAnalysis {
  analyzer: ExampleAnalyzer;
  results: WeakMap<Row, ExampleResult>;
}

let current: RowAnalysis | null = null;

/** The analyzer and results for `model`; choosing another model starts its results afresh. */
export function rowAnalysis(model: string): RowAnalysis {
  const facts = resolveModel(model);
  if (!facts) throw new Error(`no data for this model: ${model}`);
  // Compared as objects: the same id with the connected service's limits is another analysis.
  if (current?.analyzer.model !== facts) current = { analyzer: analyzerFor(facts), results: new KeptResults() };
  return current;
}

/** The row's length in bytes when it is over the line limit (it is then never decoded); null otherwise. */
export function rowTooLong(row: Row): number | null {
  const bytes = row.bytes?.length ?? (row.text.length * 3 > MAX_LINE_BYTES ? Buffer.byteLength(row.text) : row.text.length);
  return bytes > MAX_LINE_BYTES ? bytes : null;
}

const slow = new WeakSet<Row>();
const checked = new WeakSet<Row>();

/** Whether analysing the row belongs on the background worker; decided once per row. */
export function rowIsSlow(row: Row): boolean {
  if (!checked.has(row)) {
    checked.add(row);
    if (rowTooLong(row) === null && analysisMayBeSlow(row.text)) slow.add(row);
  }
  return slow.has(row);
}

/** The row's result when it is known or quick to work out now; undefined while it waits for the background worker. */
export function knownRowResult(row: Row, model: string): ExampleResult | undefined {
  const { analyzer, results } = rowAnalysis(model);
  let result = results.get(row);
  if (result) return result;
  const tooLong = rowTooLong(row);
  if (tooLong !== null) result = lineTooLongResult(0, tooLong);
  else if (rowIsSlow(row)) return undefined;
  else result = analyzer.analyzeText(row.text, 0);
  results.set(row, result);
  return result;
}

/** Stores a result worked out elsewhere (the background worker), if it is still for the current model. */
export function storeRowResult(row: Row, model: string, result: ExampleResult): void {
  if (current !== null && current.analyzer.model === resolveModel(model)) current.results.set(row, result);
}

const summaries = new WeakMap<Row, RowSummary>();
// Only the start of the title is ever drawn; measuring a whole paragraph per frame is what made scrolling slow.
const TITLE_CHARS = 240;

/** What the list shows for the row, when known or quick to work out now. */
export function knownRowSummary(row: Row): RowSummary | undefined {
  let summary = summaries.get(row);
  if (summary) return summary;
  const tooLong = rowTooLong(row);
  if (tooLong !== null) {
    summary = { kind: 'invalid', title: `line too long (${(tooLong / 1_000_000).toFixed(1)} MB, over ${MAX_LINE_BYTES / 1024 / 1024} MiB): kept as it is, not opened`, turns: 0 };
  } else if (rowIsSlow(row)) {
    return undefined;
  } else {
    const full = summarize(row.text);
    summary = { ...full, title: full.title.slice(0, TITLE_CHARS) };
  }
  summaries.set(row, summary);
  return summary;
}

export function storeRowSummary(row: Row, summary: RowSummary): void {
  summaries.set(row, summary);
}
