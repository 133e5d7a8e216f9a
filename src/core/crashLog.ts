import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appPaths } from './paths.js';

/**
 * Writes an unexpected error's details to a log file and returns its path, so the terminal
 * shows one short line and the stack is still there for a bug report. Values of variables
 * that look like secrets are blanked out first: the API key is never written to disk.
 */
export function writeCrashLog(error: unknown, env: NodeJS.ProcessEnv = process.env, now = new Date()): string {
  const dir = appPaths(env).log;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `crash-${now.toISOString().replace(/[:.]/g, '-')}.log`);
  const details = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  const text = [`ftui crash at ${now.toISOString()}`, `node ${process.version} on ${process.platform}`, '', details, ''].join('\n');
  writeFileSync(file, redactSecrets(text, env), { mode: 0o600 });
  return file;
}

/** One line for the user: the error's message without its stack. */
export function shortMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.slice(0, 200);
}

const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD/i;

export function redactSecrets(text: string, env: NodeJS.ProcessEnv): string {
  let out = text;
  for (const [name, value] of Object.entries(env)) {
    if (value && value.length >= 8 && SECRET_NAME.test(name)) out = out.split(value).join(`[${name} redacted]`);
  }
  return out;
}
