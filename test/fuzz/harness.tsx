// Runs hostile files (hostileJsonl.ts) through `ftui validate --json` (the built CLI, as CI runs it)
// and through the app's open path (the whole App, rendered with ink-testing-library, opening the
// file and walking it with keys), and judges each run: no stack trace, no hang (a time bound per
// MB), bounded memory, exit 1 or 2 (0 for a clean file) matching the document's outcome, and every
// finding on a line carrying its line. Used by test/fuzz/fuzz.test.ts (a CI-sized run) and
// `npm run fuzz` (as long as you like).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { App } from '../../src/app.js';
import { ErrorBoundary } from '../../src/components/ErrorBoundary.js';
import { openDataset } from '../../src/effects/datasetFiles.js';
import { defaultServices } from '../../src/effects/providerContext.js';
import { ProviderRoot } from '../../src/effects/ProviderRoot.js';
import { initialAppState } from '../../src/store/state.js';
import { createStore } from '../../src/store/store.js';
import { StoreProvider } from '../../src/store/StoreProvider.js';
import { driveView } from '../helpers/renderApp.js';
import { binPath, repoRoot } from '../helpers/tmux.js';
import { hostileFile, type GenerateOptions, type HostileFile } from './hostileJsonl.js';

/** Findings about the file as a whole carry no line; every other one must. */
const FILE_LEVEL = new Set(['file_unreadable', 'empty_file', 'not_jsonl_json_array', 'not_jsonl_json_document', 'crlf_line_endings', 'file_bom', 'too_few_examples', 'mixed_formats']);
const EXIT_FOR = { clean: 0, errors: 1, unreadable: 2 } as const;

export interface Bounds {
  /** Time allowed for one run: base plus per MB of file. Generous: the machine may be busy. */
  baseMs: number;
  msPerMb: number;
  /** Peak RSS allowed for the CLI: base plus per MB of file. */
  baseRssMb: number;
  rssPerFileMb: number;
}

export const DEFAULT_BOUNDS: Bounds = { baseMs: 20_000, msPerMb: 20_000, baseRssMb: 400, rssPerFileMb: 20 };

export interface FileOutcome {
  seed: number;
  kinds: string[];
  bytes: number;
  findings: number;
  exitCode: number | null;
  /** What was wrong, or empty. */
  problems: string[];
  hang: boolean;
  crash: boolean;
}

const allowedMs = (bytes: number, b: Bounds) => b.baseMs + (b.msPerMb * bytes) / 1_000_000;

interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

