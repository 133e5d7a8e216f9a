import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const binPath = join(repoRoot, 'bin', 'ftui.js');

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

let counter = 0;

/**
 * How long an end-to-end wait may take before it fails. These tests run the real app in real
 * time, a whole Node process per test, on a machine that may be busy: the bound is generous, and
 * every wait returns as soon as its condition holds, so it costs nothing when things work.
 */
export const E2E_WAIT_MS = 30_000;

export interface TuiSession {
  name: string;
  /** A fresh directory for this run: config, data and logs go here, never to the real home. */
  home: string;
  /**
   * Types keys with tmux send-keys: names such as 'Tab', 'Escape', 'C-c'. Keys sent together may
   * arrive in one read, and an Escape followed by a printable key in one read is alt+that key (as
   * from a real terminal): after an Escape, wait for what it does before sending the next key.
   */
  send(...keys: string[]): void;
  type(text: string): void;
  capture(): string;
  /** The pane with its scrollback: after exit, tmux's "Pane is dead" line can push the app's last words above the visible rows. */
  captureWithHistory(): string;
  /** The pane with its escape sequences (colours, inverse), as `capture-pane -e` gives it. */
  captureRaw(): string;
  resize(columns: number, rows: number): void;
  /** Polls the pane until `check` passes or `timeoutMs` (default E2E_WAIT_MS) runs out; then throws with the pane's text. */
  waitFor(check: string | RegExp | ((pane: string) => boolean), timeoutMs?: number): Promise<string>;
  /** Resolves with the app's exit status once it has exited. */
  waitForExit(timeoutMs?: number): Promise<number>;
  /** The ftui process's id (not the tmux pane's shell's). */
  pid(): number;
  /** Sends a signal to the ftui process itself (not the tmux pane's shell). */
  signal(name: NodeJS.Signals): void;
  kill(): void;
}

/**
 * Starts the built bin/ftui.js in a detached tmux session of a fixed size, as a person would run
 * it. CI is unset for the child: Ink draws no intermediate frames when it sees CI.
 */
/** What the app reads to choose a service: a test's child never gets the machine's own. */
export const PROVIDER_VARIABLES = ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'TOGETHER_API_KEY', 'TOGETHER_BASE_URL', 'NEBIUS_API_KEY', 'NEBIUS_BASE_URL'];

export function startTui(
  args: string[],
  options: { columns?: number; rows?: number; env?: Record<string, string>; nodeArgs?: string[] } = {},
): TuiSession {
  const name = `ftui-e2e-${process.pid}-${++counter}`;
  const home = mkdtempSync(join(tmpdir(), 'ftui-e2e-'));
  const statusFile = join(home, 'exit-status');
  const env: Record<string, string> = {
    TERM: 'xterm-256color',
    FTUI_CONFIG_DIR: join(home, 'config'),
    FTUI_DATA_DIR: join(home, 'data'),
    FTUI_LOG_DIR: join(home, 'log'),
    ...options.env,
  };
  const exports = Object.entries(env)
    .map(([k, v]) => `${k}=${shellQuote(v)}`)
    .join(' ');
  const argv = [...(options.nodeArgs ?? []).map(shellQuote), shellQuote(binPath), ...args.map(shellQuote)].join(' ');
  const command = `env -u CI ${PROVIDER_VARIABLES.map((v) => `-u ${v}`).join(' ')} ${exports} ${shellQuote(process.execPath)} ${argv}; echo $? > ${shellQuote(statusFile)}`;
  execFileSync('tmux', [
    'new-session', '-d', '-s', name,
    '-x', String(options.columns ?? 100), '-y', String(options.rows ?? 30),
    '-c', home, command,
  ]);
  // Keep the pane after the app exits, so a test can see what it left on the screen.
  execFileSync('tmux', ['set-option', '-t', name, 'remain-on-exit', 'on']);

  const appPid = () => {
    const shellPid = execFileSync('tmux', ['display-message', '-p', '-t', name, '#{pane_pid}'], { encoding: 'utf8' }).trim();
    return Number(execFileSync('pgrep', ['-P', shellPid], { encoding: 'utf8' }).trim().split('\n')[0]);
  };
  const capture = () => execFileSync('tmux', ['capture-pane', '-p', '-t', name], { encoding: 'utf8' });
  return {
    name,
    home,
    send: (...keys) => execFileSync('tmux', ['send-keys', '-t', name, ...keys]),
    type: (text) => execFileSync('tmux', ['send-keys', '-t', name, '-l', text]),
    capture,
    captureWithHistory: () => execFileSync('tmux', ['capture-pane', '-p', '-S', '-', '-t', name], { encoding: 'utf8' }),
    captureRaw: () => execFileSync('tmux', ['capture-pane', '-e', '-p', '-t', name], { encoding: 'utf8' }),
    resize: (columns, rows) => execFileSync('tmux', ['resize-window', '-t', name, '-x', String(columns), '-y', String(rows)]),
    async waitFor(check, timeoutMs = E2E_WAIT_MS) {
      const test =
        typeof check === 'function' ? check : typeof check === 'string' ? (p: string) => p.includes(check) : (p: string) => check.test(p);
      const deadline = Date.now() + timeoutMs;
      let pane = '';
      while (Date.now() < deadline) {
        pane = capture();
        if (test(pane)) return pane;
        await sleep(100);
      }
      throw new Error(`timed out waiting for ${String(check)}; the pane shows:\n${pane}`);
    },
    async waitForExit(timeoutMs = E2E_WAIT_MS) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (existsSync(statusFile)) {
          const text = readFileSync(statusFile, 'utf8').trim();
          if (text !== '') return Number(text);
        }
        await sleep(100);
      }
      throw new Error(`ftui did not exit within ${timeoutMs} ms; the pane shows:\n${capture()}`);
    },
    pid: appPid,
    signal(signalName) {
      process.kill(appPid(), signalName);
    },
    kill() {
      spawnSync('tmux', ['kill-session', '-t', name]);
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
