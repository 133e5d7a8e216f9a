// Worker thread body: analyses batches of raw lines for the pool in analyzerPool.ts. Tokenizing
// is nearly all of the cost of validating a file, and it is independent per example.
import { parentPort, workerData } from 'node:worker_threads';
import { analyzerFor, createAnalyzer } from './analyzer.js';
import type { ExampleResult, ModelFacts } from './types.js';

export interface BatchRequest {
  id: number;
  firstLine: number;
  texts: string[];
}
export interface BatchResponse {
  id: number;
  results: ExampleResult[];
}

// The connected service's facts for the model travel with it: this thread cannot look them up.
const data = workerData as { model: string; facts?: ModelFacts | null };
const analyzer = data.facts ? analyzerFor(data.facts) : createAnalyzer({ model: data.model });
parentPort?.on('message', (request: BatchRequest) => {
  const results = request.texts.map((text, i) => analyzer.analyzeText(text, request.firstLine + i));
  parentPort?.postMessage({ id: request.id, results } satisfies BatchResponse);
});
