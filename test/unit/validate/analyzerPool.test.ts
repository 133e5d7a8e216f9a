// The worker pool gives the results the main thread gives, in line order, for every way lines
// reach it: a file's raw chunks (decoded on the worker), rows as bytes or as text, results known
// beforehand, and lines too long for a worker. Worker threads need the built files (under vitest
// the sources are TypeScript), so this drives the build that `npm test` makes first.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../../src/core/validate/index.js';
import { analyzeLine, lineTooLongResult } from '../../../src/core/validate/lineResult.js';
import { readLineChunks } from '../../../src/core/validate/lineReader.js';
import type { ExampleResult } from '../../../src/core/validate/types.js';
import type * as Pool from '../../../src/core/validate/analyzerPool.js';

const built = (await import(new URL('../../../dist/core/validate/analyzerPool.js', import.meta.url).href)) as typeof Pool;
const source = await import('../../../src/core/validate/analyzerPool.js');

const MODEL = 'gpt-4o-mini';
const good = (i: number) => JSON.stringify({ messages: [{ role: 'system', content: `s ${i % 3}` }, { role: 'user', content: `question ${i} ${'é'.repeat(i % 5)}` }, { role: 'assistant', content: `answer ${i % 7}` }] });
const lines: Array<string | Uint8Array> = [];
for (let i = 0; i < 300; i++) {
  if (i % 50 === 7) lines.push('{"messages": [');
  else if (i % 50 === 11) lines.push('');
  else if (i % 50 === 13) lines.push('{"messages": [{"role": "user", "content": "lone \\ud800"}, {"role": "assistant", "content": "x"}]}');
  else if (i % 50 === 17) lines.push(Buffer.concat([Buffer.from('{"messages": [{"role": "user", "content": "bad '), Buffer.from([0xff, 0xfe]), Buffer.from('"}]}')]));
  else if (i % 2 === 0) lines.push(Buffer.from(good(i)));
  else lines.push(good(i));
}
// Over what a worker takes: analysed beside the workers, in its place.
lines[150] = JSON.stringify({ messages: [{ role: 'user', content: 'word '.repeat(210_000) }, { role: 'assistant', content: 'ok' }] });

async function run(sink: (onResult: (r: ExampleResult) => void) => Pool.LineSink): Promise<ExampleResult[]> {
  const out: ExampleResult[] = [];
  const s = sink((r) => out.push(r));
  lines.forEach((line, i) => {
    if (i === 200) s.pushResult(lineTooLongResult(201, 20_000_000));
    else if (typeof line === 'string') s.push(line, i + 1);
    else s.pushBytes(line, i + 1);
  });
  await s.finish();
  return out;
}

describe('the analyzer pool', () => {
  it('is built (the tests run after npm run build)', () => {
    expect(built.workersAvailable).toBe(true);
  });

  it("puts workers only on files big enough to pay for them, one per idle core but never this thread's", () => {
    const MiB = 1024 * 1024;
    expect([8, 17, 32].map((mb) => built.workersMayPay(mb * MiB, 8))).toEqual([false, false, false]);
    expect([33, 168].map((mb) => built.workersMayPay(mb * MiB, 2))).toEqual([true, true]);
    expect(built.workersMayPay(1024 * MiB, 1)).toBe(false);
    // Two cores, this thread on one: the other idle gets a worker, a busy machine none.
    expect([0, 0.3, 0.7, 1, 2].map((idle) => built.workersForIdleCores(idle, 2))).toEqual([0, 0, 1, 1, 1]);
    expect([0, 2.6, 7.9].map((idle) => built.workersForIdleCores(idle, 8))).toEqual([0, 3, 7]);
  });

  it('decides once, after this thread has worked alone for a moment, from how idle the cores were', () => {
    let at = 0;
    const watch = built.idleCoreWatch(() => at);
    expect(watch()).toBeNull();
    // Measured over real CPU time, so wait until the machine has run long enough to tell.
    const until = Date.now() + 10_000;
    let answer: number | null = null;
    at = 1000;
    while (answer === null && Date.now() < until) answer = watch();
    expect(answer).not.toBeNull();
    expect(answer).toBeGreaterThanOrEqual(0);
    expect(answer).toBeLessThan(availableParallelism());
    expect(watch()).toBeNull();
  });

  it('gives rows (bytes or text) the results the inline sink gives, in order', async () => {
    const analyzer = createAnalyzer({ model: MODEL });
    const inline = await run((onResult) => source.inlineSink(analyzer, onResult));
    const pooled = await run((onResult) => built.poolSink(MODEL, 2, onResult, { batchLines: 7 }));
    expect(inline.map((r) => r.line)).toEqual(lines.map((_, i) => i + 1));
    expect(pooled).toStrictEqual(inline);
    expect(inline.filter((r) => r.kind === 'unparsed')).toHaveLength(6);
    expect(inline.some((r) => r.findings.some((f) => f.code === 'lone_surrogate'))).toBe(true);
  });
});

