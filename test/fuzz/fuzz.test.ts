// The CI-sized fuzz run: hostile JSONL files through `ftui validate --json` and the app, judged by
// test/fuzz/harness.tsx. `npm run fuzz` runs the same checks on as many files as you like.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFuzz } from './harness.js';
import { MUTATION_KINDS } from './hostileJsonl.js';

// A fixed seed, so CI runs the same files every time and a failure names a file that can be made again.
const SEED = 12_000;
const FILES = 24;

describe('fuzz: hostile JSONL', () => {
  it(`${FILES} files: no stack trace, no hang, bounded memory, documented exit codes, every finding on its line`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftui-fuzz-'));
    process.env.FTUI_DATA_DIR = join(dir, 'data');
    const summary = await runFuzz({ files: FILES, seed: SEED, dir, maxLineBytes: 200_000, maxLines: 30, jobs: 2 });
    const report = summary.failures.map((f) => `seed ${f.seed} (${f.kinds.join(', ')}): ${f.problems.join('; ')}`);
    expect(report).toEqual([]);
    expect(summary).toMatchObject({ files: FILES, hangs: 0, crashes: 0 });
    // The run exercised every kind of damage, and found things to report.
    for (const kind of MUTATION_KINDS) expect(summary.byKind[kind] ?? 0, kind).toBeGreaterThan(0);
    expect(summary.findings).toBeGreaterThan(FILES);
  }, 120_000);
});
