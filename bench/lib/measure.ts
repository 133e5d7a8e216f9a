// Runs a command as a child process and reports its wall time and peak RSS.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const preload = join(dirname(fileURLToPath(import.meta.url)), 'rss-on-exit.mjs');

export interface Measured {
  ms: number;
  peakRssMb: number;
  status: number | null;
  stdout: string;
}

export function measureNode(args: string[], options: { tsx?: boolean } = {}): Measured {
  const rssFile = join(mkdtempSync(join(tmpdir(), 'ftui-bench-')), 'rss');
  const nodeArgs = [...(options.tsx ? ['--import', 'tsx'] : []), '--import', preload, ...args];
  const start = performance.now();
  const run = spawnSync(process.execPath, nodeArgs, {
    env: { ...process.env, FTUI_BENCH_RSS_FILE: rssFile },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ms = performance.now() - start;
  return { ms, peakRssMb: Number(readFileSync(rssFile, 'utf8')) / 1024, status: run.status, stdout: run.stdout };
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
