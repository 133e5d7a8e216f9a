// `npm run fuzz -- [--files 500] [--seed 1] [--max-line-bytes 2000000] [--jobs 2]`: the fuzz suite
// at any size. Prints the counts for the README and each failing file's seed, kinds and problems;
// failing files are kept in the printed folder. Exit status 1 when any file failed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runFuzz } from './harness.js';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '500' },
    seed: { type: 'string', default: '1' },
    'max-line-bytes': { type: 'string', default: '2000000' },
    'max-lines': { type: 'string', default: '60' },
    jobs: { type: 'string', default: '2' },
  },
});
const dir = mkdtempSync(join(tmpdir(), 'ftui-fuzz-'));
process.env.FTUI_DATA_DIR = join(dir, 'data');
const started = Date.now();
const files = Number(values.files);
const summary = await runFuzz({
  files,
  seed: Number(values.seed),
  dir,
  maxLineBytes: Number(values['max-line-bytes']),
  maxLines: Number(values['max-lines']),
  jobs: Number(values.jobs),
  onFile: (outcome, done) => {
    if (outcome.problems.length > 0) console.log(`seed ${outcome.seed} (${outcome.kinds.join(', ')}): ${outcome.problems.join('; ')}`);
    if (done % 50 === 0) console.log(`${done}/${files} checked`);
  },
});
console.log(
  `fuzz: ${summary.files} files tried (seeds ${values.seed}..${Number(values.seed) + files - 1}), ${summary.findings} findings, ${summary.hangs} hangs, ${summary.crashes} crashes, ${summary.failures.length} failing files, in ${Math.round((Date.now() - started) / 1000)} s`,
);
console.log(`kinds: ${Object.entries(summary.byKind).map(([k, n]) => `${k} ${n}`).join(', ')}`);
if (summary.failures.length > 0) console.log(`failing files are in ${dir}`);
process.exitCode = summary.failures.length > 0 ? 1 : 0;
