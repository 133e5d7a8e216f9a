#!/usr/bin/env node
// Keeps every core busy for a bounded time, to check that the test suite passes on a loaded
// machine (see "Testing" in README.md).
//
//   node scripts/burn-cpu.mjs SECONDS [THREADS]
//
// THREADS defaults to one per core. Each thread spins until the time is up; then the process
// exits by itself, so a burner that is forgotten (or whose parent died) still stops.
import { availableParallelism } from 'node:os';
import { isMainThread, Worker, workerData } from 'node:worker_threads';

if (isMainThread) {
  const seconds = Number(process.argv[2]);
  const threads = process.argv[3] === undefined ? availableParallelism() : Number(process.argv[3]);
  if (!Number.isFinite(seconds) || seconds <= 0 || !Number.isInteger(threads) || threads < 1) {
    process.stderr.write('usage: node scripts/burn-cpu.mjs SECONDS [THREADS]\n');
    process.exit(2);
  }
  const until = Date.now() + seconds * 1000;
  for (let i = 0; i < threads; i++) new Worker(new URL(import.meta.url), { workerData: { until } });
  process.stdout.write(`burning ${threads} thread${threads === 1 ? '' : 's'} for ${seconds} s\n`);
  // The workers end at `until`; this is only the backstop for the process as a whole.
  setTimeout(() => process.exit(0), seconds * 1000 + 1000).unref();
} else {
  const { until } = workerData;
  let x = 0;
  while (Date.now() < until) {
    for (let i = 0; i < 1e6; i++) x = (x * 1103515245 + 12345) % 2147483648;
  }
}
