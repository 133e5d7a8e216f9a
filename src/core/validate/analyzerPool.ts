// Analyses lines in order, either right here or spread over worker threads, and hands results
// back strictly in line order so the report (first lines, duplicates) does not depend on timing.
// A file's lines go to the workers as the reader's chunks of raw bytes, transferred rather than
// copied: the workers decode, parse and analyse them and send back packed results, so this thread
// only reads the file and adds the results up.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createAnalyzer } from './analyzer.js';
import { cpuTimes, idleCoresBetween } from '../idleCores.js';
import { serviceModelFacts } from '../models.js';
import { analyzeLine } from './lineResult.js';
import { forEachLine, viewOf, type LineChunk } from './lineReader.js';
import { unpackResults, type PackedResults } from './packedResults.js';
import type { ExampleAnalyzer, ExampleResult } from './types.js';
import type { BatchRequest, BatchResponse } from './worker.js';

export interface LineSink {
  /** Queue a chunk of a file's lines; their results reach `onResult` in line order, now or later. */
  chunk(chunk: LineChunk): void;
  /** Queue one row held in memory, by its text; lines must follow on from the previous push. Its result reaches `onResult` in line order. */
  push(text: string, line: number): void;
  /** The same for a row held as the file's bytes (decoded where it is analysed, as Buffer#toString decodes them). */
  pushBytes(bytes: Uint8Array, line: number): void;
  /** Queue a result worked out without a worker (a line too long for one); it keeps its place in line order. */
  pushResult(result: ExampleResult): void;
  /** Resolves once the backlog is small enough to read more. */
  ready(): Promise<void> | void;
  /** Resolves when every queued line has reached `onResult`. */
  finish(): Promise<void>;
  /** Stops without delivering the rest (the file could not be read to the end). */
  abort(): Promise<void>;
}

export function inlineSink(analyzer: ExampleAnalyzer, onResult: (result: ExampleResult) => void): LineSink {
  return {
    chunk(chunk) {
      forEachLine(chunk, (line) => onResult(analyzeLine(analyzer, line)));
    },
    push(text, line) {
      onResult(analyzer.analyzeText(text, line));
    },
    pushBytes(bytes, line) {
      onResult(analyzer.analyzeText(viewOf(bytes).toString('utf8'), line));
    },
    pushResult: onResult,
    ready() {},
    async finish() {},
    async abort() {},
  };
}

const BATCH_LINES = 200;
const BATCH_CHARS = 2_000_000;
const FIRST_BATCH_BYTES = 64 * 1024;
const IN_FLIGHT_PER_WORKER = 3;
// A worker's heap is capped: left alone, V8 let each one hold some 200 MB of garbage from parsing
// and tokenizing before collecting it (validating the 170 MB bench file: peak RSS 690 MB
// uncapped, 510 MB capped). What a worker keeps (the encoding's tables, its merge cache, one batch of at most
// BATCH_CHARS) fits well inside the cap; a line too big for it is analysed here instead.
const WORKER_HEAP_MB = 128;
/** Lines longer than this (in UTF-16 units, or bytes for a file's lines) are not sent to a pool worker (its heap is capped) but analysed by the pool's caller. */
export const POOL_MAX_LINE_CHARS = 1_000_000;
// Under vitest the sources run as TypeScript and there is no built worker next to this file.
const workerUrl = new URL('./worker.js', import.meta.url);
export const workersAvailable = workerUrl.protocol === 'file:' && existsSync(fileURLToPath(workerUrl));

// A second thread that analyses warms up its own compiled code and its own tokenizer caches (the
// same pieces are merged again in each thread), so the work grows by 15-40%: it pays only where
// another core is really free and the file is big enough. On the 2-core machine shared by several
// people (load 10-14), `--workers 1` (one worker plus this thread) lost to `--workers 0` at every
// size up to 68 MB and won 6 rounds of 12 at 168 MB. On the same machine quiet (load ~0.5), wall
// seconds, `--workers 0` against `--workers 1`, 3 rounds each: 16.8 MB 0.81-0.88 against
// 0.88-0.94; 34 MB 1.26-1.33 against 1.12-1.18; 68 MB 2.31-2.39 against 1.77-1.88. So a file over
// 32 MiB gets a worker for each core that stood idle while this thread worked alone for its
// first WATCH_MS, and a busy machine none.
const WORKERS_FROM_BYTES = 32 * 1024 * 1024;
const WATCH_MS = 200;

