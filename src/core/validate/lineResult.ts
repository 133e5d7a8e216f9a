// The result of one line as the reader hands it over, the same on this thread and on a worker:
// a line over the limit is one line_too_long error without being read, and a line that is not
// valid UTF-8 gets an invalid_utf8 error before what its (replaced) text gives.
import { makeFinding } from './findings.js';
import { MAX_LINE_BYTES, type RawLine } from './lineReader.js';
import type { ExampleAnalyzer, ExampleResult } from './types.js';

/** The result for a line over the line limit, which is never read whole: one line_too_long error. */
export function lineTooLongResult(line: number, bytes: number): ExampleResult {
  const mb = (bytes / 1_000_000).toFixed(1);
  const finding = makeFinding('line_too_long', line, null, `The line is ${mb} MB, over the ${MAX_LINE_BYTES / 1024 / 1024} MiB ftui reads; it was not analysed.`);
  return { line, kind: 'invalid', findings: [finding], figures: null, contentHash: null, worst: 'error' };
}

export function analyzeLine(analyzer: ExampleAnalyzer, line: RawLine): ExampleResult {
  if (line.tooLong !== null) return lineTooLongResult(line.number, line.tooLong);
  const result = analyzer.analyzeText(line.text, line.number, line.controlFree === true);
  const column = line.invalidUtf8Column;
  if (column === null) return result;
  const finding = makeFinding('invalid_utf8', result.line, null, `The line is not valid UTF-8 from column ${column}.`, { column });
  return { ...result, findings: [finding, ...result.findings], worst: 'error' };
}
