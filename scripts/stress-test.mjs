#!/usr/bin/env node
// The stress check of README's "Testing": the whole suite, several times in a row, while
// scripts/burn-cpu.mjs keeps every core busy. It passes only with no failure in any run.
//
//   npm run test:stress                     # 5 runs, one burner thread per core
//   npm run test:stress -- --runs 2 -- test/screens     # fewer runs, or a part of the suite
//
// Prints one line per run (time, passed, failed, skipped) and a summary; exits 1 on any failure.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const split = args.indexOf('--');
const own = split === -1 ? args : args.slice(0, split);
const vitestArgs = split === -1 ? [] : args.slice(split + 1);
const option = (name, fallback) => {
  const i = own.indexOf(name);
  return i === -1 ? fallback : Number(own[i + 1]);
};
const runs = option('--runs', 5);
const threads = option('--threads', availableParallelism());
// The burner's own bound: far longer than the runs take, so it only matters if this script dies.
const burnSeconds = option('--burn-seconds', 4 * 3600);

let current = null;
const run = (command, commandArgs, options = {}) =>
  new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', ...options });
    current = child;
    child.on('exit', (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 128 : 1));
    });
  });

if ((await run('npm', ['run', 'build', '--silent'])) !== 0) process.exit(1);

const burner = spawn(process.execPath, [join(root, 'scripts', 'burn-cpu.mjs'), String(burnSeconds), String(threads)], { stdio: 'ignore' });
// Stopped early (ctrl+c, kill): the burner and the run in progress stop too.
const stopBurner = () => {
  if (burner.exitCode === null) burner.kill('SIGTERM');
  if (current !== null && current.exitCode === null) current.kill('SIGTERM');
};
process.on('exit', stopBurner);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

const dir = mkdtempSync(join(tmpdir(), 'ftui-stress-'));
const results = [];
const started = Date.now();
for (let i = 1; i <= runs; i++) {
  const report = join(dir, `run-${i}.json`);
  const t0 = Date.now();
  // vitest directly (not npm test): dist/ is built once above, and the JSON report gives the counts.
  const code = await run(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...vitestArgs]);
  const seconds = (Date.now() - t0) / 1000;
  let counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const all = json.testResults.flatMap((file) => file.assertionResults.map((test) => ({ ...test, file: file.name })));
    counts = {
      passed: json.numPassedTests,
      failed: json.numFailedTests,
      skipped: json.numPendingTests + json.numTodoTests,
      failures: [
        ...all.filter((t) => t.status === 'failed').map((t) => `${t.file.replace(`${root}/`, '')} › ${t.fullName}`),
        // A file that failed outside its tests (an import, a hook) has no failed test to name.
        ...json.testResults.filter((f) => f.status === 'failed' && !f.assertionResults.some((t) => t.status === 'failed')).map((f) => `${f.name.replace(`${root}/`, '')}: ${String(f.message).split('\n')[0]}`),
      ],
    };
  } catch {
    counts.failures = [`no report (vitest exited ${code})`];
  }
  const ok = code === 0 && counts.failures.length === 0;
  results.push({ run: i, seconds, code, ok, ...counts });
  process.stdout.write(`\nstress run ${i}/${runs}: ${ok ? 'PASS' : 'FAIL'} in ${seconds.toFixed(0)} s — ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  for (const failure of counts.failures) process.stdout.write(`  ✗ ${failure}\n`);
}
stopBurner();
rmSync(dir, { recursive: true, force: true });

const failedRuns = results.filter((r) => !r.ok).length;
process.stdout.write(`\nstress check: ${runs} runs of the suite with ${threads} burner thread${threads === 1 ? '' : 's'} on ${availableParallelism()} cores, ${((Date.now() - started) / 1000).toFixed(0)} s in all\n`);
for (const r of results) process.stdout.write(`  run ${r.run}: ${r.ok ? 'pass' : 'FAIL'} ${r.seconds.toFixed(0)} s, ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped\n`);
process.stdout.write(failedRuns === 0 ? 'stress check passed: 0 failures\n' : `stress check FAILED: ${failedRuns} of ${runs} runs had failures\n`);
process.exit(failedRuns === 0 ? 0 : 1);