/** Whether `ftui validate` should watch for idle cores to put workers on, for a file of `bytes`. */
export function workersMayPay(bytes: number, cores = availableParallelism()): boolean {
  return workersAvailable && cores > 1 && bytes > WORKERS_FROM_BYTES;
}

/** Workers for this many idle cores: one each, but never the core this thread runs on. */
export function workersForIdleCores(idle: number, cores = availableParallelism()): number {
  return Math.max(0, Math.min(cores - 1, Math.round(idle)));
}

/**
 * Call after each chunk: null until this thread has worked WATCH_MS, then (once) how many workers
 * to add for the cores that stood idle meanwhile.
 */
export function idleCoreWatch(now: () => number = () => performance.now()): () => number | null {
  const since = cpuTimes();
  const from = now();
  let decided = false;
  return () => {
    if (decided || now() - from < WATCH_MS) return null;
    const idle = idleCoresBetween(since, cpuTimes());
    if (idle === null) return null;
    decided = true;
    return workersForIdleCores(idle);
  };
}

interface Batch {
  id: number;
  results: PackedResults | ExampleResult[] | null;
}

export interface PoolOptions {
  batchLines?: number;
  /**
   * Analyse a file's chunks on this thread too, with this analyzer, whenever every worker has
   * enough in hand (`ftui validate`: this thread has nothing else to do). Not for the interactive
   * app, whose thread must stay free for keys.
   */
  helper?: ExampleAnalyzer;
  /**
   * Run the workers at a lower CPU priority than this thread (the interactive app: the keys it
   * answers must not wait behind a batch when the machine's cores are busy).
   */
  background?: boolean;
}

/**
 * The nice value of a background pool's threads. The scheduler then gives the interface thread the
 * core whenever both want it (a key waits behind no batch on a busy machine), while the workers
 * still get about a tenth of a contended core rather than the crumbs of nice 19.
 */
export const BACKGROUND_NICE = 10;

// A worker busy with one chunk and holding the next has enough in hand; this thread takes the one after.
const IN_HAND_WHEN_HELPED = 2;
// However far a slow worker falls behind, this many batches of results wait for it at most.
const MAX_WAITING = 64;

export interface PoolSink extends LineSink {
  /** Starts more workers; the chunks that follow are shared with them. */
  addWorkers(count: number): void;
  /** Workers started so far. */
  readonly workers: number;
}

