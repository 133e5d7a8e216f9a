// The dataset file layer alone (no screen, no store) on the 100k-example synthetic file: load time
// and throughput, memory held by the loaded rows, peak RSS, atomic save time, the time to write a
// draft of the whole dataset with one edited row, and exports. Figures, not pass/fail.
//   npm run bench -- dataset-load
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadDataset } from '../src/core/dataset/load.js';
import { saveDataset } from '../src/core/dataset/save.js';
import { writeDraft, readDraft, restoreRows } from '../src/core/dataset/journal.js';
import { editedRow } from '../src/core/dataset/row.js';
import { exportJsonl, exportSplit } from '../src/core/dataset/exporters.js';
import { fmt } from './lib/measure.js';

const here = dirname(fileURLToPath(import.meta.url));
const data = join(here, 'data', 'synthetic-100k.jsonl');
if (!existsSync(data)) spawnSync(process.execPath, ['--import', 'tsx', join(here, '..', 'scripts', 'gen-dataset.ts'), '--out', data], { stdio: 'inherit' });
const work = mkdtempSync(join(tmpdir(), 'ftui-bench-load-'));
process.env.FTUI_DATA_DIR = join(work, 'data');

let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const sampler = setInterval(sample, 10);
// The held-heap figure needs a full collection before and after; bench/run.ts passes no flags.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (() => void) | undefined;

gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const sizeBytes = statSync(data).size;
const sizeMb = sizeBytes / 1e6;

let t0 = performance.now();
const loaded = await loadDataset(data);
const loadMs = performance.now() - t0;
sample();
const peakAfterLoad = peakRss;
gc?.();
const heapHeld = process.memoryUsage().heapUsed - heapBefore;

// Save a copy, not the shared bench file: one edited row in the middle, the rest untouched.
const rows = [...loaded.rows];
const middle = Math.floor(rows.length / 2);
rows[middle] = editedRow(rows[middle]!, JSON.stringify({ messages: [{ role: 'user', content: 'edited' }, { role: 'assistant', content: 'ok' }] }));
const copy = join(work, 'copy.jsonl');
t0 = performance.now();
await saveDataset(copy, rows, loaded.format, { mode: loaded.mode });
const saveMs = performance.now() - t0;
sample();
const peakAfterLoadAndSave = peakRss;

t0 = performance.now();
await writeDraft(rows, { datasetPath: data, savedAt: Date.now(), base: { mtimeMs: loaded.mtimeMs!, sizeBytes: loaded.sizeBytes }, format: loaded.format });
const draftMs = performance.now() - t0;
t0 = performance.now();
const read = await readDraft(data);
if (read.kind !== 'draft') throw new Error(`draft did not read back: ${read.kind}`);
const restored = restoreRows(read.draft, loaded);
const restoreMs = performance.now() - t0;
// A draft of a dataset not yet saved anywhere (an import into a new file): every row's text.
t0 = performance.now();
await writeDraft(rows.map((r) => ({ id: r.id, text: r.text, origin: null })), { datasetPath: join(work, 'new.jsonl'), savedAt: Date.now(), base: null, format: loaded.format });
const fullDraftMs = performance.now() - t0;
t0 = performance.now();
const fullRead = await readDraft(join(work, 'new.jsonl'));
const fullReadMs = performance.now() - t0;
if (fullRead.kind !== 'draft' || fullRead.draft.entries.length !== rows.length) throw new Error('the full draft did not read back');
if (restored.length !== rows.length || restored[middle]!.text !== rows[middle]!.text) throw new Error('restored draft differs');

const peakWithDraft = peakRss;
t0 = performance.now();
const exported = await exportJsonl(rows, join(work, 'export.jsonl'));
const exportMs = performance.now() - t0;
t0 = performance.now();
await exportSplit(rows, 0.8, 42, join(work, 'train.jsonl'), join(work, 'validation.jsonl'));
const splitMs = performance.now() - t0;
clearInterval(sampler);
sample();
const peakWithExport = peakRss;
// Checked after the sampling: reading both files whole would dominate the RSS figure.
const unchanged = (() => {
  const a = readFileSync(data);
  const b = readFileSync(copy);
  // Everything before the edited line is identical; the sizes differ by the edit only.
  const cut = a.indexOf(Buffer.from(`${loaded.rows[middle]!.text}\n`));
  return cut > 0 && a.subarray(0, cut).equals(b.subarray(0, cut));
})();
rmSync(work, { recursive: true, force: true });

console.log(`file: ${data} (${fmt(sizeMb, 1)} MB, ${fmt(loaded.rows.length)} lines)`);
console.log(`load: ${fmt(loadMs)} ms (${fmt(sizeMb / (loadMs / 1000), 0)} MB/s)`);
console.log(`heap held by the loaded rows: ${fmt(heapHeld / 1e6)} MB (${fmt(heapHeld / sizeBytes, 2)}x the file)`);
console.log(`peak RSS after load: ${fmt(peakAfterLoad / 1e6)} MB (${fmt(peakAfterLoad / sizeBytes, 1)}x the file); after save: ${fmt(peakAfterLoadAndSave / 1e6)} MB (${fmt(peakAfterLoadAndSave / sizeBytes, 1)}x); after draft: ${fmt(peakWithDraft / 1e6)} MB`);
console.log(`atomic save of all rows, one edited: ${fmt(saveMs)} ms; lines before the edit byte for byte: ${unchanged ? 'yes' : 'NO'}`);
console.log(`draft with one edited row: write ${fmt(draftMs, 1)} ms, read + restore ${fmt(restoreMs, 1)} ms; draft of a new dataset (every row's text): write ${fmt(fullDraftMs)} ms, read ${fmt(fullReadMs)} ms`);
console.log(`export ${fmt(exported.written)} examples as JSONL: ${fmt(exportMs)} ms; 0.8 train/validation split: ${fmt(splitMs)} ms; peak RSS with exports: ${fmt(peakWithExport / 1e6)} MB`);
