// How long the Validate screen takes to be current on the 100k-example file: the first run (on
// worker threads, as the built app does), then after one edited example (only that row is
// analysed again; the report is rebuilt from cached results).
//   npm run bench -- revalidate
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt } from './lib/measure.js';

const here = dirname(fileURLToPath(import.meta.url));
const data = join(here, 'data', 'synthetic-100k.jsonl');
if (!existsSync(data)) throw new Error('run `npm run bench -- validate` first: it generates the dataset');
// The built modules, so the worker pool finds its worker file next to them.
const { loadDataset } = (await import(join(here, '..', 'dist', 'core', 'dataset', 'load.js'))) as typeof import('../src/core/dataset/load.js');
const { validateDataset } = (await import(join(here, '..', 'dist', 'effects', 'datasetValidator.js'))) as typeof import('../src/effects/datasetValidator.js');

const loaded = await loadDataset(data);
const input = (rows: typeof loaded.rows) => ({ rows, count: rows.length, path: data, format: loaded.format, bytesOnDisk: null });
let t = performance.now();
const first = await validateDataset(input(loaded.rows), 'gpt-4o-mini', () => false, () => undefined);
const firstMs = performance.now() - t;
const samples: number[] = [];
let rows = loaded.rows;
for (let i = 0; i < 10; i++) {
  const at = 1000 + i * 7919;
  const row = rows[at]!;
  rows = [...rows];
  rows[at] = { id: row.id, text: row.text.replace('"assistant","content":"', `"assistant","content":"Edited ${i}. `), origin: null };
  t = performance.now();
  await validateDataset(input(rows), 'gpt-4o-mini', () => false, () => undefined);
  samples.push(performance.now() - t);
}
samples.sort((a, b) => a - b);
console.log(`file: ${data} (${fmt(statSync(data).size / 1e6, 1)} MB, ${fmt(loaded.rows.length)} examples, ${fmt(first!.report.figures.totalBilledTokens)} billed tokens)`);
console.log(`first validation of the open dataset (worker threads): ${fmt(firstMs / 1000, 1)} s`);
console.log(`after editing one example: median ${fmt(samples[5]!)} ms, worst ${fmt(samples[9]!)} ms (10 edits)`);
