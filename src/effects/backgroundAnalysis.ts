// The app's background worker for slow rows (core/validate/background.ts), and what the screens
// need from it: a row's analysis, a text's token count and an example's token view, each asked for
// once and remembered, with a version number that goes up whenever an answer arrives so the
// screens showing "…" redraw with it (useBackgroundAnswers).
import { useSyncExternalStore } from 'react';
import type { Row } from '../core/dataset/row.js';
import { storeRowResult, storeRowSummary } from '../core/dataset/rowResults.js';
import { BackgroundAnalyzer, JobNotWanted } from '../core/validate/background.js';
import type { TokenViewResult } from '../core/validate/backgroundJobs.js';
import { makeFinding, resolveModel } from '../core/validate/index.js';
import { serviceModelFacts } from '../core/models.js';
import type { ExampleResult } from '../core/validate/types.js';

const background = new BackgroundAnalyzer();

let version = 0;
const listeners = new Set<() => void>();
function answered(): void {
  version++;
  for (const listener of listeners) listener();
}

/** Redraws the calling component whenever a background answer arrives. */
export function useBackgroundAnswers(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => version,
  );
}

/** A row the worker could not analyse (it ran out of memory on it): an error on that line, not a stopped app. */
function failedResult(reason: string): ExampleResult {
  const finding = makeFinding('line_not_analysed', 0, null, `ftui could not analyse this line: ${reason}.`);
  return { line: 0, kind: 'invalid', findings: [finding], figures: null, contentHash: null, worst: 'error' };
}

// By the facts analysed with (not the id): the connected service's limits for a model are another analysis.
const rowJobs = new Map<object | string, WeakMap<Row, Promise<ExampleResult>>>();

/**
 * Analyses a slow row on the worker, once per row and model; the result is stored with the
 * others (core/dataset/rowResults) and the screens redraw. `wanted` lets a job still queued be
 * dropped when nobody needs it any more (the row was edited away); it then resolves with undefined.
 */
export function analyzeRowInBackground(row: Row, model: string, wanted: () => boolean = () => true): Promise<ExampleResult | undefined> {
  const facts = resolveModel(model);
  const id = facts?.id ?? model;
  let jobs = rowJobs.get(facts ?? model);
  if (!jobs) rowJobs.set(facts ?? model, (jobs = new WeakMap()));
  const known = jobs.get(row);
  if (known) return known;
  const job = background.run({ op: 'analyze', model: id, facts: serviceModelFacts(id) ?? null, text: row.text }, wanted).then(
    ({ result, summary }) => {
      storeRowResult(row, id, result);
      storeRowSummary(row, summary);
      answered();
      return result;
    },
    (error: unknown) => {
      jobs.delete(row);
      if (error instanceof JobNotWanted) return undefined;
      const result = failedResult(error instanceof Error ? error.message : String(error));
      storeRowResult(row, id, result);
      storeRowSummary(row, { kind: 'invalid', title: `not analysed: ${result.findings[0]?.message ?? ''}`, turns: 0 });
      answered();
      return result;
    },
  );
  jobs.set(row, job as Promise<ExampleResult>);
  return job;
}

// Counts for the texts the editor shows: the latest few, since typing in a long message asks for
// a new one on every key and only the newest matters.
const COUNTS_KEPT = 8;
const counts = new Map<string, number>();
// Texts whose count is queued; the oldest is dropped (and its job skipped) when too many are.
const countsAsked = new Set<string>();

/** Tokens of a text that is slow to count: the number once known, undefined while the worker counts it. */
export function backgroundCount(text: string, model: string): number | undefined {
  const key = `${model}\u0000${text}`;
  const known = counts.get(key);
  if (known !== undefined) return known;
  if (!countsAsked.has(key)) {
    // Marked as asked before the job is queued: its turn may come at once, and it is wanted while marked.
    countsAsked.add(key);
    if (countsAsked.size > COUNTS_KEPT) countsAsked.delete(countsAsked.values().next().value as string);
    background
      .run({ op: 'count', model, text }, () => countsAsked.has(key))
      .then(
        (n) => {
          counts.set(key, n);
          if (counts.size > COUNTS_KEPT) counts.delete(counts.keys().next().value as string);
          answered();
        },
        () => undefined,
      )
      .finally(() => countsAsked.delete(key));
  }
  return undefined;
}

const views = new Map<string, WeakMap<Row, TokenViewResult | 'pending'>>();
/** Tokens shown per message in the token view; the counts cover all of them. */
const TOKENS_SHOWN = 2000;

/** The token view of a slow row at `line`: known, or undefined while the worker works it out. */
export function backgroundTokenView(row: Row, model: string, line: number): TokenViewResult | undefined {
  let byRow = views.get(model);
  if (!byRow) views.set(model, (byRow = new WeakMap()));
  const known = byRow.get(row);
  if (known === 'pending') return undefined;
  if (known) return known;
  byRow.set(row, 'pending');
  const cache = byRow;
  background.run({ op: 'tokenView', model, facts: serviceModelFacts(model) ?? null, text: row.text, line, maxShown: TOKENS_SHOWN }).then(
    (result) => {
      cache.set(row, result);
      answered();
    },
    () => {
      cache.set(row, { view: null, figures: null });
      answered();
    },
  );
  return undefined;
}
