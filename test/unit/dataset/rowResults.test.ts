// The Dataset list and the background validator share one result per row: a row the validator
// has checked is not analysed again when it scrolls into view, and a change of model counts
// tokens in that model's encoding.
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_FORMAT } from '../../../src/core/dataset/format.js';
import { freshRow } from '../../../src/core/dataset/row.js';
import { rowAnalysis } from '../../../src/core/dataset/rowResults.js';
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
});