export function poolSink(model: string, workers: number, onResult: (result: ExampleResult) => void, options: PoolOptions = {}): PoolSink {
  const batchLines = options.batchLines ?? BATCH_LINES;
  const helper = options.helper ?? null;
  const pool: Worker[] = [];
  const inFlight: number[] = [];
  const queue: Batch[] = [];
  let inline: ExampleAnalyzer | null = null;
  // Rows queued for the next batch: their bytes copied end to end (`ends`), or their text.
  let rows: { firstLine: number; count: number; bytes: Uint8Array<ArrayBuffer>; used: number; size: number; ends: number[]; texts: Array<[number, string]> } | null = null;
  let nextId = 0;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };

  // Deliver every finished batch at the head of the queue, in order.
  const deliver = () => {
    while (queue[0]?.results) {
      const done = queue.shift() as Batch;
      const results = done.results as PackedResults | ExampleResult[];
      if (Array.isArray(results)) results.forEach((r) => onResult(r));
      else unpackResults(results, onResult);
    }
    notify();
  };

  const addWorkers = (count: number) => {
    for (let i = 0; i < count; i++) {
      const w = pool.length;
      const worker = new Worker(workerUrl, { workerData: { model, facts: serviceModelFacts(model) ?? null, nice: options.background ? BACKGROUND_NICE : null }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      pool.push(worker);
      inFlight.push(0);
      worker.on('message', (response: BatchResponse) => {
        const batch = queue.find((b) => b.id === response.id);
        if (batch) batch.results = response.packed;
        inFlight[w] = (inFlight[w] as number) - 1;
        deliver();
      });
      worker.on('error', (error) => {
        failure = error;
        notify();
      });
    }
  };
  addWorkers(workers);

  // To the worker with the least in hand: chunks differ in cost, so taking turns would leave one idle.
  const leastBusy = (): number => {
    let w = 0;
    for (let i = 1; i < pool.length; i++) if ((inFlight[i] as number) < (inFlight[w] as number)) w = i;
    return w;
  };
  const send = (request: BatchRequest, transfer: ArrayBuffer[]) => {
    const w = leastBusy();
    inFlight[w] = (inFlight[w] as number) + 1;
    queue.push({ id: request.id, results: null });
    (pool[w] as Worker).postMessage(request, transfer);
  };
  /** Results worked out on this thread take their place in the queue, after everything queued before them. */
  const known = (results: ExampleResult[]) => {
    queue.push({ id: nextId++, results });
    deliver();
  };
  const flush = () => {
    if (!rows) return;
    const { firstLine, bytes, used, ends, texts } = rows;
    const id = nextId++;
    rows = null;
    send({ id, rows: { firstLine, bytes: bytes.subarray(0, used), ends: Int32Array.from(ends), texts } }, [bytes.buffer]);
  };
  const nextRow = (line: number, size: number): NonNullable<typeof rows> => {
    rows ??= { firstLine: line, count: 0, bytes: new Uint8Array(Math.max(FIRST_BATCH_BYTES, size)), used: 0, size: 0, ends: [], texts: [] };
    if (rows.used + size > rows.bytes.length) {
      const bigger = new Uint8Array(Math.max(rows.bytes.length * 2, rows.used + size));
      bigger.set(rows.bytes.subarray(0, rows.used));
      rows.bytes = bigger;
    }
    return rows;
  };
  const added = (batch: NonNullable<typeof rows>) => {
    batch.ends.push(batch.used);
    if (++batch.count >= batchLines || batch.size >= BATCH_CHARS) flush();
  };
  const waitUntil = async (done: () => boolean) => {
    while (!done()) {
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    if (failure) throw failure;
  };

  return {
    addWorkers,
    get workers() {
      return pool.length;
    },
    chunk(chunk) {
      flush();
      if (helper && (pool.length === 0 || (inFlight[leastBusy()] as number) >= IN_HAND_WHEN_HELPED)) {
        const results: ExampleResult[] = [];
        forEachLine(chunk, (line) => void results.push(analyzeLine(helper, line)));
        known(results);
        return;
      }
      // Transferred: this thread no longer holds the bytes.
      send({ id: nextId++, chunk }, [chunk.bytes.buffer]);
    },
    push(text, line) {
      if (text.length > POOL_MAX_LINE_CHARS) {
        inline ??= helper ?? createAnalyzer({ model });
        this.pushResult(inline.analyzeText(text, line));
        return;
      }
      const batch = nextRow(line, 0);
      batch.texts.push([batch.count, text]);
      batch.size += text.length;
      added(batch);
    },
    pushBytes(bytes, line) {
      if (bytes.length > POOL_MAX_LINE_CHARS) {
        inline ??= helper ?? createAnalyzer({ model });
        this.pushResult(inline.analyzeText(viewOf(bytes).toString('utf8'), line));
        return;
      }
      const batch = nextRow(line, bytes.length);
      batch.bytes.set(bytes, batch.used);
      batch.used += bytes.length;
      batch.size += bytes.length;
      added(batch);
    },
    pushResult(result) {
      flush();
      known([result]);
    },
    ready() {
      const full = () => (helper ? queue.length >= MAX_WAITING : queue.length >= pool.length * IN_FLIGHT_PER_WORKER);
      if (!full()) return;
      return waitUntil(() => !full());
    },
    async finish() {
      flush();
      try {
        await waitUntil(() => queue.length === 0);
      } finally {
        await Promise.all(pool.map((w) => w.terminate()));
      }
    },
    async abort() {
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}
