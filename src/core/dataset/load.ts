// Opens a dataset file as rows, streaming, keeping everything: invalid lines stay as their text
// (and bytes, when not UTF-8), blank lines stay, and how the file was written is remembered.
import { stat } from 'node:fs/promises';
import { readLines } from '../validate/lineReader.js';
import { describeFsError, DatasetFileError } from './errors.js';
import { DEFAULT_FORMAT, type FileFormat } from './format.js';
import { recordPlacement } from './placement.js';
import { newRowId, type Row } from './row.js';

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
    const text = row.text.trim();
    if (text.length > 0 && nonBlank.push(text) === 2) break;
  }
  const [first, second] = nonBlank;
  if (first === undefined) return false;
  if (first.startsWith('[')) return true;
  return first.startsWith('{') && !parses(first) && (second === undefined || !parses(second));
}

export async function loadDataset(path: string): Promise<LoadedDataset> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { path, exists: false, rows: [], format: DEFAULT_FORMAT, mode: null, mtimeMs: null, sizeBytes: 0, notice: null };
    }
    throw new DatasetFileError(path, describeFsError(error));
  }
  if (info.isDirectory()) throw new DatasetFileError(path, describeFsError({ code: 'EISDIR' }));
  // A pipe or a device would block the read forever or never end; only a regular file is a dataset.
  if (!info.isFile()) throw new DatasetFileError(path, 'this is not a regular file (a pipe, socket or device)');

  const rows: Row[] = [];
  // Which lines ended in \r\n, only needed when the file turns out to mix both ends; a bitmap
  // (one bit a line) so a 100k-line file costs 12 kB for it.
  let crlf = new Uint8Array(1024);
  let invalidUtf8 = 0;
  const firstInvalid: string[] = [];
  let summary;
  try {
    summary = await readLines(path, (line) => {
      const index = line.number - 1;
      if (line.crlf) {
        if (index >> 3 >= crlf.length) {
          const grown = new Uint8Array(crlf.length * 2);
          grown.set(crlf);
          crlf = grown;
        }
        crlf[index >> 3]! |= 1 << (index & 7);
      }
      if (line.bytes) {
        invalidUtf8++;
        if (firstInvalid.length < 3) firstInvalid.push(`line ${line.number}, column ${line.invalidUtf8Column ?? 1}`);
        rows.push({ id: newRowId(), text: line.text, origin: index, bytes: line.bytes });
      } else {
        rows.push({ id: newRowId(), text: line.text, origin: index });
      }
    });
  } catch (error) {
    throw new DatasetFileError(path, describeFsError(error));
  }
  const isCrlf = (i: number) => ((crlf[i >> 3] ?? 0) & (1 << (i & 7))) !== 0;
  let crlfEnded = summary.crlfLines;
  const last = rows.length - 1;
  if (!summary.finalNewline && last >= 0 && isCrlf(last)) {
    // A file ending in a bare \r: that \r is the last line's text, not half a line end.
    crlfEnded--;
    const row = rows[last] as Row;
    rows[last] = row.bytes ? { ...row, text: `${row.text}\r`, bytes: Buffer.concat([row.bytes, Buffer.from([0x0d])]) } : { ...row, text: `${row.text}\r` };
  }
  // The last line of a file without a final newline has no end of its own.
  const ended = summary.finalNewline ? rows.length : rows.length - 1;
  const format: FileFormat = {
    bom: summary.bom,
    // A file that mixes both is written back with its majority's line end for new and edited
    // lines; untouched lines with the other end keep theirs (Row.lineEnd).
    lineEnding: crlfEnded * 2 > ended ? '\r\n' : '\n',
    finalNewline: summary.finalNewline,
  };
  if (crlfEnded > 0 && crlfEnded < ended) {
    const minority = format.lineEnding === '\r\n' ? '\n' : '\r\n';
    for (let i = 0; i < ended; i++) {
      if ((isCrlf(i) ? '\r\n' : '\n') === minority) rows[i] = { ...(rows[i] as Row), lineEnd: minority };
    }
  }
  recordPlacement(path, { mtimeMs: info.mtimeMs, sizeBytes: info.size }, rows);
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
    notice: notices.length > 0 ? notices.join(' ') : null,
  };
}
