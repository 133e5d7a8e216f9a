import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { cut, cutStart, fitLine } from '../../../src/components/fitLine.js';

describe('fitLine', () => {
  it('fills the width exactly with left and right parts', () => {
    const line = fitLine(['conn', 'file.jsonl *'], ['? help', 'q quit'], 60);
    expect(stringWidth(line)).toBe(60);
    expect(line.startsWith('conn │ file.jsonl *')).toBe(true);
    expect(line.endsWith('? help  q quit')).toBe(true);
  });

  it('drops hints from the end before cutting the left side', () => {
    const line = fitLine(['connection label', 'data.jsonl'], ['? help', 'tab screens', 'q quit'], 48);
    expect(line).toContain('? help');
    expect(line).not.toContain('q quit');
    expect(stringWidth(line)).toBeLessThanOrEqual(48);
  });

  it('never exceeds a tiny width, wide characters included', () => {
    for (const width of [1, 5, 10, 17]) {
      expect(stringWidth(fitLine(['データセット名前', 'x'], ['? help'], width))).toBeLessThanOrEqual(width);
    }
  });

  it('cuts a long line with an ellipsis', () => {
    expect(cut('abcdefghij', 5)).toBe('abcd…');
    expect(cut('abc', 5)).toBe('abc');
    expect(cut('abc', 0)).toBe('');
  });

  it('cuts wide and accented text by columns, the same on every call and for each width', () => {
    const line = 'naïve café 東京 and more words after it';
    for (let round = 0; round < 2; round++) {
      expect(cut(line, 8)).toBe('naïve c…');
      expect(cut(line, 13)).toBe('naïve café …');
      expect(cut(line, 14)).toBe('naïve café 東…');
      expect(cut(line, 15)).toBe('naïve café 東…');
      expect(cut(line, 60)).toBe(line);
    }
    const long = `${'東'.repeat(600)}x`;
    expect(stringWidth(cut(long, 40))).toBeLessThanOrEqual(40);
    expect(cut(long, 40)).toBe(`${'東'.repeat(19)}…`);
  });

  it('cuts from the start for paths, keeping their end, by columns', () => {
    expect(cutStart('/a/b/c/train.jsonl', 12)).toBe('…train.jsonl');
    expect(cutStart('/a/train.jsonl', 20)).toBe('/a/train.jsonl');
    expect(cutStart('/データ/東京.jsonl', 9)).toBe('…京.jsonl');
    expect(stringWidth(cutStart('/データ/東京.jsonl', 9))).toBeLessThanOrEqual(9);
    expect(cutStart('abc', 0)).toBe('');
  });
});
