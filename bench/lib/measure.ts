// Runs a command as a child process and reports its wall time, CPU time and peak RSS.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const preload = join(here, 'rss-on-exit.mjs');
const pythonRusage = join(here, 'rusage.py');

export interface Measured {
  ms: number;
  /** User + system CPU time of the process and all its threads. */
  cpuMs: number;
  peakRssMb: number;
  status: number | null;
  stdout: string;
}

function run(command: string, args: string[], usageFile: string): Measured {
  const start = performance.now();
  const child = spawnSync(command, args, {
    env: { ...process.env, FTUI_BENCH_USAGE_FILE: usageFile },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ms = performance.now() - start;
  let usage = { maxRssKb: NaN, cpuMs: NaN };
  try {
    usage = JSON.parse(readFileSync(usageFile, 'utf8')) as typeof usage;
  } catch {
    // the process died before writing it; the figures stay NaN
  }
  return { ms, cpuMs: usage.cpuMs, peakRssMb: usage.maxRssKb / 1024, status: child.status, stdout: child.stdout };
}

const usageFile = () => join(mkdtempSync(join(tmpdir(), 'ftui-bench-')), 'usage.json');

export function measureNode(args: string[], options: { tsx?: boolean } = {}): Measured {
  return run(process.execPath, [...(options.tsx ? ['--import', 'tsx'] : []), '--import', preload, ...args], usageFile());
}

/** A Python script, through a wrapper that reports the same figures as measureNode. */
export function measurePython(python: string, args: string[]): Measured {
  return run(python, [pythonRusage, ...args], usageFile());
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
