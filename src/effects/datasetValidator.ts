// Keeps a validation report of the open dataset current. One result is kept per row object
// (core/dataset/rowResults; rows are immutable: an edited row is a new object), so after an edit
// only that row is analysed again and the report is rebuilt from kept results. A first run over
// a large dataset is spread over worker threads when they are available; otherwise it runs here
// in slices of a few milliseconds so keys stay responsive.
import type { FileFormat } from '../core/dataset/format.js';
import type { Row } from '../core/dataset/row.js';
import { rowAnalysis, rowIsSlow, rowTooLong } from '../core/dataset/rowResults.js';
import { analyzeRowInBackground } from './backgroundAnalysis.js';
import { lineTooLongResult, ReportBuilder, resolveModel } from '../core/validate/index.js';
import { POOL_MAX_LINE_CHARS, poolSink, workersAvailable } from '../core/validate/analyzerPool.js';
import { availableParallelism } from 'node:os';
import type { DatasetReport, ExampleResult, Severity } from '../core/validate/types.js';
import type { FileRules } from '../core/domain.js';

export interface ValidationInput {
  rows: Iterable<Row>;
  count: number;
  path: string | null;
  format: FileFormat;
  /** Size of the file on disk when the rows are exactly what it holds; null when edited. */
  bytesOnDisk: number | null;
  /** The connected service's rules for the file itself (capabilities.fileRules). */
  fileRules?: FileRules | undefined;
}

export interface ValidationOutput {
  report: DatasetReport;
  /** Worst finding per row id, for the Dataset screen's marks. */
  marks: Map<number, Severity>;
  /** Content hash -> first line: what a validation file is checked against for shared examples. */
  hashes: ReadonlyMap<string, number>;
}

const SLICE_MS = 4;
const PROGRESS_MS = 1000;
const WORKER_COST_BYTES = 150e6;
const POOL_THRESHOLD = 2000;

function restamp(result: ExampleResult, line: number): ExampleResult {
  if (result.line === line) return result;
  return { ...result, line, findings: result.findings.map((f) => ({ ...f, line })) };
}

