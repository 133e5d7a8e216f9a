// Writes rows back as JSONL atomically (write-file-atomic: temp file, fsync, rename, mode kept).
// Untouched rows go out as the exact bytes they came in as.
import writeFileAtomic from 'write-file-atomic';
import { describeFsError, DatasetFileError } from './errors.js';
import type { FileFormat } from './format.js';
import type { Row } from './row.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
// Joining in pieces keeps every intermediate string far below V8's string length limit.
const PIECE_ROWS = 4096;

export function encodeRows(rows: readonly Pick<Row, 'text' | 'bytes'>[], format: FileFormat): Buffer {
  const parts: Buffer[] = format.bom ? [BOM] : [];
  const end = format.lineEnding;
  for (let start = 0; start < rows.length; start += PIECE_ROWS) {
    let text = '';
    const stop = Math.min(rows.length, start + PIECE_ROWS);
    for (let i = start; i < stop; i++) {
      const row = rows[i] as Row;
      const last = i === rows.length - 1;
      const ending = last && !format.finalNewline ? '' : end;
      if (row.bytes) {
        if (text) parts.push(Buffer.from(text, 'utf8'));
        text = '';
        parts.push(row.bytes, Buffer.from(ending, 'utf8'));
      } else {
        text += row.text + ending;
      }
    }
    if (text) parts.push(Buffer.from(text, 'utf8'));
  }
  return Buffer.concat(parts);
}

export async function saveDataset(path: string, rows: readonly Row[], format: FileFormat, options: { mode?: number | null } = {}): Promise<void> {
  try {
    await writeFileAtomic(path, encodeRows(rows, format), options.mode == null ? {} : { mode: options.mode });
  } catch (error) {
    throw new DatasetFileError(path, `could not save: ${describeFsError(error)}`);
  }
}