describe('the analyzer pool on a file', () => {
  it('gives chunks the results of this thread, with the workers alone or with this thread helping, in order', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ftui-pool-')), 'file.jsonl');
    // Some lines end in \r\n: the workers take the \r as part of the line end, as the reader does.
    writeFileSync(path, Buffer.concat(lines.map((l, n) => Buffer.concat([typeof l === 'string' ? Buffer.from(l) : l, Buffer.from(n % 9 === 0 ? '\r\n' : '\n')]))));
    const analyzer = createAnalyzer({ model: MODEL });
    const readAll = async (sink: Pool.LineSink) => {
      await readLineChunks(path, { chunk: (c) => sink.chunk(c), line: (l) => sink.pushResult(analyzeLine(analyzer, l)) }, { chunkBytes: 4096, longLineBytes: built.POOL_MAX_LINE_CHARS, afterChunk: () => sink.ready() });
      await sink.finish();
    };
    const inline: ExampleResult[] = [];
    await readAll(source.inlineSink(analyzer, (r) => inline.push(r)));
    expect(inline).toHaveLength(lines.length);
    for (const [workers, helper] of [[2, undefined], [1, analyzer], [0, analyzer]] as const) {
      const pooled: ExampleResult[] = [];
      await readAll(built.poolSink(MODEL, workers, (r) => pooled.push(r), { ...(helper && { helper }) }));
      expect({ workers, helper: !!helper, pooled }).toStrictEqual({ workers, helper: !!helper, pooled: inline });
    }
    // Workers that join part-way (as `ftui validate` adds them once it has seen idle cores) change nothing either.
    const grown: ExampleResult[] = [];
    const sink = built.poolSink(MODEL, 0, (r) => grown.push(r), { helper: analyzer });
    let chunks = 0;
    await readLineChunks(path, { chunk: (c) => sink.chunk(c), line: (l) => sink.pushResult(analyzeLine(analyzer, l)) }, {
      chunkBytes: 4096,
      longLineBytes: built.POOL_MAX_LINE_CHARS,
      afterChunk: () => {
        if (++chunks === 3) sink.addWorkers(2);
        expect(sink.workers).toBe(chunks < 3 ? 0 : 2);
        return sink.ready();
      },
    });
    await sink.finish();
    expect(chunks).toBeGreaterThan(3);
    expect(grown).toStrictEqual(inline);
    expect(inline.filter((r) => r.findings.some((f) => f.code === 'invalid_utf8'))).toHaveLength(6);
  });
});

// What the scheduler gives each thread of this process: the nice value of every thread (Linux).
function threadNices(): number[] {
  return readdirSync('/proc/self/task').map((tid) => Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]));
}

describe('a background pool', () => {
  // Nice values are per thread on Linux only; a process already at nice 10 or lower priority has nothing to lower.
  it.runIf(process.platform === 'linux' && getPriority() < built.BACKGROUND_NICE)('runs its workers behind this thread, and an ordinary pool runs them beside it', async () => {
    const own = getPriority();
    const nicesWhileRunning = async (background: boolean): Promise<number[]> => {
      let firstResult: () => void = () => undefined;
      const started = new Promise<void>((resolve) => (firstResult = resolve));
      const sink = built.poolSink(MODEL, 1, () => firstResult(), { batchLines: 1, background });
      // The first result comes from a worker that set its priority before it took any work.
      for (let i = 0; i < 20; i++) sink.push(good(i), i + 1);
      await started;
      const nices = threadNices();
      await sink.finish();
      return nices;
    };
    expect(await nicesWhileRunning(true)).toContain(built.BACKGROUND_NICE);
    expect(getPriority()).toBe(own);
    expect((await nicesWhileRunning(false)).every((nice) => nice === own)).toBe(true);
  });
});
