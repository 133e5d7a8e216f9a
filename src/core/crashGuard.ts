// The last line of defence for an error nobody caught, at any moment of a run: the terminal is put
// back, the details go to a crash log, and the user sees one redacted line, never a stack trace.
// It is installed before any other module of ours is evaluated (src/installCrashGuard.ts is the
// CLI's first import), so a failure while starting up is covered as well as one an hour in.
import { shortMessage, writeCrashLog } from './crashLog.js';

const cleanups: Array<() => void> = [];
const saves: Array<() => Promise<unknown>> = [];
// How long unsaved work may take to reach disk before the process ends anyway.
const SAVE_TIMEOUT_MS = 3000;
let interceptor: ((error: unknown) => boolean) | null = null;
let stopping = false;

/**
 * Registers something to undo before ftui stops on an unexpected error (leave the alternate
 * screen, unmount the interface). Run newest first; returns a function that unregisters it.
 */
export function onFatalCleanup(cleanup: () => void): () => void {
  cleanups.push(cleanup);
  return () => {
    const at = cleanups.lastIndexOf(cleanup);
    if (at >= 0) cleanups.splice(at, 1);
  };
}

/** Registers unsaved work to write (the draft) before ftui stops on an unexpected error. */
export function onFatalSave(save: () => Promise<unknown>): void {
  saves.push(save);
}

/**
 * Lets the interactive app claim an error as a normal way to end rather than a crash (the
 * terminal was closed under it): return true and the guard does nothing more.
 */
export function setFatalInterceptor(claim: ((error: unknown) => boolean) | null): void {
  interceptor = claim;
}

/** Stops the process on an error nobody handled: cleanups, crash log, one line on stderr, exit 1. */
export function stopOnUnexpectedError(error: unknown): void {
  try {
    if (interceptor?.(error)) return;
  } catch {
    // An interceptor that fails is no reason to lose the report of the original error.
  }
  // A second error while the first is being reported (a cleanup that throws asynchronously)
  // would only repeat the story.
  if (stopping) return;
  stopping = true;
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      cleanup();
    } catch {
      // Each cleanup is best effort: the next one and the report still have to happen.
    }
  }
  let where = '';
  try {
    where = `\nDetails are in ${writeCrashLog(error)}`;
  } catch {
    // A crash log that cannot be written must not hide the original error.
  }
  try {
    process.stderr.write(`ftui stopped after an unexpected error: ${shortMessage(error)}${where}\n`);
  } catch {
    // No terminal to tell: the exit status still says it.
  }
  if (saves.length === 0) process.exit(1);
  const written = saves.map((save) => save().catch(() => undefined));
  void Promise.race([Promise.all(written), new Promise((r) => setTimeout(r, SAVE_TIMEOUT_MS).unref())]).finally(() => process.exit(1));
}

let installed = false;

export function installCrashGuard(): void {
  if (installed) return;
  installed = true;
  process.on('uncaughtException', stopOnUnexpectedError);
  process.on('unhandledRejection', stopOnUnexpectedError);
}