function runCli(path: string, rssFile: string, timeoutMs: number): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', join(repoRoot, 'bench', 'lib', 'rss-on-exit.mjs'), binPath, 'validate', path, '--json'], {
      env: { ...process.env, NO_COLOR: '1', FTUI_BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    // 'close', not 'exit': the output may still be in the pipe when the process has exited.
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

/** `ftui validate FILE --json`: its problems, and how many findings it reported. */
export async function checkValidate(path: string, bytes: number, bounds: Bounds): Promise<{ problems: string[]; findings: number; exitCode: number | null; hang: boolean; crash: boolean }> {
  const rssFile = `${path}.rss`;
  const run = await runCli(path, rssFile, allowedMs(bytes, bounds));
  const problems: string[] = [];
  if (run.timedOut) return { problems: [`validate did not finish within ${allowedMs(bytes, bounds)} ms`], findings: 0, exitCode: null, hang: true, crash: false };
  if (/^\s+at /m.test(run.stdout + run.stderr)) problems.push(`validate printed a stack trace: ${run.stderr.slice(0, 300)}`);
  if (run.stderr.trim() !== '') problems.push(`validate wrote to stderr: ${run.stderr.slice(0, 300)}`);
  let findings = 0;
  let doc: { outcome: keyof typeof EXIT_FOR; training: { errors: number; warnings: number; findings: Array<{ code: string; examples: Array<{ line: number | null }> }> } } | null = null;
  try {
    doc = JSON.parse(run.stdout);
  } catch {
    problems.push(`validate's --json output does not parse (exit ${run.code}, signal ${run.signal})`);
  }
  if (doc) {
    findings = doc.training.errors + doc.training.warnings;
    if (run.code !== EXIT_FOR[doc.outcome]) problems.push(`exit ${run.code} for outcome ${doc.outcome}`);
    for (const group of doc.training.findings) {
      for (const example of group.examples) {
        if (!FILE_LEVEL.has(group.code) && !(typeof example.line === 'number' && example.line >= 1)) problems.push(`${group.code} has no line`);
      }
    }
  }
  try {
    const rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
    const limit = bounds.baseRssMb + (bounds.rssPerFileMb * bytes) / 1_000_000;
    if (rssMb > limit) problems.push(`validate peaked at ${Math.round(rssMb)} MB (bound ${Math.round(limit)} MB)`);
  } catch {
    problems.push('validate did not exit normally (no peak memory recorded)');
  }
  const crash = problems.length > 0;
  return { problems, findings, exitCode: run.code, hang: false, crash };
}

/** Keys a person would press on an open file: move, open the row, back out, validate, token view, fixes, find. */
const KEYS = ['j', 'G', '\r', '\u001B', '2', 't', '\u001B', 'f', '\u001B', '1', '/', 'x', '\r'];

/** Opens the file in the whole app and walks it with keys; its problems. */
export async function checkApp(path: string, bytes: number, bounds: Bounds): Promise<{ problems: string[]; hang: boolean; crash: boolean }> {
  const problems: string[] = [];
  let fatal: unknown = null;
  const store = createStore({ ...initialAppState });
  const view = render(
    <StoreProvider store={store}>
      <ErrorBoundary onFatal={(error) => (fatal = error)}>
        <ProviderRoot services={defaultServices}>
          <App size={{ columns: 100, rows: 30 }} />
        </ProviderRoot>
      </ErrorBoundary>
    </StoreProvider>,
  );
  const app = driveView(view, store);
  let hang = false;
  try {
    await openDataset(store, path);
    // Opened (or refused), and the first validation finished, within the bound for its size.
    const opened = () => {
      const { dataset, validation } = store.getState();
      return fatal !== null || dataset.status === 'failed' || (dataset.status === 'ready' && validation.status === 'done');
    };
    try {
      await app.until(opened, allowedMs(bytes, bounds));
    } catch {
      hang = true;
      problems.push(`the app did not open and validate the file within ${allowedMs(bytes, bounds)} ms`);
    }
    for (const key of KEYS) {
      if (fatal || hang) break;
      await app.press(key);
    }
    const message = store.getState().dataset.message?.text ?? '';
    if (/Validation stopped/.test(message)) problems.push(`the app's validation stopped: ${message}`);
    if (/\bERROR\b/.test(app.lastFrame())) problems.push(`the app drew an error: ${app.lastFrame().slice(0, 300)}`);
  } catch (error) {
    fatal ??= error;
  } finally {
    view.unmount();
  }
  if (fatal) problems.push(`the app crashed: ${fatal instanceof Error ? fatal.message : String(fatal)}`);
  return { problems, hang, crash: fatal !== null || (problems.length > 0 && !hang) };
}

export interface FuzzOptions extends GenerateOptions {
  files: number;
  seed: number;
  dir: string;
  bounds?: Bounds;
  /** CLI runs at once (each is its own process). */
  jobs?: number;
  onFile?: (outcome: FileOutcome, done: number) => void;
}

export interface FuzzSummary {
  files: number;
  findings: number;
  hangs: number;
  crashes: number;
  failures: FileOutcome[];
  byKind: Record<string, number>;
}

/** Generates `files` hostile files from `seed` on and checks each through the CLI and the app. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const bounds = options.bounds ?? DEFAULT_BOUNDS;
  mkdirSync(options.dir, { recursive: true });
  const summary: FuzzSummary = { files: 0, findings: 0, hangs: 0, crashes: 0, failures: [], byKind: {} };
  const pathOf = (file: HostileFile) => join(options.dir, `fuzz-${file.seed}.jsonl`);
  // Made and written when their turn comes, so a long run holds a few files, not all of them.
  const made = new Map<number, HostileFile>();

  // The CLI runs in child processes, up to `jobs` files ahead; the app runs here, one file at a time, meanwhile.
  const jobs = options.jobs ?? 2;
  const cli = new Map<number, ReturnType<typeof checkValidate>>();
  let launched = 0;
  for (let i = 0; i < options.files; i++) {
    while (launched < options.files && launched < i + jobs) {
      const file = hostileFile(options.seed + launched++, options);
      made.set(launched - 1, file);
      writeFileSync(pathOf(file), file.bytes);
      cli.set(file.seed, checkValidate(pathOf(file), file.bytes.length, bounds));
    }
    const file = made.get(i)!;
    made.delete(i);
    const a = await checkApp(pathOf(file), file.bytes.length, bounds);
    const v = await cli.get(file.seed)!;
    cli.delete(file.seed);
    const outcome: FileOutcome = {
      seed: file.seed,
      kinds: file.kinds,
      bytes: file.bytes.length,
      findings: v.findings,
      exitCode: v.exitCode,
      problems: [...v.problems, ...a.problems],
      hang: v.hang || a.hang,
      crash: v.crash || a.crash,
    };
    summary.files++;
    summary.findings += outcome.findings;
    if (outcome.hang) summary.hangs++;
    if (outcome.crash) summary.crashes++;
    for (const kind of file.kinds) summary.byKind[kind] = (summary.byKind[kind] ?? 0) + 1;
    if (outcome.problems.length > 0) summary.failures.push(outcome);
    else rmSync(pathOf(file), { force: true });
    rmSync(`${pathOf(file)}.rss`, { force: true });
    options.onFile?.(outcome, i + 1);
  }
  return summary;
}
