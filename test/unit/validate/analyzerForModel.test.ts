// A worker (the pool's, the app's background one) cannot look up the connected service's facts
// for a model, so they travel with the job: both receivers build the analyzer the same way.
import { describe, expect, it } from 'vitest';
import { resolveModel } from '../../../src/core/models.js';
import { analyzerForModel } from '../../../src/core/validate/analyzer.js';
import { runJob } from '../../../src/core/validate/backgroundJobs.js';
import type { AnalyzedRow } from '../../../src/core/validate/backgroundJobs.js';

const MODEL = 'gpt-4o-mini';
const example = JSON.stringify({ messages: [{ role: 'user', content: 'Tell me a long story, please.' }, { role: 'assistant', content: 'Once upon a time there was a story that went on.' }] });
const over = (codes: string[]) => codes.includes('example_over_token_limit');

describe('analyzerForModel', () => {
  it('uses the facts sent with the job (a service\'s lower limit), else ftui\'s own for the model', () => {
    const own = resolveModel(MODEL)!;
    const service = { ...own, tokenLimit: 10 };
    expect(analyzerForModel(MODEL).model).toEqual(own);
    expect(analyzerForModel(MODEL, null).model).toEqual(own);
    expect(analyzerForModel(MODEL, service).model).toEqual(service);
    const codes = (facts: typeof own | null) => analyzerForModel(MODEL, facts).analyzeText(example, 1).findings.map((f) => f.code);
    expect(over(codes(null))).toBe(false);
    expect(over(codes(service))).toBe(true);
    // The app's background worker goes the same way.
    const row = runJob({ op: 'analyze', model: MODEL, facts: service, text: example }) as AnalyzedRow;
    expect(row.result.findings.map((f) => f.code)).toEqual(codes(service));
  });
});
