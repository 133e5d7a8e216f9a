// Is the file on disk still the one ftui read (or last wrote)? A save over a file someone changed
// since would silently drop their change; an upload of it would train on something else. The
// stamp is the size, the mtime and a SHA-256 of the bytes as read.
import { webcrypto } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';

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

/** SHA-256 of `bytes` on the thread pool (WebCrypto), so hashing a large dataset does not block keys. */
export async function sha256Of(bytes: Uint8Array): Promise<string> {
  const digest = await webcrypto.subtle.digest('SHA-256', bytes);
  return Buffer.from(digest).toString('hex');
}

const n = new Intl.NumberFormat('en-US');

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
  const bytes = await readFile(path).catch(() => null);
  if (bytes === null) return { changed: true, what: 'it cannot be read any more' };
  return (await sha256Of(bytes)) === stamp.sha256 ? { changed: false } : { changed: true, what };
}
