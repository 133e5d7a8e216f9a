// Writing a dataset out for upload: plain JSONL of the valid examples, or a train/validation
// split by ratio with a fixed seed, so the same seed always gives the same two files.
import { isUtf8 } from 'node:buffer';
import writeFileAtomic from 'write-file-atomic';
import { describeFsError, DatasetFileError } from './errors.js';
import { parseExample } from './example.js';
import { isDatasetFile } from './placement.js';
import type { Row } from './row.js';
import { encodeRows, type EncodableLine } from './save.js';
import { seededRandom } from '../seededRandom.js';

export interface ExportResult {
  written: number;
  /** Rows left out (blank or not an example), by 1-based row number. */
  skipped: number[];
}

function isJsonSpace(code: number | undefined): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0a;
}

/** Without surrounding JSON whitespace (a stray \r from a mixed file); the same string when there is none. */
function trimmed(text: string): string {
  return isJsonSpace(text.charCodeAt(0)) || isJsonSpace(text.charCodeAt(text.length - 1)) ? text.trim() : text;
}

type ExportLine = Pick<EncodableLine, 'text' | 'bytes'>;

function examplesOf(rows: Iterable<Row>): { lines: ExportLine[]; skipped: number[] } {
  const lines: ExportLine[] = [];
  const skipped: number[] = [];
  let n = 0;
  for (const row of rows) {
    n++;
    // The example goes out as its own text, not re-serialised: JSON.stringify(JSON.parse(x))
    // would round integers past 2^53 and rewrite numbers like 1.0, and would copy every line.
    const text = row.text;
    if (!parseExample(text).ok) {
      skipped.push(n);
      continue;
    }
    const out = trimmed(text);
    // An untouched line goes out as the file's own bytes when they are the same text: holding
    // every line decoded until the file is written would take twice the dataset's size.
    const bytes = row.bytes;
    lines.push(out === text && bytes && isUtf8(bytes) ? { text: '', bytes } : { text: out });
  }
  return { lines, skipped };
}

/** Deterministic split: shuffles with the seed, then the first `ratio` share is training. */
export function splitLines<T>(lines: readonly T[], ratio: number, seed: number): { train: T[]; validation: T[] } {
  if (!(ratio >= 0 && ratio <= 1)) throw new RangeError(`the split ratio must be between 0 and 1, not ${ratio}`);
  if (!Number.isInteger(seed)) throw new RangeError(`the seed must be a whole number, not ${seed}`);
  const order = lines.map((_, i) => i);
  const random = seededRandom(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const cut = Math.round(lines.length * ratio);
  return { train: order.slice(0, cut).map((i) => lines[i] as T), validation: order.slice(cut).map((i) => lines[i] as T) };
}

// An export keeps only valid examples: written over the dataset itself it would drop the rest.
function refuseDatasetFile(path: string): void {
  if (isDatasetFile(path)) throw new DatasetFileError(path, 'this is the dataset file itself; an export leaves out invalid and blank lines, so write it to another file');
}

async function write(path: string, lines: readonly ExportLine[]): Promise<void> {
  refuseDatasetFile(path);
  try {
    // Straight into one buffer, like a save: no second copy of the dataset as one joined string.
    await writeFileAtomic(path, encodeRows(lines, { bom: false, lineEnding: '\n', finalNewline: true }));
  } catch (error) {
    throw new DatasetFileError(path, `could not write: ${describeFsError(error)}`);
  }
}

export async function exportJsonl(rows: Iterable<Row>, path: string): Promise<ExportResult> {
  const { lines, skipped } = examplesOf(rows);
  await write(path, lines);
  return { written: lines.length, skipped };
}

export async function exportSplit(rows: Iterable<Row>, ratio: number, seed: number, trainPath: string, validationPath: string): Promise<ExportResult & { train: number; validation: number }> {
  // Both targets are checked before either is written, so a refusal leaves no half export.
  refuseDatasetFile(trainPath);
  refuseDatasetFile(validationPath);
  const { lines, skipped } = examplesOf(rows);
  const { train, validation } = splitLines(lines, ratio, seed);
  await write(trainPath, train);
  await write(validationPath, validation);
  return { written: lines.length, skipped, train: train.length, validation: validation.length };
}