/** Resolves with the report, or null when `cancelled()` turned true on the way. */
export async function validateDataset(input: ValidationInput, model: string, cancelled: () => boolean, onProgress: (done: number, total: number) => void): Promise<ValidationOutput | null> {
  const facts = resolveModel(model);
  if (!facts) throw new Error(`no data for this model: ${model}`);
  const { analyzer, results } = rowAnalysis(facts.id);
  const rows = [...input.rows];
  const missing = rows.filter((r) => !results.has(r));
  const bytes = input.bytesOnDisk ?? rows.reduce((n, r) => n + (r.bytes?.length ?? Buffer.byteLength(r.text)) + (r.lineEnd ?? input.format.lineEnding).length, input.format.bom ? 3 : 0);
  // A row over the line limit gets its finding without being read. A row slow to analyse goes to
  // the background worker: not to this thread, which must keep answering keys and signals, nor to
  // a pool worker, whose capped heap is sized for ordinary rows (the pool would analyse its
  // biggest rows on this thread instead).
  const usePool = missing.length >= POOL_THRESHOLD && workersAvailable;
  const slow: Array<[Row, Promise<ExampleResult | undefined>]> = [];
  const quick: Row[] = [];
  for (const row of missing) {
    const tooLong = rowTooLong(row);
    if (tooLong !== null) results.set(row, lineTooLongResult(0, tooLong));
    else if (usePool ? (row.bytes?.length ?? row.text.length) > POOL_MAX_LINE_CHARS : rowIsSlow(row)) slow.push([row, analyzeRowInBackground(row, facts.id, () => !cancelled())]);
    else quick.push(row);
  }
  if (usePool) await fillWithWorkers(results, quick, facts.id, workerCount(bytes), cancelled, onProgress);
  else {
    let done = 0;
    let sliceStart = performance.now();
    for (const row of quick) {
      results.set(row, analyzer.analyzeText(row.text, 0));
      done++;
      if (performance.now() - sliceStart > SLICE_MS) {
        onProgress(done, quick.length);
        await new Promise((r) => setImmediate(r));
        if (cancelled()) return null;
        sliceStart = performance.now();
      }
    }
  }
  for (const [row, pending] of slow) {
    const result = await pending;
    if (cancelled() || result === undefined) return null;
    results.set(row, result);
  }
  if (cancelled()) return null;

  const builder = new ReportBuilder(facts, input.fileRules ? { fileRules: input.fileRules } : {});
  const marks = new Map<number, Severity>();
  // The builder's own first line per content hash: a second map of 100k hashes would be its copy.
  const hashes = builder.hashes;
  // Aggregating 100k cached results takes a few hundred ms: yield now and then so keys are not held up.
  let sliceStart = performance.now();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Row;
    // The kept result keeps the line it was analysed at; a copy with its line now is only for this
    // report. Storing the copy back would replace every kept result after a row inserted or
    // deleted mid-file (half of them, on average) with a new object on each run.
    const result = restamp(results.get(row) as ExampleResult, i + 1);
    let worst = result.worst;
    // A copy of an example before it (the builder notes the first of each as it adds them).
    if (result.contentHash !== null && hashes.has(result.contentHash)) worst ??= 'warning';
    builder.add(result);
    if (worst) marks.set(row.id, worst);
    if ((i & 1023) === 0 && performance.now() - sliceStart > SLICE_MS) {
      await new Promise((r) => setImmediate(r));
      if (cancelled()) return null;
      sliceStart = performance.now();
    }
  }
  // What the file itself carries, so figures match `ftui validate` on the same file.
  const crlfLines = input.format.lineEnding !== '\r\n' || rows.length === 0 ? 0 : input.format.finalNewline ? rows.length : rows.length - 1;
  builder.addFileFormat({ bom: input.format.bom, crlfLines, lines: rows.length }, bytes);
  return { report: builder.build({ path: input.path, format: 'jsonl', bytes }), marks, hashes };
}

/**
 * Worker threads for a first run over `bytes` of dataset. Each one costs about 150 MB whatever
 * the dataset's size (its own heap, the encoding's tables, its merge cache), so the app spends at
 * most about the dataset's own size on them, and keeps one core for the interface, so keys keep
 * answering while a big dataset is checked: one worker for the 170 MB bench file, more only for
 * bigger datasets on machines with more cores.
 */
export function workerCount(bytes: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores - 1, Math.floor(bytes / WORKER_COST_BYTES)));
}

async function fillWithWorkers(results: WeakMap<Row, ExampleResult>, rows: Row[], model: string, workers: number, cancelled: () => boolean, onProgress: (done: number, total: number) => void): Promise<void> {
  let done = 0;
  let reportedAt = performance.now();
  const sink = poolSink(model, workers, (result) => {
    results.set(rows[result.line - 1] as Row, result);
    done++;
    // Each progress report redraws the screen; a key that arrives during that frame waits for it,
    // so report about once a second rather than every few hundred results.
    const now = performance.now();
    if (now - reportedAt >= PROGRESS_MS) {
      reportedAt = now;
      onProgress(done, rows.length);
    }
    // Small batches: each arrives as one message the interface thread must take in between keys.
  }, { batchLines: 24, background: true });
  try {
    for (let i = 0; i < rows.length; i++) {
      // A row as the file's bytes where it still is them: copied into the batch as they are,
      // instead of decoded here into a string that would then be copied again to the worker.
      const row = rows[i] as Row;
      if (row.bytes) sink.pushBytes(row.bytes, i + 1);
      else sink.push(row.text, i + 1);
      if (i % 200 === 0) {
        await sink.ready();
        if (cancelled()) return;
      }
    }
    await sink.finish();
  } finally {
    if (cancelled()) await sink.abort();
  }
}
