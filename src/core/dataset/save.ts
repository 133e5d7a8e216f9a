// Writes rows back as JSONL atomically (write-file-atomic: temp file, fsync, rename, mode kept).
// Untouched rows go out as the exact bytes they came in as.
import { stat } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { describeFsError, DatasetFileError } from './errors.js';
import type { FileFormat } from './format.js';
import { sha256Of, type FileStamp } from './fileStamp.js';
import { recordPlacement } from './placement.js';
import type { Row } from './row.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The file's bytes in one buffer sized up front: measuring first and writing each line straight
 * into place holds one copy of the file beside the rows, where joining pieces and concatenating
 * them held two (4.7x the file in peak RSS on the 170 MB bench file; see bench/dataset-load).
 */
/** What the encoder writes for one line; `prefix` (ASCII) goes before the text without a copy of it. */
export type EncodableLine = Pick<Row, 'text' | 'bytes' | 'lineEnd'> & { prefix?: string };

export function encodeRows(rows: readonly EncodableLine[], format: FileFormat): Buffer {
  // Every line ends, but the last one only when the format says the file ends with a newline.
  const ended = rows.length === 0 ? 0 : format.finalNewline ? rows.length : rows.length - 1;
  let total = format.bom ? BOM.length : 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as EncodableLine;
    if (row.prefix) total += row.prefix.length;
    total += row.bytes ? row.bytes.length : Buffer.byteLength(row.text, 'utf8');
    if (i < ended) total += (row.lineEnd ?? format.lineEnding).length;
  }
  const out = Buffer.allocUnsafe(total);
  let at = format.bom ? BOM.copy(out, 0) : 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as EncodableLine;
    if (row.prefix) at += out.write(row.prefix, at, 'latin1');
    at += row.bytes ? row.bytes.copy(out, at) : out.write(row.text, at, 'utf8');
    if (i < ended) at += out.write(row.lineEnd ?? format.lineEnding, at, 'latin1');
  }
  // byteLength and write agree (lone surrogates count as the 3 bytes of U+FFFD in both); if they
  // ever did not, refuse rather than write a file with uninitialised bytes in it.
  if (at !== total) throw new Error(`encoded ${at} bytes where ${total} were measured`);
  return out;
}

/** Writes the rows; resolves with the stamp of the file as written (for the next save's check), or null if it cannot be read back. */
export async function saveDataset(path: string, rows: readonly Row[], format: FileFormat, options: { mode?: number | null } = {}): Promise<FileStamp | null> {
  const bytes = encodeRows(rows, format);
  try {
    await writeFileAtomic(path, bytes, options.mode == null ? {} : { mode: options.mode });
  } catch (error) {
    throw new DatasetFileError(path, `could not save: ${describeFsError(error)}`);
  }
  // The file on disk is now these rows in this order: drafts refer to its lines from here on.
  const info = await stat(path).catch(() => null);
  if (!info) return null;
  recordPlacement(path, { mtimeMs: info.mtimeMs, sizeBytes: info.size }, rows);
  return { mtimeMs: info.mtimeMs, sizeBytes: info.size, sha256: await sha256Of(bytes) };
}
