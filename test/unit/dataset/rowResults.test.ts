// The Dataset list and the background validator share one result per row: a row the validator
// has checked is not analysed again when it scrolls into view, and a change of model counts
// tokens in that model's encoding.
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_FORMAT } from '../../../src/core/dataset/format.js';
import { freshRow } from '../../../src/core/dataset/row.js';
import { compactResult, rowAnalysis } from '../../../src/core/dataset/rowResults.js';
import { validateDataset } from '../../../src/effects/datasetValidator.js';
import { rowFacts } from '../../../src/screens/dataset/rowFacts.js';

const example = (user: string) => JSON.stringify({ messages: [{ role: 'user', content: user }, { role: 'assistant', content: 'Sure — こんにちは, naïve café.' }] });

describe('row results shared by the validator and the list', () => {
  it('does not analyse a row the validator has already checked', async () => {
    const model = 'gpt-4.1-mini-2025-04-14';
    const rows = [freshRow(example('first question')), freshRow('{"messages": [{"role": "user"'), freshRow(example('third'))];
    const output = await validateDataset({ rows, count: rows.length, path: null, format: DEFAULT_FORMAT, bytesOnDisk: null }, model, () => false, () => undefined);
    expect(output?.report.file.examples).toBe(3);

    const analyze = vi.spyOn(rowAnalysis(model).analyzer, 'analyzeText');
    const facts = rows.map((row) => rowFacts(row, model));
    expect(analyze).not.toHaveBeenCalled();
    expect(facts[1]?.worst).toBe('error');
    expect(facts[0]?.tokens).toBeGreaterThan(0);

    // A row nobody has checked yet (just typed) is analysed once, then remembered.
    const typed = freshRow(example('new one'));
    rowFacts(typed, model);
    rowFacts(typed, model);
    expect(analyze).toHaveBeenCalledTimes(1);
    analyze.mockRestore();
  });

  it('counts tokens in the chosen model’s encoding', () => {
    const row = freshRow(example('Count these words in two encodings: こんにちは世界, naïve café, ümlaut.'));
    const o200k = rowFacts(row, 'gpt-4.1-mini-2025-04-14').tokens;
    const cl100k = rowFacts(row, 'gpt-3.5-turbo-0125').tokens;
    expect(o200k).not.toBeNull();
    expect(cl100k).not.toBeNull();
    expect(cl100k).not.toBe(o200k);
  });

  it('keeps each result in a compact copy equal to what the analyzer said', () => {
    const model = 'gpt-4.1-mini-2025-04-14';
    const { analyzer, results } = rowAnalysis(model);
    const clean = (user: string) => JSON.stringify({ messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: user }, { role: 'assistant', content: 'Sure — naïve café.' }] });
    const texts = [clean('plain'), clean('another'), '{"messages": [{"role": "user"', JSON.stringify({ messages: [{ role: 'user', content: 'no answer' }] })];
    const rows = texts.map((t) => freshRow(t));
    for (const row of rows) {
      const analysed = analyzer.analyzeText(row.text, 7);
      // As it arrives from a worker: a structured clone.
      results.set(row, structuredClone(analysed));
      expect(results.get(row)).toEqual(analysed);
    }
    // Rows without findings share one empty list, which nothing can add to.
    const [a, b] = rows.map((r) => results.get(r)!);
    expect(a!.findings).toEqual([]);
    expect(a!.findings).toBe(b!.findings);
    expect(() => (a!.findings as unknown[]).push(1)).toThrow();
    expect(results.get(rows[2]!)!.findings.length).toBeGreaterThan(0);
    expect(compactResult({ line: 1, kind: 'blank', findings: [], figures: null, contentHash: null, worst: null })).toEqual({ line: 1, kind: 'blank', findings: [], figures: null, contentHash: null, worst: null });
  });

  it('after a row is inserted mid-file, keeps the results after it and reports them at their new lines', async () => {
    const model = 'gpt-4.1-mini-2025-04-14';
    const rows = [freshRow(example('one')), freshRow(example('two')), freshRow(example('one')), freshRow('{"messages": [')];
    const input = (list: typeof rows) => ({ rows: list, count: list.length, path: null, format: DEFAULT_FORMAT, bytesOnDisk: null });
    const first = await validateDataset(input(rows), model, () => false, () => undefined);
    const duplicate = (output: typeof first) => output?.report.findings.find((g) => g.code === 'duplicate_example');
    expect(duplicate(first)?.lines).toEqual([3]);
    expect(first?.marks.get(rows[2]!.id)).toBe('warning');
    expect(first?.hashes.size).toBe(2);
    const { results } = rowAnalysis(model);
    const kept = rows.map((r) => results.get(r));

    const inserted = [rows[0]!, freshRow(example('new')), ...rows.slice(1)];
    const second = await validateDataset(input(inserted), model, () => false, () => undefined);
    expect(duplicate(second)?.lines).toEqual([4]);
    expect(second?.report.findings.find((g) => g.code === 'invalid_json')?.lines).toEqual([5]);
    expect(second?.marks.get(rows[2]!.id)).toBe('warning');
    expect([...second!.hashes.values()].sort()).toEqual([1, 2, 3]);
    rows.forEach((row, i) => expect(results.get(row)).toBe(kept[i]));
  });
});
