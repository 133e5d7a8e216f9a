// The Dataset screen on the 100k-example synthetic file: time to the first full frame, peak RSS,
// and the time from a key press to the frame it causes (move down, type a character, undo).
// Frames are rendered the way ink-testing-library does (every update, no frame throttle), so the
// figures are the app's own work per key, not the 30 fps cap.
//   npm run bench -- dataset
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { render } from 'ink-testing-library';
import React from 'react';
import { fmt } from './lib/measure.js';

// The built app, as bin/ftui.js runs it: its validation runs on worker threads beside it, and
// the heap is tuned as runTui tunes it.
const dist = (path: string) => import(new URL(`../dist/${path}`, import.meta.url).href);
((await dist('tui/heapTuning.js')) as typeof import('../src/tui/heapTuning.js')).tuneHeapForFrames();
const { App } = (await dist('app.js')) as typeof import('../src/app.js');
const { openDataset } = (await dist('effects/datasetFiles.js')) as typeof import('../src/effects/datasetFiles.js');
const { initialAppState } = (await dist('store/state.js')) as typeof import('../src/store/state.js');
const { createStore } = (await dist('store/store.js')) as typeof import('../src/store/store.js');
const { StoreProvider } = (await dist('store/StoreProvider.js')) as typeof import('../src/store/StoreProvider.js');

const here = dirname(fileURLToPath(import.meta.url));
const data = join(here, 'data', 'synthetic-100k.jsonl');
if (!existsSync(data)) spawnSync(process.execPath, ['--import', 'tsx', join(here, '..', 'scripts', 'gen-dataset.ts'), '--out', data], { stdio: 'inherit' });
// A fresh data folder: a draft left by an earlier run would (rightly) be offered first.
process.env.FTUI_DATA_DIR = mkdtempSync(join(tmpdir(), 'ftui-bench-data-'));

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

const store = createStore(initialAppState);
const view = render(React.createElement(StoreProvider, { store, children: React.createElement(App, { size: { columns: 120, rows: 40 } }) }));
let frameAt = 0;
const stdout = view.stdout as unknown as { write: (frame: string) => void };
const originalWrite = stdout.write;
let onFrame: (() => void) | null = null;
stdout.write = (frame: string) => {
  frameAt = performance.now();
  originalWrite(frame);
  // ink-testing-library keeps every frame it was sent (~24 MB of strings by the end of this bench),
  // where a terminal keeps none: that is the harness's memory, not ftui's. lastFrame() still works.
  view.frames.length = 0;
  onFrame?.();
};

/**
 * CPU time (this process, every thread) per key, waiting for each frame without polling: on a
 * shared machine the wall-clock latencies above move with the other processes' load; this moves
 * much less. Measure it while no validation runs.
 */
async function cpuPerKey(key: string, times: number): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < times; i++) {
    await new Promise<void>((resolve) => {
      onFrame = () => {
        onFrame = null;
        resolve();
      };
      view.stdin.write(key);
    });
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / times;
}

/** The preview follows the cursor a step behind (a deferred render): j, then the frame that previews the example it moved to. */
const previewed = () => {
  const title = `Example ${store.getState().dataset.cursor + 1} · enter opens it`;
  return (frame: string) => frame.includes(title);
};
async function previewLatency(times: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    view.stdin.write('j');
    const done = previewed();
    while (!done(view.lastFrame() ?? '') && performance.now() - t0 < 2000) await new Promise((r) => setImmediate(r));
    samples.push(frameAt - t0);
  }
  return samples;
}

const start = performance.now();
await openDataset(store, data);
while (!/^\s*1 [ !✗]/m.test(view.lastFrame() ?? '')) await new Promise((r) => setTimeout(r, 5));
const firstFrameMs = frameAt - start;
const sizeMb = statSync(data).size / 1e6;

async function keyLatency(key: string, times: number, before?: () => Promise<void>, limitMs = 2000): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    await before?.();
    const written = frameAt;
    const t0 = performance.now();
    view.stdin.write(key);
    while (frameAt === written && performance.now() - t0 < limitMs) await new Promise((r) => setImmediate(r));
    if (frameAt === written) throw new Error(`no frame within ${limitMs} ms after key ${JSON.stringify(key)} (sample ${i})`);
    samples.push(frameAt - t0);
  }
  return samples;
}
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)] as number, p95: s[Math.floor(s.length * 0.95)] as number };
};

