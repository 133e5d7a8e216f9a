// Telling "the terminal went away" from a real failure. A closed window or a dropped SSH session
// makes every read and write on the terminal fail with EIO (or EPIPE / ENXIO); these come from
// the terminal's streams, which carry no file path, unlike the same codes from a file operation.
const GONE = new Set(['EIO', 'EPIPE', 'ENXIO']);

export function isTerminalGone(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, path, syscall } = error as NodeJS.ErrnoException;
  if (typeof code !== 'string' || !GONE.has(code) || path !== undefined) return false;
  return syscall === 'write' || syscall === 'read';
}
