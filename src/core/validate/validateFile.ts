// Whole files (streamed) and in-memory datasets through the analyzer into reports. A file that is
// one JSON array or one pretty-printed JSON document instead of JSONL is recognised, analysed
// element by element, and reported as such so the user can convert it.
import { readFile, type FileHandle } from 'node:fs/promises';
import { openRegularFile, UnreadableFileError } from '../regularFile.js';
import { describeFsError } from '../dataset/errors.js';
import { createAnalyzer } from './analyzer.js';
import { makeFinding } from './findings.js';
import { idleCoreWatch, inlineSink, POOL_MAX_LINE_CHARS, poolSink, workersAvailable, workersMayPay } from './analyzerPool.js';
import { analyzeLine } from './lineResult.js';
import { forEachLine, readLineChunks, type RawLine } from './lineReader.js';
import { ReportBuilder, type BuilderOptions, type FileInfo } from './report.js';
import type { DatasetReport, ExampleAnalyzer, ExampleResult, ValidateFileOptions, ValidationRun } from './types.js';

export { lineTooLongResult } from './lineResult.js';

// Re-reading a suspected JSON document whole is only sensible while it fits comfortably in memory.
const WHOLE_DOCUMENT_LIMIT = 512 * 1024 * 1024;

export interface FileValidation {
  report: DatasetReport;
  /** Content hash -> first line, to check a validation file against this one. */
  hashes: ReadonlyMap<string, number>;
}

// The same words for a file problem as the Dataset screen uses (core/dataset/errors.ts).
function describeReadError(error: unknown): string {
  return `The file cannot be read: ${error instanceof UnreadableFileError ? error.reason : describeFsError(error)}.`;
}

function unreadableReport(path: string, builder: ReportBuilder, message: string): FileValidation {
  builder.addFinding(makeFinding('file_unreadable', null, null, `${path}: ${message}`));
  return { report: builder.build({ path, format: 'jsonl', bytes: 0, unreadable: true }), hashes: new Map() };
}

/** A JSON array or object spread over the whole file, or null when the file is not one. */
export async function readWholeDocument(path: string, bytes: number): Promise<unknown[] | Record<string, unknown> | null> {
  if (bytes > WHOLE_DOCUMENT_LIMIT) return null;
  let text = await readFile(path, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value)) return value;
    if (typeof value === 'object' && value !== null) return value as Record<string, unknown>;
    return null;
  } catch {
    return null;
  }
}

