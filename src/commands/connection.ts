// What every job subcommand shares: the connection flags, the provider they lead to, the exit
// codes, and plain output rules (no colours or progress bars unless stdout is a terminal).
import { createInterface } from 'node:readline/promises';
import { InvalidArgumentError, type Command } from 'commander';
import type { FineTuningProvider } from '../api/types.js';
import { isProviderError, toErrorInfo, type ErrorInfo } from '../core/domain.js';
import { ProfilesError } from '../core/profiles.js';
import { redact } from '../core/redact.js';
import { providerKey } from '../core/uploadRecords.js';
import { loadProfiles, resolveConnection } from '../core/profiles.js';

/** 0 ok; 1 the job or the data failed; 2 usage, connection or authentication. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export interface ConnectionFlags {
  profile?: string;
  baseUrl?: string;
  apiKeyEnv?: string;
  json?: boolean;
  /** Seconds to wait for an answer to each request. */
  timeout?: number;
}

/** An error the command reports in one line and exits with its code. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

export function withConnectionOptions(command: Command): Command {
  return command
    .option('--profile <name>', 'a saved connection profile (profiles.json in the config directory)')
    .option('--base-url <url>', 'API base URL (default: OPENAI_BASE_URL, else the provider\'s own)')
    .option('--api-key-env <name>', 'environment variable that holds the API key (default: OPENAI_API_KEY)')
    .option('--json', 'print JSON instead of text')
    .option('--timeout <seconds>', 'how long to wait for each answer (default 60)', seconds)
    .exitOverride((error) => {
      // Commander exits 1 on a usage error; scripts get 2 for usage, as every ftui command does.
      process.exit(error.exitCode === 0 ? 0 : EXIT.usage);
    });
}

export interface Connected {
  provider: FineTuningProvider;
  /** Which service uploads are recorded for. */
  providerKey: string;
  label: string;
}

export async function connect(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): Promise<Connected> {
  let resolved;
  try {
    const saved = flags.profile !== undefined ? await loadProfiles(env) : { profiles: [] };
    resolved = resolveConnection(
      { ...(flags.profile !== undefined && { profile: flags.profile }), ...(flags.baseUrl !== undefined && { baseUrl: flags.baseUrl }), ...(flags.apiKeyEnv !== undefined && { apiKeyEnv: flags.apiKeyEnv }) },
      env,
      saved,
    );
  } catch (error) {
    if (error instanceof ProfilesError) throw new CommandError(error.message, EXIT.usage);
    throw error;
  }
  const { settings, keyPresent } = resolved;
  // The sandbox takes any key.
  if (!keyPresent && settings.kind !== 'sandbox') {
    throw new CommandError(`No API key: set ${settings.apiKeyEnv} (or name another variable with --api-key-env, or use --profile).`, EXIT.usage);
  }
  // Loaded here, not at the top: every subcommand registers at start-up, and the providers' SDKs
  // (openai, together-ai, Azure's) took `ftui validate` on a 10-line file from 0.15 to 0.65 s of CPU.
  const { createProvider } = await import('../api/createProvider.js');
  const provider = createProvider(settings, env, flags.timeout !== undefined ? { timeoutMs: flags.timeout * 1000 } : {});
  return { provider, providerKey: providerKey(settings.kind, settings.baseUrl), label: settings.baseUrl ?? settings.kind };
}

/** Exit code for a provider failure: the service or the key is the problem (2), or the request (1). */
export function exitFor(error: unknown): number {
  if (error instanceof CommandError) return error.exitCode;
  if (!isProviderError(error)) return EXIT.failed;
  return exitForKind(error.kind);
}

export function exitForKind(kind: ErrorInfo['kind']): 1 | 2 {
  return kind === 'invalid_request' || kind === 'not_found' ? EXIT.failed : EXIT.usage;
}

/** Runs a command body: its return is the exit code; any failure is one line on stderr. */
export async function runCommand(name: string, body: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await body();
  } catch (error) {
    // A service's error message can quote what was sent, the key included.
    process.stderr.write(redact(`ftui ${name}: ${toErrorInfo(error).message}\n`));
    process.exitCode = exitFor(error);
  }
}

export interface Output {
  color: boolean;
  /** Progress bars and live lines only when a person watches stdout. */
  interactive: boolean;
  paint(code: string, text: string): string;
}

export function outputFor(stream: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): Output {
  const interactive = Boolean(stream.isTTY);
  const color = interactive && !env.NO_COLOR;
  return { color, interactive, paint: (code, text) => (color ? `\u001B[${code}m${text}\u001B[0m` : text) };
}

/**
 * Asks a yes/no question on the terminal (default no). Without a terminal there is nobody to
 * ask, and spending money needs a yes: the caller says to pass --yes.
 */
export async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) {
    throw new CommandError(`${question} Not on a terminal, so nobody can answer: pass --yes to go ahead.`, EXIT.usage);
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 3600) throw new InvalidArgumentError('a number of seconds above 0, at most 3600.');
  return n;
}

export function jobIdArgument(value: string): string {
  if (!/^\S+$/.test(value)) throw new InvalidArgumentError('a job id has no spaces (e.g. ftjob-abc123).');
  return value;
}
