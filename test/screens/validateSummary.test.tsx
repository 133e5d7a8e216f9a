import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { packGroups, sparkline, summaryGroups } from '../../src/screens/validate/summaryLines.js';
import { tokenRows } from '../../src/screens/validate/tokenLines.js';
import { wrapText } from '../../src/screens/validate/wrapText.js';
import type { DatasetReport } from '../../src/core/validate/types.js';

describe('the Validate summary text', () => {
  it('keeps a group on one line when it fits and moves it down when it does not', () => {
    expect(packGroups([['aaaa', 'bb'], ['cc'], ['dddd', 'ee']], 12)).toEqual(['aaaa · bb', 'cc', 'dddd · ee']);
    expect(packGroups([['aaaa', 'bb'], ['cc'], ['dddd', 'ee']], 40)).toEqual(['aaaa · bb · cc · dddd · ee']);
    expect(packGroups([['x'], ['aaaa', 'bbbb', 'cccc']], 11)).toEqual(['x', 'aaaa · bbbb', 'cccc']);
    expect(packGroups([['x'], [], ['y']], 10)).toEqual(['x · y']);
  });

  it('says when the chosen base model has been shut down', () => {
    const [head] = summaryGroups(null, 'gpt-4.1-nano', '2026-11-25');
    expect(head).toEqual(['gpt-4.1-nano-2025-04-14', 'SHUT DOWN 2026-10-23', 'limit 65,536 tok', '$1.50/1M']);
    expect(summaryGroups(null, 'gpt-4.1-nano', '2026-01-01')[0]).toContain('shuts down 2026-10-23');
  });

  it("says until when the service fine-tunes the model, and plainly once it no longer does", () => {
    const info = { id: 'gpt-4.1-mini-2025-04-14', trainingEnds: '2027-04-14', retires: '2027-10-14', facts: null };
    const service = { models: ['gpt-4.1-mini-2025-04-14'], infos: { [info.id]: info }, error: null, version: 1 };
    expect(summaryGroups(null, info.id, '2027-04-14', service)[1]).toEqual(['service: fine-tunes it until 2027-04-14', 'retires 2027-10-14', 'ftui cannot count its tokens']);
    expect(summaryGroups(null, info.id, '2027-04-15', service)[1]![0]).toBe('service: NO LONGER FINE-TUNES IT (since 2027-04-14)');
  });

  it("says whose model list m walks: ftui's own when no service gave one", () => {
    expect(summaryGroups(null, 'gpt-4.1-nano', '2026-01-01').flat()).toContain("(m: next of ftui's models)");
    const failed = { models: null, infos: {}, error: 'no network', version: 1 };
    expect(summaryGroups(null, 'gpt-4.1-nano', '2026-01-01', failed).flat()).toEqual(expect.arrayContaining(["ftui's own table: the service did not answer (no network)", "(m: next of ftui's models)"]));
  });

  it('draws the histogram bins in one row, scaled to the largest', () => {
    const report = {
      figures: {
        histogram: [
          { from: 10, to: 20, count: 8 },
          { from: 20, to: 30, count: 0 },
          { from: 30, to: 40, count: 1 },
          { from: 40, to: 1200, count: 4 },
        ],
        billedTokensPerExample: { median: 18 },
      },
    } as unknown as DatasetReport;
    expect(sparkline(report)).toBe('tok/example 10 █ ▁▄ 1,200 (median 18)');
  });
});

describe('token rows', () => {
  it('wraps by display width and loses nothing between rows', () => {
    const tokens = ['日本', '語の', 'テキ', 'スト', ' 🎌', '\n', 'ok'];
    const { rows, hidden } = tokenRows(tokens, 7, 10);
    expect(hidden).toBe(0);
    for (const row of rows) expect(stringWidth(row)).toBeLessThanOrEqual(7);
    expect(rows.join('')).toBe('日本|語の|テキ|スト| 🎌|⏎|ok');
  });

  it('stops at the rows it is given and says how many tokens are left', () => {
    const { rows, hidden } = tokenRows(Array.from({ length: 30 }, () => 'abc'), 10, 2);
    expect(rows).toEqual(['abc|abc|ab', 'c|abc|abc|']);
    expect(hidden).toBe(25);
    expect(tokenRows(['a'], 10, 0)).toEqual({ rows: [], hidden: 1 });
  });
});

describe('wrapped finding text', () => {
  it('wraps between words, splits a word longer than a row, and marks what did not fit', () => {
    expect(wrapText('The line ends too early at column 16.', 12, 5)).toEqual(['The line', 'ends too', 'early at', 'column 16.']);
    expect(wrapText('messages[0].content.parts', 10, 5)).toEqual(['messages[0', '].content.', 'parts']);
    expect(wrapText('one two three four five six', 9, 2)).toEqual(['one two', 'three…']);
    for (const row of wrapText('日本語のテキストです。'.repeat(3), 9, 9)) expect(stringWidth(row)).toBeLessThanOrEqual(9);
  });
});
