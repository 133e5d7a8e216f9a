// Work the interactive app must never do on its own thread: analysing a row whose text could take
// seconds or minutes to tokenize (see slowText.ts), and the token counts and token view of such a
// text. One worker thread takes the jobs one at a time; while it works, keys, redraws and signals
// are handled as usual. The worker starts on the first job, does not keep the process alive
// (quitting never waits for it), and is replaced if it dies (out of memory on a pathological
// line), failing only the job it had.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runJob, type BackgroundJob, type BackgroundOutput } from './backgroundJobs.js';
import type { JobRequest, JobResponse } from './backgroundWorker.js';

/** A job dropped before it ran because nobody wanted its answer any more. */
export class JobNotWanted extends Error {
  constructor() {
    super('no longer wanted');
    this.name = 'JobNotWanted';
  }
}

interface Queued {
  id: number;
  job: BackgroundJob;
  wanted: () => boolean;
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
}

// A worker's heap is capped so a line that would need more fails alone instead of taking the
// machine's memory; the encoding tables and one 16 MiB line's analysis fit well inside.
const WORKER_HEAP_MB = 1024;
const workerUrl = new URL('./backgroundWorker.js', import.meta.url);
// Under vitest the sources run as TypeScript and there is no built worker next to this file.
const workerAvailable = workerUrl.protocol === 'file:' && existsSync(fileURLToPath(workerUrl));

export class BackgroundAnalyzer {
  private worker: Worker | null = null;
  private readonly queue: Queued[] = [];
  private running: Queued | null = null;
  private nextId = 0;

  /** Queues a job; `wanted` is asked when its turn comes, and a job nobody wants is dropped (JobNotWanted). */
  run<J extends BackgroundJob>(job: J, wanted: () => boolean = () => true): Promise<BackgroundOutput<J>> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, wanted, resolve: resolve as (output: unknown) => void, reject });
      this.pump();
    });
  }

  /** Jobs waiting or running. */
  get size(): number {
    return this.queue.length + (this.running ? 1 : 0);
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = null;
  }

  private pump(): void {
    if (this.running) return;
    let next = this.queue.shift();
    while (next && !next.wanted()) {
      next.reject(new JobNotWanted());
      next = this.queue.shift();
    }
    if (!next) return;
    this.running = next;
    if (!workerAvailable) {
      // No worker to hand it to: still asynchronous, so callers behave the same.
      const job = next;
      setImmediate(() => {
        try {
          this.settle(job.id, { id: job.id, output: runJob(job.job) });
        } catch (error) {
          this.settle(job.id, { id: job.id, error: error instanceof Error ? error.message : String(error) });
        }
      });
      return;
    }
    this.ensureWorker().postMessage({ id: next.id, job: next.job } satisfies JobRequest);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerUrl, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.on('message', (response: JobResponse) => this.settle(response.id, response));
    const lost = (reason: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      if (this.running) this.settle(this.running.id, { id: this.running.id, error: reason });
    };
    worker.on('error', (error) => lost((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? `it needed more than ${WORKER_HEAP_MB} MB of memory` : error.message));
    worker.on('exit', () => lost('the background worker stopped'));
    // After the listeners: adding a 'message' listener refs the worker again.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(id: number, response: JobResponse): void {
    const job = this.running;
    if (!job || job.id !== id) return;
    this.running = null;
    if (response.error !== undefined) job.reject(new Error(response.error));
    else job.resolve(response.output);
    this.pump();
  }
}
