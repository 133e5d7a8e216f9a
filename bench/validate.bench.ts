// ftui validate on the synthetic 100k-example dataset, against the floor (read + JSON.parse every
// line) and against what users run today (the cookbook notebook on tiktoken).
//   npm run bench -- validate      (generates bench/data/synthetic-100k.jsonl on first run)
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { fmt, measureNode } from './lib/measure.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const data = join(here, 'data', 'synthetic-100k.jsonl');
const slice = join(here, 'data', 'synthetic-10k.jsonl');
const bin = join(root, 'bin', 'ftui.js');

if (!existsSync(data)) {
  console.log('generating the synthetic dataset (once)…');
  spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'gen-dataset.ts'), '--out', data], { stdio: 'inherit' });
}
if (!existsSync(slice)) {
  const out = createWriteStream(slice);
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(data) })) {
    if (n++ === 10_000) break;
    out.write(`${line}\n`);
  }
  await new Promise((r) => out.end(r));
}

const mb = (path: string) => statSync(path).size / 1e6;
const row = (label: string, ms: number, sizeMb: number, rss: number) =>
  console.log(`${label.padEnd(44)} ${fmt(ms / 1000, 2).padStart(7)} s ${fmt(sizeMb / (ms / 1000), 1).padStart(7)} MB/s  peak RSS ${fmt(rss).padStart(5)} MB`);

const fullMb = mb(data);
const sliceMb = mb(slice);
console.log(`file: ${data} (${fmt(fullMb, 1)} MB, 100,000 examples); slice: first 10,000 (${fmt(sliceMb, 1)} MB)`);

const ftui = measureNode([bin, 'validate', data, '--json', '--model', 'gpt-4o-mini']);
if (ftui.status !== 0 && ftui.status !== 1) throw new Error(`ftui validate exited ${ftui.status}`);
row('ftui validate --json (100k)', ftui.ms, fullMb, ftui.peakRssMb);
const inline = measureNode([bin, 'validate', data, '--json', '--model', 'gpt-4o-mini', '--workers', '0']);
row('ftui validate --json --workers 0 (100k)', inline.ms, fullMb, inline.peakRssMb);
const floorRun = measureNode([join(here, 'lib', 'floor.ts'), data], { tsx: true });
row('floor: read + JSON.parse every line (100k)', floorRun.ms, fullMb, floorRun.peakRssMb);

const ftuiSlice = measureNode([bin, 'validate', slice, '--json', '--model', 'gpt-4o-mini']);
row('ftui validate --json (10k slice)', ftuiSlice.ms, sliceMb, ftuiSlice.peakRssMb);
const notebook = measureNode([join(here, 'lib', 'notebook-baseline.ts'), slice, 'o200k_base', '65536'], { tsx: true });
const nb = JSON.parse(notebook.stdout) as { examples: number; skipped: number };
row(`cookbook notebook on tiktoken (10k slice)`, notebook.ms, sliceMb, notebook.peakRssMb);
console.log(`  (the notebook throws on tool-calling examples and on weight: ${nb.skipped} of the slice's 10,000 left out for it; ftui checks all)`);
const report = JSON.parse(ftui.stdout) as { training: { file: { examples: number }; figures: { totalBilledTokens: number } } };
console.log(`ftui: ${fmt(report.training.file.examples)} examples, ${fmt(report.training.figures.totalBilledTokens)} billed tokens per epoch`);
console.log(`ftui is ${fmt(notebook.ms / ftuiSlice.ms, 1)}x the notebook's speed on the slice; ${fmt(ftui.ms / floorRun.ms, 1)}x the floor's time on the full file`);
