// Analyses lines in order, either right here or spread over worker threads, and hands results
// back strictly in line order so the report (first lines, duplicates) does not depend on timing.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createAnalyzer } from './analyzer.js';
import { serviceModelFacts } from '../models.js';
import type { ExampleAnalyzer, ExampleResult } from './types.js';
import type { BatchRequest, BatchResponse } from './worker.js';

export interface LineSink {
  /** Queue one raw line; its result reaches `onResult` in line order, now or later. */
  push(text: string, line: number, adjust?: (result: ExampleResult) => ExampleResult): void;
  /** Queue a result worked out without analysis (a line too long to read); it keeps its place in line order. */
  pushResult(result: ExampleResult): void;
  /** Resolves once the backlog is small enough to read more. */
  ready(): Promise<void> | void;
  /** Resolves when every queued line has reached `onResult`. */
  finish(): Promise<void>;
  /** Stops without delivering the rest (the file could not be read to the end). */
  abort(): Promise<void>;
}

type Adjust = ((result: ExampleResult) => ExampleResult) | undefined;

export function inlineSink(analyzer: ExampleAnalyzer, onResult: (result: ExampleResult) => void): LineSink {
  return {
    push(text, line, adjust) {
      const result = analyzer.analyzeText(text, line);
      onResult(adjust ? adjust(result) : result);
    },
    pushResult: onResult,
    ready() {},
    async finish() {},
    async abort() {},
  };
}

const BATCH_LINES = 200;
const BATCH_CHARS = 2_000_000;
const IN_FLIGHT_PER_WORKER = 3;
// A worker's heap is capped: left alone, V8 let each one hold some 200 MB of garbage from parsing
// and tokenizing before collecting it (validating the 170 MB bench file: peak RSS 690 MB
// uncapped, 510 MB capped). What a worker keeps (the encoding's tables, its merge cache, one batch of at most
// BATCH_CHARS) fits well inside the cap; a line too big for it is analysed here instead.
const WORKER_HEAP_MB = 128;
const INLINE_CHARS = 1_000_000;
/** Lines longer than this are not sent to a pool worker (its heap is capped) but analysed by the pool's caller. */
export const POOL_MAX_LINE_CHARS = INLINE_CHARS;
// Under vitest the sources run as TypeScript and there is no built worker next to this file.
const workerUrl = new URL('./worker.js', import.meta.url);
export const workersAvailable = workerUrl.protocol === 'file:' && existsSync(fileURLToPath(workerUrl));

export function defaultWorkerCount(bytes: number): number {
  return workersAvailable && bytes > 8 * 1024 * 1024 ? availableParallelism() : 0;
}

interface Batch {
  request: BatchRequest;
  adjust: Map<number, Adjust>;
  results: ExampleResult[] | null;
}

export function poolSink(model: string, workers: number, onResult: (result: ExampleResult) => void, options: { batchLines?: number } = {}): LineSink {
  const batchLines = options.batchLines ?? BATCH_LINES;
  const pool = Array.from({ length: workers }, () => new Worker(workerUrl, { workerData: { model, facts: serviceModelFacts(model) ?? null }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }));
  let inline: ExampleAnalyzer | null = null;
  const queue: Batch[] = [];
  let current: Batch | null = null;
  let chars = 0;
  let nextId = 0;
  let next = 0;
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
      for (const result of done.results as ExampleResult[]) {
        const adjust = done.adjust.get(result.line);
        onResult(adjust ? adjust(result) : result);
      }
    }
    notify();
  };

  for (const worker of pool) {
    worker.on('message', (response: BatchResponse) => {
      const batch = queue.find((b) => b.request.id === response.id);
      if (batch) batch.results = response.results;
      deliver();
    });
    worker.on('error', (error) => {
      failure = error;
      notify();
    });
  }

  const flush = () => {
    if (!current) return;
    const batch = current;
    current = null;
    chars = 0;
    queue.push(batch);
    (pool[next++ % pool.length] as Worker).postMessage(batch.request);
    // The worker has its own copy now; holding the texts until the results come back would only
    // keep them alive long enough to be promoted to the old generation.
    batch.request.texts = [];
  };
  const waitUntil = async (done: () => boolean) => {
    while (!done()) {
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    if (failure) throw failure;
  };

  // A result already known (analysed here, or worked out without analysis) takes its own place in
  // the queue, after everything pushed before it.
  const queueKnown = (result: ExampleResult, adjust: Adjust) => {
    flush();
    queue.push({ request: { id: nextId++, firstLine: result.line, texts: [] }, adjust: new Map(adjust ? [[result.line, adjust]] : []), results: [result] });
    deliver();
  };

  return {
    push(text, line, adjust) {
      if (text.length > INLINE_CHARS) {
        inline ??= createAnalyzer({ model });
        queueKnown(inline.analyzeText(text, line), adjust);
        return;
      }
      current ??= { request: { id: nextId++, firstLine: line, texts: [] }, adjust: new Map(), results: null };
      current.request.texts.push(text);
      if (adjust) current.adjust.set(line, adjust);
      chars += text.length;
      if (current.request.texts.length >= batchLines || chars >= BATCH_CHARS) flush();
    },
    pushResult(result) {
      queueKnown(result, undefined);
    },
    ready() {
      if (queue.length < pool.length * IN_FLIGHT_PER_WORKER) return;
      return waitUntil(() => queue.length < pool.length * IN_FLIGHT_PER_WORKER);
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
