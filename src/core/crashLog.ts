import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appPaths } from './paths.js';
import { redact } from './redact.js';

/**
 * Writes an unexpected error's details to a log file and returns its path, so the terminal
 * shows one short line and the stack is still there for a bug report. Keys are redacted first
 * (core/redact): the API key is never written to disk.
 */
export function writeCrashLog(error: unknown, env: NodeJS.ProcessEnv = process.env, now = new Date()): string {
  const dir = appPaths(env).log;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `crash-${now.toISOString().replace(/[:.]/g, '-')}.log`);
  const text = [`ftui crash at ${now.toISOString()}`, `node ${process.version} on ${process.platform}`, '', details(error), ''].join('\n');
  writeFileSync(file, redact(text, env), { mode: 0o600 });
  return file;
}

function details(error: unknown): string {
  try {
    return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  } catch {
    // An object whose toString throws must not stop the log from being written.
    return Object.prototype.toString.call(error);
  }
}

/** One line for the user, redacted: the error's message without its stack. */
export function shortMessage(error: unknown, env: NodeJS.ProcessEnv = process.env): string {
  let text: string;
  try {
    text = error instanceof Error ? error.message : String(error);
  } catch {
    text = Object.prototype.toString.call(error);
  }
  // Redacted before it is cut, so a key cut in half at the end cannot slip through.
  return redact(text.split('\n')[0]!, env).slice(0, 200);
}
