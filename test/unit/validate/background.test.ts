// What may be analysed on the interface thread, and the queue that takes the rest.
import { describe, expect, it } from 'vitest';
import { BackgroundAnalyzer, JobNotWanted } from '../../../src/core/validate/background.js';
import { analysisMayBeSlow, QUICK_MAX_CHARS } from '../../../src/core/validate/slowText.js';
import { tokenView } from '../../../src/core/validate/tokenView.js';

describe('analysisMayBeSlow', () => {
  it('lets short text with ordinary words through and sends long texts and long runs to the worker', () => {
    expect(analysisMayBeSlow('word '.repeat(2000))).toBe(false);
    expect(analysisMayBeSlow('w'.repeat(QUICK_MAX_CHARS + 1))).toBe(true);
    // One pre-tokenised chunk of 1,000 letters, or of 1,000 spaces.
    expect(analysisMayBeSlow(`a ${'b'.repeat(1000)} c`)).toBe(true);
    expect(analysisMayBeSlow(`a${' '.repeat(1000)}c`)).toBe(true);
    expect(analysisMayBeSlow(`a ${'b'.repeat(999)} c`)).toBe(false);
  });
});

describe('BackgroundAnalyzer', () => {
  const text = JSON.stringify({ messages: [{ role: 'user', content: 'hello there' }, { role: 'assistant', content: 'hi' }] });

  it('answers jobs in order, and drops the ones nobody wants any more when their turn comes', async () => {
    const background = new BackgroundAnalyzer();
    let wanted = true;
    const first = background.run({ op: 'analyze', model: 'gpt-4.1-mini', text });
    const dropped = background.run({ op: 'count', model: 'gpt-4.1-mini', text: 'never counted' }, () => wanted);
    const count = background.run({ op: 'count', model: 'gpt-4.1-mini', text: 'hello there' });
    wanted = false;
    expect((await first).summary).toMatchObject({ kind: 'example', title: 'hello there', turns: 2 });
    expect((await first).result.figures?.billedTokens).toBeGreaterThan(0);
    await expect(dropped).rejects.toBeInstanceOf(JobNotWanted);
    expect(await count).toBe(2);
  });

  it('a job that fails fails alone', async () => {
    const background = new BackgroundAnalyzer();
    const bad = background.run({ op: 'analyze', model: 'no-such-model', text });
    const good = background.run({ op: 'count', model: 'gpt-4.1-mini', text: 'hello' });
    await expect(bad).rejects.toThrow(/no-such-model/);
    expect(await good).toBe(1);
  });
});

describe('tokenView with a limit on the tokens shown', () => {
  it('decodes only the first tokens of each message but counts them all', () => {
    const view = tokenView({ messages: [{ role: 'user', content: 'one two three four five six' }, { role: 'assistant', content: 'ok' }] }, 'o200k_base', { maxShown: 2 })!;
    expect(view.segments[0]).toMatchObject({ tokens: ['one', ' two'], count: 6 });
    expect(view.counts.context).toBe(6);
  });
});