export async function validatePath(
  path: string,
  analyzer: ExampleAnalyzer,
  options: BuilderOptions & Pick<ValidateFileOptions, 'onProgress' | 'workers' | 'blockingReads'> = {},
): Promise<FileValidation> {
  let builder = new ReportBuilder(analyzer.model, options);
  let handle: FileHandle;
  let bytes: number;
  try {
    ({ handle, bytes } = await openRegularFile(path));
  } catch (error) {
    return unreadableReport(path, builder, describeReadError(error));
  }

  let firstText: string | null = null;
  let firstResult: ExampleResult | null = null;
  const onResult = (result: ExampleResult) => {
    if (firstResult === null && result.kind !== 'blank') firstResult = result;
    builder.add(result);
  };
  // Unless told how many, workers start once this thread has worked alone for a moment, one for each
  // core that stood idle meanwhile (none on a busy machine), and only for a file big enough to pay.
  const watch = options.workers === undefined && workersMayPay(bytes) ? idleCoreWatch() : null;
  const pooled = (watch !== null || (options.workers ?? 0) > 0) && workersAvailable;
  // This thread only reads and adds up while the workers have enough in hand, and analyses chunks itself otherwise.
  const pool = pooled ? poolSink(analyzer.model.id, options.workers ?? 0, onResult, { helper: analyzer }) : null;
  const sink = pool ?? inlineSink(analyzer, onResult);
  const afterChunk = () => {
    const more = watch?.() ?? null;
    if (more !== null) pool?.addWorkers(more);
    return sink.ready();
  };
  // Whether the file is one JSON document rather than JSONL shows in its first line with text.
  const noteFirstText = (line: RawLine): boolean => {
    if (firstText === null && line.text.trim().length > 0) firstText = line.text.trimStart();
    return firstText === null;
  };
  let summary;
  try {
    summary = await readLineChunks(
      handle,
      {
        chunk(chunk) {
          if (firstText === null) forEachLine(chunk, noteFirstText);
          sink.chunk(chunk);
        },
        // Too long for a chunk (only when pooled: a worker's heap is capped): analysed here, in its place.
        line(line) {
          noteFirstText(line);
          sink.pushResult(analyzeLine(analyzer, line));
        },
      },
      {
        ...(pooled && { longLineBytes: POOL_MAX_LINE_CHARS }),
        // With workers, this thread must keep taking their answers while the next read runs.
        ...(options.blockingReads && !pooled && { blocking: true }),
        ...(options.onProgress && { onProgress: (read: number) => options.onProgress?.(read, bytes) }),
        afterChunk,
      },
    );
    await sink.finish();
  } catch (error) {
    await sink.abort();
    return unreadableReport(path, new ReportBuilder(analyzer.model, options), describeReadError(error));
  } finally {
    await handle.close();
  }

  // A first line that is not an example but opens an array or object: maybe the whole file is one JSON value.
  const first = firstResult as ExampleResult | null;
  const opensDocument = firstText !== null && /^[[{]/.test(firstText) && (first?.kind === 'unparsed' || (firstText as string).startsWith('['));
  if (opensDocument) {
    const whole = await readWholeDocument(path, bytes);
    if (whole !== null) {
      builder = new ReportBuilder(analyzer.model, options);
      if (Array.isArray(whole)) {
        builder.addFinding(makeFinding('not_jsonl_json_array', null, null, `The file is one JSON array of ${whole.length} examples, not JSONL.`));
        whole.forEach((value, i) => builder.add(analyzer.analyze(value, i + 1)));
        return { report: builder.build({ path, format: 'json-array', bytes }), hashes: builder.hashes };
      }
      builder.addFinding(makeFinding('not_jsonl_json_document', null, null, 'The file is one pretty-printed JSON document spread over several lines, not JSONL.'));
      builder.add(analyzer.analyze(whole, 1));
      return { report: builder.build({ path, format: 'json-document', bytes }), hashes: builder.hashes };
    }
  }

  builder.addFileFormat(summary, bytes);
  return { report: builder.build({ path, format: 'jsonl', bytes }), hashes: builder.hashes };
}

/** Validates one JSONL file. Throws UnknownModelError for a model ftui has no data for. */
export async function validateFile(path: string, options: ValidateFileOptions): Promise<DatasetReport> {
  const analyzer = createAnalyzer(options);
  return (await validatePath(path, analyzer, options)).report;
}

/** A training file and an optional validation file, checked against each other for shared examples. */
export async function validateFiles(training: string, validation: string | null, options: ValidateFileOptions): Promise<ValidationRun> {
  const analyzer = createAnalyzer(options);
  const train = await validatePath(training, analyzer, { ...options, role: 'training' });
  const valid =
    validation === null ? null : await validatePath(validation, analyzer, { ...options, role: 'validation', trainingHashes: train.hashes });
  const reports = valid ? [train.report, valid.report] : [train.report];
  const unreadable = reports.some((r) => r.findings.some((g) => g.code === 'file_unreadable'));
  const errors = reports.some((r) => r.errors > 0);
  return { training: train.report, validation: valid?.report ?? null, outcome: unreadable ? 'unreadable' : errors ? 'errors' : 'clean' };
}

/** An in-memory dataset: one raw text per line, as the Dataset screen holds it. */
export function validateLines(lines: readonly string[], analyzer: ExampleAnalyzer, file: FileInfo, options: BuilderOptions = {}): DatasetReport {
  const builder = new ReportBuilder(analyzer.model, options);
  lines.forEach((text, i) => builder.add(analyzer.analyzeText(text, i + 1)));
  return builder.build(file);
}
