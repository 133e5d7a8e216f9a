// Opens a dataset file as rows, keeping everything: invalid lines (UTF-8 or JSON) and blank lines
// stay as they are, and how the file was written is remembered. The file is read in one piece
// and the rows point into its bytes (FileRow), so the dataset costs its size once in memory.
import { isUtf8 } from 'node:buffer';
import { readFile, stat } from 'node:fs/promises';
import { firstInvalidColumn, MAX_LINE_BYTES } from '../validate/lineReader.js';
import { describeFsError, DatasetFileError } from './errors.js';
import { NOT_A_REGULAR_FILE } from '../regularFile.js';
import { DEFAULT_FORMAT, type FileFormat } from './format.js';
import { recordLoadPlacement } from './placement.js';
import { FileRow, newRowId, type Row } from './row.js';

export interface LoadedDataset {
  path: string;
  /** False when the file does not exist yet: a new dataset there. */
  exists: boolean;
  rows: Row[];
  format: FileFormat;
  /** File mode to keep on save; null for a new file. */
  mode: number | null;
  mtimeMs: number | null;
  sizeBytes: number;
  /** The bytes as read (the rows point into them), for the stamp a later save checks against; null for a new file. */
  bytes: Buffer | null;
  /** Something the user should know about the file as a whole, or null. */
  notice: string | null;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * A JSON array, or an object pretty-printed over several lines, rather than JSONL. A JSONL file
 * whose first line is broken is not one: there the next line parses on its own.
 */
function looksLikeOneJsonDocument(rows: readonly Row[]): boolean {
  const nonBlank: string[] = [];
  for (const row of rows) {
    // A line over the limit is never decoded or parsed (it is one line_too_long finding).
    if ((row.bytes?.length ?? 0) > MAX_LINE_BYTES) return false;
    const text = row.text.trim();
    if (text.length > 0 && nonBlank.push(text) === 2) break;
  }
  const [first, second] = nonBlank;
  if (first === undefined) return false;
  if (first.startsWith('[')) return true;
  return first.startsWith('{') && !parses(first) && (second === undefined || !parses(second));
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The file's lines as rows that point into its bytes, and how the file was written: BOM, line
 * ends (a \r counts as part of a line end only before a \n), final newline. Lines that are not
 * valid UTF-8 are counted for the notice.
 */
function splitRows(file: Buffer): { rows: FileRow[]; format: FileFormat; invalidUtf8: number; firstInvalid: string[] } {
  const bom = file.subarray(0, 3).equals(BOM);
  const rows: FileRow[] = [];
  const crlfEnded: boolean[] = [];
  let invalidUtf8 = 0;
  const firstInvalid: string[] = [];
  let start = bom ? 3 : 0;
  let finalNewline = true;
  while (start < file.length) {
    const nl = file.indexOf(0x0a, start);
    const stop = nl === -1 ? file.length : nl;
    const crlf = nl !== -1 && stop > start && file[stop - 1] === 0x0d;
    const end = crlf ? stop - 1 : stop;
    const line = file.subarray(start, end);
    if (!isUtf8(line)) {
      invalidUtf8++;
      if (firstInvalid.length < 3) firstInvalid.push(`line ${rows.length + 1}, column ${firstInvalidColumn(line)}`);
    }
    rows.push(new FileRow(newRowId(), rows.length, file, start, end));
    crlfEnded.push(crlf);
    if (nl === -1) finalNewline = false;
    start = stop + 1;
  }
  const ended = finalNewline ? rows.length : rows.length - 1;
  const crlfCount = crlfEnded.reduce((n, c) => n + (c ? 1 : 0), 0);
  const format: FileFormat = {
    bom,
    // A file that mixes both is written back with its majority's line end for new and edited
    // lines; untouched lines with the other end keep theirs (Row.lineEnd).
    lineEnding: crlfCount * 2 > ended ? '\r\n' : '\n',
    finalNewline,
  };
  if (crlfCount > 0 && crlfCount < ended) {
    const minority = format.lineEnding === '\r\n' ? '\n' : '\r\n';
    for (let i = 0; i < ended; i++) {
      if ((crlfEnded[i] ? '\r\n' : '\n') === minority) rows[i] = (rows[i] as FileRow).withLineEnd(minority);
    }
  }
  return { rows, format, invalidUtf8, firstInvalid };
}

export async function loadDataset(path: string): Promise<LoadedDataset> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { path, exists: false, rows: [], format: DEFAULT_FORMAT, mode: null, mtimeMs: null, sizeBytes: 0, bytes: null, notice: null };
    }
    throw new DatasetFileError(path, describeFsError(error));
  }
  if (info.isDirectory()) throw new DatasetFileError(path, describeFsError({ code: 'EISDIR' }));
  // A pipe or a device would block the read forever or never end; only a regular file is a dataset.
  if (!info.isFile()) throw new DatasetFileError(path, NOT_A_REGULAR_FILE);

  let file: Buffer;
  try {
    file = await readFile(path);
  } catch (error) {
    throw new DatasetFileError(path, describeFsError(error));
  }
  const { rows, format, invalidUtf8, firstInvalid } = splitRows(file);
  recordLoadPlacement(path, { mtimeMs: info.mtimeMs, sizeBytes: info.size }, file);
  const notices: string[] = [];
  if (looksLikeOneJsonDocument(rows)) {
    notices.push('This file looks like one JSON document, not JSONL (one example per line). Import it (i) to convert it.');
  }
  if (invalidUtf8 > 0) {
    const where = `${firstInvalid.join('; ')}${invalidUtf8 > firstInvalid.length ? '; …' : ''}`;
    notices.push(`${invalidUtf8} line${invalidUtf8 === 1 ? ' is' : 's are'} not valid UTF-8 (${where}); they are kept byte for byte unless you edit them.`);
  }
  return {
    path,
    exists: true,
    rows,
    format,
    mode: info.mode & 0o7777,
    mtimeMs: info.mtimeMs,
    sizeBytes: info.size,
    bytes: file,
    notice: notices.length > 0 ? notices.join(' ') : null,
  };
}
