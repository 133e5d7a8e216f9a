// ftui validate side by side with what users run today, the cookbook notebook (Python, tiktoken's
// native BPE, numpy: ../shared/tools/cookbook-notebook.py), and with the floor (read + JSON.parse
// every line), on 10,000 and 100,000 generated examples the notebook can count (no tool calls or
// weights). The runs take turns (notebook, ftui, ftui --workers 0, ftui --workers 1, floor, again) so a busy
// machine slows them alike; medians are printed, with CPU time and peak RSS, and the notebook's
// billing tokens are checked against ftui's. Last, start-up: a 10-example file.
//   npm run bench -- validate        (FTUI_BENCH_ROUNDS=N for more or fewer rounds)
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { benchFiles, messageCounts } from './lib/benchData.js';
import { fmt, measureNode, measurePython, median, type Measured } from './lib/measure.js';
import { findNotebookPython } from './lib/notebookPython.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const bin = join(root, 'bin', 'ftui.js');
const notebookScript = join(root, '..', 'shared', 'tools', 'cookbook-notebook.py');
const tables = join(root, 'node_modules', 'tiktoken', 'encoders');
const MODEL = 'gpt-4o-mini';
const ENCODING = 'o200k_base';

const files = await benchFiles(here, 'plain');
const python = findNotebookPython(here);
const notebookLabel = python
  ? `notebook (${python.describe})`
  : "notebook ported to TypeScript on tiktoken's WASM build (no Python with tiktoken here)";

interface Contender {
  label: string;
  run: (path: string) => Measured;
  billing?: (m: Measured) => number;
}
const contenders: Contender[] = [
  {
    label: notebookLabel,
    run: (path) =>
      python
        ? measurePython(python.python, [notebookScript, path, ENCODING, tables])
        : measureNode([join(here, 'lib', 'notebook-baseline.ts'), path, ENCODING, '16385'], { tsx: true }),
    billing: (m) => {
      const out = JSON.parse(m.stdout) as { billing_tokens?: number; billingTokens?: number };
      return out.billing_tokens ?? out.billingTokens ?? NaN;
    },
  },
  {
    label: 'ftui validate --json (default workers)',
    run: (path) => measureNode([bin, 'validate', path, '--json', '--model', MODEL]),
    billing: (m) => (JSON.parse(m.stdout) as { training: { cookbook: { billingTokens: number } } }).training.cookbook.billingTokens,
  },
  { label: 'ftui validate --json --workers 0', run: (path) => measureNode([bin, 'validate', path, '--json', '--model', MODEL, '--workers', '0']) },
  // The worker pipeline, whatever the default here (none on 2 cores): one worker beside the main thread.
  { label: 'ftui validate --json --workers 1', run: (path) => measureNode([bin, 'validate', path, '--json', '--model', MODEL, '--workers', '1']) },
  { label: 'floor: read + JSON.parse every line', run: (path) => measureNode([join(here, 'lib', 'floor.mjs'), path]) },
];

async function compare(path: string, rounds: number): Promise<void> {
  const counts = await messageCounts(path);
  const mb = statSync(path).size / 1e6;
  console.log(
    `\n${path}: ${fmt(mb, 1)} MB, ${fmt(counts.examples)} examples, ${fmt(counts.messages)} messages, ` +
      `${fmt(counts.distinct)} distinct (${fmt((100 * counts.distinct) / counts.messages)}%); medians of ${rounds} rounds`,
  );
  const runs = contenders.map(() => [] as Measured[]);
  // The machine may be shared: its load is part of what the wall times mean.
  const loadBefore = loadavg()[0] as number;
  for (let r = 0; r < rounds; r++) {
    contenders.forEach((c, i) => {
      const m = c.run(path);
      if (m.status !== 0 && m.status !== 1) throw new Error(`${c.label} exited ${m.status}`);
      runs[i]?.push(m);
    });
  }
  console.log(`${''.padEnd(70)} ${'wall s'.padStart(7)} ${'CPU s'.padStart(7)} ${'peak RSS MB'.padStart(12)}`);
  const wall = runs.map((ms) => median(ms.map((m) => m.ms)));
  contenders.forEach((c, i) => {
    const ms = runs[i] as Measured[];
    console.log(
      `${c.label.padEnd(70)} ${fmt((wall[i] as number) / 1000, 2).padStart(7)} ${fmt(median(ms.map((m) => m.cpuMs)) / 1000, 2).padStart(7)} ${fmt(Math.max(...ms.map((m) => m.peakRssMb))).padStart(12)}`,
    );
  });
  const [notebook, ftui, inline, one, floor] = wall as [number, number, number, number, number];
  const cpu = runs.map((ms) => median(ms.map((m) => m.cpuMs))) as [number, number, number, number, number];
  const billing = contenders.slice(0, 2).map((c, i) => (c.billing as (m: Measured) => number)((runs[i] as Measured[])[0] as Measured));
  console.log(
    `ftui is ${fmt(notebook / ftui, 1)}x the notebook's speed (${fmt(notebook / inline, 1)}x with --workers 0, ${fmt(notebook / one, 1)}x with --workers 1; by CPU time ${fmt(cpu[0] / cpu[1], 1)}x, ${fmt(cpu[0] / cpu[2], 1)}x and ${fmt(cpu[0] / cpu[3], 1)}x), ${fmt(ftui / floor, 1)}x the floor's time; ` +
      `billing tokens: notebook ${fmt(billing[0] as number)}, ftui ${fmt(billing[1] as number)} (${billing[0] === billing[1] ? 'equal' : 'DIFFERENT'})`,
  );
  console.log(`load average (1 min) ${fmt(loadBefore, 1)} before the rounds, ${fmt(loadavg()[0] as number, 1)} after`);
  console.log(`wall times of each round (s): ${runs.map((ms, i) => `${['notebook', 'ftui', 'ftui w0', 'ftui w1', 'floor'][i]} ${ms.map((m) => fmt(m.ms / 1000, 2)).join('/')}`).join('; ')}`);
}

const rounds = Number(process.env.FTUI_BENCH_ROUNDS ?? 0);
await compare(files.slice, rounds || 5);
await compare(files.full, rounds || 3);

// Start-up: the cookbook's own 10-example file.
const small = join(root, '..', 'shared', 'datasets', 'cookbook', 'openai_node_marvin_fine_tuning_data.jsonl');
const starts = Array.from({ length: 10 }, () => measureNode([bin, 'validate', small, '--json', '--model', MODEL]));
console.log(
  `\nftui validate on a 10-example file: ${fmt(median(starts.map((m) => m.ms)) / 1000, 3)} s (median of 10), peak RSS ${fmt(Math.max(...starts.map((m) => m.peakRssMb)))} MB`,
);
