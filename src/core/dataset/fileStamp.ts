// Is the file on disk still the one ftui read (or last wrote)? A save over a file someone changed
// since would silently drop their change; an upload of it would train on something else. The
// stamp is the size, the mtime and a SHA-256 of the bytes as read.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { lazyNumberFormat } from '../numberFormat.js';

export interface FileStamp {
  sizeBytes: number;
  mtimeMs: number;
  /** Hex SHA-256 of the bytes; null while it is still being computed (then only size and mtime are known). */
  sha256: string | null;
}

export type FileCheck =
  | { changed: false }
  /** `what` says in words what changed, e.g. "it was deleted" or "it is now 1,204 bytes (was 1,180)". */
  | { changed: true; what: string };

// About a millisecond of hashing: short enough for a key pressed meanwhile not to wait for it.
const SLICE_BYTES = 1 << 20;

/**
 * SHA-256 of `bytes`, a slice at a time with other work (keys, frames) let in between, so hashing
 * a large dataset does not block keys. Not WebCrypto's digest, which does run off the main thread
 * but first copies its whole input: a second copy of the dataset at open and at every save (peak
 * RSS on the 170 MB bench file: 537 MB, of which ~170 MB that copy).
 */
export async function sha256Of(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
    if (at > 0) await new Promise((resolve) => setImmediate(resolve));
    hash.update(bytes.subarray(at, at + SLICE_BYTES));
  }
  return hash.digest('hex');
}

/** SHA-256 of the file at `path`, read in slices: the file is never in memory whole. */
async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: SLICE_BYTES })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const n = lazyNumberFormat();

/**
 * Checks `path` against the stamp of what was read. The same size and mtime mean the same file
 * (a save within the same mtime tick is the only blind spot, and mtimes are in nanoseconds here);
 * otherwise the content decides: a file only touched (same bytes) has not changed. With no stamp
 * (a dataset never written), any file now at the path is a change.
 */
export async function checkFileUnchanged(path: string, stamp: FileStamp | null): Promise<FileCheck> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return stamp === null ? { changed: false } : { changed: true, what: 'it was deleted or moved' };
    return { changed: true, what: `it cannot be checked (${(error as Error).message})` };
  }
  if (stamp === null) return { changed: true, what: `a file of ${n.format(info.size)} bytes was created there` };
  if (info.size === stamp.sizeBytes && info.mtimeMs === stamp.mtimeMs) return { changed: false };
  const what = info.size === stamp.sizeBytes ? 'it was modified (same size)' : `it is now ${n.format(info.size)} bytes (was ${n.format(stamp.sizeBytes)})`;
  if (info.size !== stamp.sizeBytes || stamp.sha256 === null) return { changed: true, what };
  const sha256 = await sha256OfFile(path).catch(() => null);
  if (sha256 === null) return { changed: true, what: 'it cannot be read any more' };
  return sha256 === stamp.sha256 ? { changed: false } : { changed: true, what };
}
