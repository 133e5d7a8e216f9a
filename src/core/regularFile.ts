// Opening a file ftui is asked to read (a dataset, a validation file, an import) without being
// trapped by one that is not a file. The check is made on the opened file itself, and opening
// does not wait (O_NONBLOCK), so a FIFO cannot block and /dev/zero, or a symlink to it, is
// refused before a byte is read.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { describeFsError } from './dataset/errors.js';

/** Why a file cannot be read, in the words the rest of ftui puts after "cannot be read:". */
export class UnreadableFileError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnreadableFileError';
  }
}

export const NOT_A_REGULAR_FILE = 'this is not a regular file (a pipe, socket or device)';

/** The opened file and its size; throws UnreadableFileError. The caller closes the handle. */
export async function openRegularFile(path: string): Promise<{ handle: FileHandle; bytes: number }> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new UnreadableFileError(describeFsError(error));
  }
  let reason: string | null = null;
  let bytes = 0;
  try {
    const info = await handle.stat();
    if (info.isDirectory()) reason = describeFsError({ code: 'EISDIR' });
    else if (!info.isFile()) reason = NOT_A_REGULAR_FILE;
    bytes = info.size;
  } catch (error) {
    reason = describeFsError(error);
  }
  if (reason !== null) {
    await handle.close();
    throw new UnreadableFileError(reason);
  }
  return { handle, bytes };
}
