// Worker thread body: analyses batches for the pool in analyzerPool.ts, either a chunk of a file's
// raw lines (decoded here) or texts of rows held in memory, and answers with packed results.
// Tokenizing is nearly all of the cost of validating a file, and it is independent per example.
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { analyzerForModel } from './analyzer.js';
import { analyzeLine } from './lineResult.js';
import { forEachLine, viewOf, type LineChunk } from './lineReader.js';
import { packResults, type PackedResults } from './packedResults.js';
import type { ExampleResult, ModelFacts } from './types.js';

/** Rows held in memory, lines firstLine, firstLine + 1, ...: row i is bytes[ends[i - 1], ends[i]) decoded, or its entry in `texts`. */
export interface RowBatch {
  firstLine: number;
  bytes: Uint8Array;
  ends: Int32Array;
  texts: Array<[number, string]>;
}
export type BatchRequest = { id: number; chunk: LineChunk } | { id: number; rows: RowBatch };
export interface BatchResponse {
  id: number;
  packed: PackedResults;
}

// The connected service's facts for the model travel with it: this thread cannot look them up.
const data = workerData as { model: string; facts?: ModelFacts | null; nice?: number | null };
// A background pool (PoolOptions.background) runs behind the thread that started it: on Linux a
// thread's nice value is its own, so this lowers only this thread's priority. Elsewhere (macOS,
// Windows) the same call sets the whole process's priority, the interface thread's included, so
// there it is left alone.
if (typeof data.nice === 'number' && process.platform === 'linux') {
  try {
    // Only ever lowered: a process that already runs at a lower priority keeps it.
    if (getPriority() < data.nice) setPriority(data.nice);
  } catch {
    // Not permitted on this system: the usual priority.
  }
}
const analyzer = analyzerForModel(data.model, data.facts);
parentPort?.on('message', (request: BatchRequest) => {
  const results: ExampleResult[] = [];
  if ('chunk' in request) forEachLine(request.chunk, (line) => void results.push(analyzeLine(analyzer, line)));
  else {
    const { firstLine, bytes, ends, texts } = request.rows;
    const view = viewOf(bytes);
    const given = new Map(texts);
    for (let i = 0; i < ends.length; i++) {
      const text = given.get(i) ?? view.toString('utf8', i === 0 ? 0 : ends[i - 1], ends[i]);
      results.push(analyzer.analyzeText(text, firstLine + i));
    }
  }
  const packed = packResults(results);
  parentPort?.postMessage({ id: request.id, packed } satisfies BatchResponse, [packed.numbers.buffer]);
});