// Move to the middle of the dataset so windows and chunks are not at an edge.
store.dispatch({ type: 'dataset/moveTo', index: 50_000 });
await new Promise((r) => setTimeout(r, 50));
const down = stats(await keyLatency('j', 200));
view.stdin.write("\r"); // open the example
await new Promise((r) => setTimeout(r, 50));
view.stdin.write('\r'); // type into its first message
await new Promise((r) => setTimeout(r, 50));
const typing = stats(await keyLatency('x', 200));
view.stdin.write('\u001B');
await new Promise((r) => setTimeout(r, 100));
view.stdin.write('\u001B'); // close: the edit goes into the rows
await new Promise((r) => setTimeout(r, 100));
// Each undo sample needs an edit to undo: duplicate the example first (not timed).
const undo = stats(
  await keyLatency('u', 100, async () => {
    store.dispatch({ type: 'dataset/duplicate' });
    await new Promise((r) => setTimeout(r, 2));
  }),
);
// Once the background validation is done: the steady state of a session.
while (store.getState().validation.revision !== store.getState().dataset.revision || store.getState().validation.status !== 'done') await new Promise((r) => setTimeout(r, 100));
const validatedAfterMs = performance.now() - start;
const downAfter = stats(await keyLatency('j', 200));
const downCpu = await cpuPerKey('j', 200);
const withPreview = stats(await previewLatency(200));
// The CPU of a j and of the preview it brings, one key after the other's preview is drawn.
const cpuStart = process.cpuUsage();
for (let i = 0; i < 200; i++) {
  view.stdin.write('j');
  const done = previewed();
  while (!done(view.lastFrame() ?? '')) await new Promise((r) => setTimeout(r, 1));
}
const spent = process.cpuUsage(cpuStart);
const previewCpu = (spent.user + spent.system) / 1000 / 200;
const rssBeforeFinds = Math.max(peakRss, process.memoryUsage().rss);
// Find across every example. The find runs in slices beside the interface: from enter to the
// first frame (the list starts to fill), to the whole answer, and meanwhile the longest the event
// loop was held (what a key press could have waited) and j's key -> frame.
const finds: Array<{ query: string; firstMs: number; doneMs: number; found: number; longestBlockMs: number; keys: { median: number; p95: number } | null }> = [];
for (const query of ['Skairstios', 'naïve café', 'role:assistant Skairstios']) {
  view.stdin.write('/');
  await new Promise((r) => setTimeout(r, 50));
  for (let i = 0; i < 30; i++) view.stdin.write('\u007F'); // clear the last query
  view.stdin.write(query);
  await new Promise((r) => setTimeout(r, 50));
  const request = store.getState().dataset.finds + 1;
  const started = performance.now();
  let longestBlockMs = 0;
  let last = performance.now();
  let watching = true;
  const watch = () => {
    const now = performance.now();
    longestBlockMs = Math.max(longestBlockMs, now - last);
    last = now;
    if (watching) setImmediate(watch);
  };
  setImmediate(watch);
  const [firstMs] = await keyLatency('\r', 1, undefined, 30_000);
  const finished = () => {
    const f = store.getState().dataset.filter;
    return f !== null && f.request === request && f.done;
  };
  const keys: number[] = [];
  while (!finished()) {
    // j moves to the next match found so far; with none yet there is no frame to wait for.
    if ((store.getState().dataset.filter?.matches.length ?? 0) > 1) keys.push(...(await keyLatency('j', 1)));
    else await new Promise((r) => setImmediate(r));
  }
  const doneMs = performance.now() - started;
  watching = false;
  finds.push({ query, firstMs: firstMs ?? 0, doneMs, found: store.getState().dataset.filter?.matches.length ?? 0, longestBlockMs, keys: keys.length > 0 ? stats(keys) : null });
  view.stdin.write('\u001B');
  await new Promise((r) => setTimeout(r, 50));
}
// The same at the sizes the tests use (100x30) and ftui's minimum (80x24): fewer, shorter lines.
const bySize: Array<[string, { median: number; p95: number }]> = [];
for (const [columns, rows] of [[100, 30], [80, 24]] as const) {
  view.rerender(React.createElement(StoreProvider, { store, children: React.createElement(App, { size: { columns, rows } }) }));
  await new Promise((r) => setTimeout(r, 100));
  bySize.push([`${columns}x${rows}`, stats(await keyLatency('j', 200))]);
}
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);

console.log(`file: ${data} (${fmt(sizeMb, 1)} MB, ${fmt(store.getState().dataset.rows.length)} lines), terminal 120x40`);
console.log(`first full frame after open: ${fmt(firstFrameMs)} ms`);
console.log(`peak RSS: ${fmt(peakRss / 1e6)} MB (${fmt(peakRss / 1e6 / sizeMb, 1)}x the file); before the finds: ${fmt(rssBeforeFinds / 1e6)} MB`);
console.log('while the dataset is validated in the background (one worker thread, the interface on the other core):');
console.log(`key -> frame, move down (j):      median ${fmt(down.median, 2)} ms, p95 ${fmt(down.p95, 2)} ms`);
console.log(`key -> frame, type a character:   median ${fmt(typing.median, 2)} ms, p95 ${fmt(typing.p95, 2)} ms`);
console.log(`key -> frame, undo (u):           median ${fmt(undo.median, 2)} ms, p95 ${fmt(undo.p95, 2)} ms`);
console.log(`validation of all examples done ${fmt(validatedAfterMs / 1000, 1)} s after open; then:`);
console.log(`key -> frame, move down (j):      median ${fmt(downAfter.median, 2)} ms, p95 ${fmt(downAfter.p95, 2)} ms; CPU ${fmt(downCpu, 2)} ms a key`);
console.log(`key -> its preview drawn (j):     median ${fmt(withPreview.median, 2)} ms, p95 ${fmt(withPreview.p95, 2)} ms; CPU with the preview ${fmt(previewCpu, 2)} ms a key`);
for (const f of finds) {
  console.log(`find "${f.query}": ${fmt(f.found)} matches; enter -> first frame ${fmt(f.firstMs)} ms, -> all found ${fmt(f.doneMs)} ms; event loop held at most ${fmt(f.longestBlockMs, 1)} ms`);
  if (f.keys) console.log(`  meanwhile j (next match) key -> frame: median ${fmt(f.keys.median, 2)} ms, p95 ${fmt(f.keys.p95, 2)} ms`);
}
for (const [size, s] of bySize) console.log(`  at ${size}: move down (j)        median ${fmt(s.median, 2)} ms, p95 ${fmt(s.p95, 2)} ms`);
view.unmount();
process.exit(0);
