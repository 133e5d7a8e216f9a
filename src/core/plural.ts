import { lazyNumberFormat } from './numberFormat.js';

const integer = lazyNumberFormat();

/** "1 error", "2 errors", "1,204 examples": the count and its noun, agreeing. `plural` for irregular nouns. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${integer.format(n)} ${n === 1 ? noun : plural}`;
}
