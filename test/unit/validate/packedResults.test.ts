// Results packed by a worker come back as the very objects the analyzer made: every kind of line,
// findings or none, chat and preference figures, Together's data formats, lines too long to read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../../src/core/validate/index.js';
import { lineTooLongResult } from '../../../src/core/validate/lineResult.js';
import { packResults, unpackResults } from '../../../src/core/validate/packedResults.js';
import type { ExampleResult } from '../../../src/core/validate/types.js';

const cookbook = (name: string) => join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'datasets', 'cookbook', `${name}.jsonl`);

const LINES = [
  ...readFileSync(cookbook('drone_training'), 'utf8').split('\n').slice(0, 20),
  ...readFileSync(cookbook('toy_chat_fine_tuning'), 'utf8').split('\n').slice(0, 5),
  '',
  '   ',
  '{"messages": [',
  '[1, 2]',
  '{"prompt": "a", "completion": "b"}',
  '{"messages": [{"role": "user", "content": "hi sk-abcdefghijklmnopqrstuvwxyz"}, {"role": "assistant", "content": "x", "weight": 0}]}',
  JSON.stringify({ input: { messages: [{ role: 'user', content: 'q' }] }, preferred_output: [{ role: 'assistant', content: 'a' }], non_preferred_output: [{ role: 'assistant', content: 'b' }] }),
  '{"text": "plain"}',
];

function roundTrip(results: ExampleResult[]): ExampleResult[] {
  const packed = structuredClone(packResults(results));
  const out: ExampleResult[] = [];
  unpackResults(packed, (r) => out.push(r));
  return out;
}

describe('packed results', () => {
  for (const model of ['gpt-4o-mini', 'gpt-3.5-turbo', 'Qwen/Qwen3-8B']) {
    it(`unpack(pack(results)) equals the results (${model})`, () => {
      const analyzer = createAnalyzer({ model });
      const results = LINES.map((text, i) => analyzer.analyzeText(text, i + 1));
      results.push(lineTooLongResult(LINES.length + 1, 20_000_000));
      expect(results.some((r) => r.findings.length > 0)).toBe(true);
      expect(results.some((r) => r.findings.length === 0)).toBe(true);
      expect(roundTrip(results)).toStrictEqual(results);
    });
  }

  it('keeps Together data formats and preference figures', () => {
    const analyzer = createAnalyzer({ model: 'Qwen/Qwen3-8B' });
    const results = ['{"prompt": "a", "completion": "b"}', '{"text": "plain"}'].map((t, i) => analyzer.analyzeText(t, i + 1));
    expect(results.map((r) => r.figures?.dataFormat)).toEqual(['instruction', 'general']);
    expect(roundTrip(results)).toStrictEqual(results);
    const preference = createAnalyzer({ model: 'gpt-4o-mini' }).analyzeText(LINES[LINES.length - 2] as string, 1);
    expect(preference.figures?.format).toBe('preference');
    expect(roundTrip([preference])).toStrictEqual([preference]);
  });

  it('gives whole counts back as whole numbers and any other number as it was', () => {
    const result = createAnalyzer({ model: 'gpt-4o-mini' }).analyzeText(LINES[0] as string, 3);
    const big = { ...result, line: 2 ** 31 + 5, figures: { ...result.figures!, billedTokens: 2 ** 40, estimatedToolTokens: 12.5, images: -0.25 } };
    const [back] = roundTrip([big]);
    expect(back).toStrictEqual(big);
    expect(Number.isInteger(back!.figures!.cookbookTokens)).toBe(true);
  });
});
