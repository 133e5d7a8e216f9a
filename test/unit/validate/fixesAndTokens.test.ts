import { describe, expect, it } from 'vitest';
import { availableFixes, dropDuplicates, jsonArrayToJsonl, moveWeight, trimBlankMessages } from '../../../src/core/validate/fixes.js';
import { tokenView } from '../../../src/core/validate/tokenView.js';

const ex = (messages: unknown[]) => JSON.stringify({ messages });
const u = (content: string) => ({ role: 'user', content });
const a = (content: string, weight?: number) => ({ role: 'assistant', content, ...(weight !== undefined && { weight }) });

describe('safe fixes', () => {
  it('removes whitespace-only messages', () => {
    const plan = trimBlankMessages([ex([u('  '), u('Q'), a('A')]), ex([u('Q'), a('A')])]);
    expect(plan?.changes).toEqual([{ index: 0, text: ex([u('Q'), a('A')]) }]);
  });

  it('drops later exact duplicates and keeps the first', () => {
    const one = ex([u('Q'), a('A')]);
    expect(dropDuplicates([one, ex([u('x'), a('y')]), JSON.stringify(JSON.parse(one)), one])?.changes).toEqual([
      { index: 2, text: null },
      { index: 3, text: null },
    ]);
  });

  it('moves a weight from a user message to the assistant reply after it', () => {
    const plan = moveWeight([ex([{ ...u('Q'), weight: 0 }, a('A')])]);
    expect(JSON.parse(plan!.changes[0]!.text!).messages).toEqual([u('Q'), a('A', 0)]);
  });

  it('converts a pretty-printed JSON array to one example per line', () => {
    const lines = JSON.stringify([{ messages: [u('1')] }, { messages: [u('2')] }], null, 2).split('\n');
    const plan = jsonArrayToJsonl(lines)!;
    expect(plan.changes[0]!.text!.split('\n')).toEqual([ex([u('1')]), ex([u('2')])]);
    expect(plan.changes.slice(1).every((c) => c.text === null)).toBe(true);
  });

  it('offers only fixes that change something', () => {
    expect(availableFixes([ex([u('Q'), a('A')])])).toEqual([]);
    expect(availableFixes(['', ex([u('Q'), a('A')])]).map((p) => p.id)).toEqual(['dropBlankLines']);
  });
});

describe('the token view', () => {
  it('splits trained, masked and context tokens', () => {
    const view = tokenView({ messages: [u('Hello there'), a('Hi', 0), u('More'), a('Sure thing')] }, 'o200k_base')!;
    expect(view.segments.map((s) => s.kind)).toEqual(['context', 'masked', 'context', 'trained']);
    expect(view.segments[0]!.tokens.join('')).toBe('Hello there');
    expect(view.counts.trained).toBe(view.segments[3]!.tokens.length);
    expect(view.counts.masked).toBeGreaterThan(0);
  });
});
