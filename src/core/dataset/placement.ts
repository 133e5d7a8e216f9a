// Which line of the file on disk each untouched row is, for the draft journal's references.
// Row.origin says where a row was when the file was loaded; after a save that moved, deleted or
// inserted rows, the file on disk is a different one and those numbers point at the wrong lines.
// So every load and every save records, for the version of the file it leaves on disk (mtime and
// size), the line each row object is on; a draft refers to a line only through this record and
// only when the record is for the same version as the draft's base. Rows are immutable, so an
// edited row is a new object that has no line here and goes into the draft as text.
import { resolve } from 'node:path';
import { FileRow } from './row.js';

export interface FileVersion {
  mtimeMs: number;
  sizeBytes: number;
}

interface Placement extends FileVersion {
  lineOf: (row: object) => number | undefined;
}

// Only the latest version of each file: older ones can never be a draft's base again.
const latest = new Map<string, Placement>();

/** After a save: each row's line in the file as written. */
export function recordPlacement(path: string, version: FileVersion, rows: readonly object[]): void {
  const lines = new WeakMap<object, number>();
  for (let i = 0; i < rows.length; i++) lines.set(rows[i] as object, i);
  latest.set(resolve(path), { mtimeMs: version.mtimeMs, sizeBytes: version.sizeBytes, lineOf: (row) => lines.get(row) });
}

/**
 * After a load: the loaded rows are the FileRows that point into `file` (the bytes read), and
 * each one's origin is its line. Asked of the rows themselves rather than kept in a map, which
 * for 100k rows held a 4 MB table for as long as the file stayed unsaved.
 */
export function recordLoadPlacement(path: string, version: FileVersion, file: Buffer): void {
  latest.set(resolve(path), { mtimeMs: version.mtimeMs, sizeBytes: version.sizeBytes, lineOf: (row) => (row instanceof FileRow && row.pointsInto(file) ? row.origin : undefined) });
}

/**
 * A lookup of each row's line in the file at `base`, or null when ftui has no record of that
 * version of the file (then nothing may be referred to and every row is written as text).
 */
export function placementAt(path: string, base: FileVersion | null): ((row: object) => number | undefined) | null {
  if (base === null) return null;
  const placement = latest.get(resolve(path));
  if (!placement || placement.mtimeMs !== base.mtimeMs || placement.sizeBytes !== base.sizeBytes) return null;
  return placement.lineOf;
}

/** ftui has loaded or saved this file as a dataset in this process. */
export function isDatasetFile(path: string): boolean {
  return latest.has(resolve(path));
}
