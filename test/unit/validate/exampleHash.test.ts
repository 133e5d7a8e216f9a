// Duplicate detection's hash: equal exactly when JSON.stringify of the two values is equal.
import { describe, expect, it } from 'vitest';
import { exampleHash } from '../../../src/core/validate/exampleHash.js';
import { seededRandom } from '../../../src/core/seededRandom.js';

const same = (a: unknown, b: unknown) => expect(exampleHash(a)).toBe(exampleHash(b));
const differ = (a: unknown, b: unknown) => expect(exampleHash(a)).not.toBe(exampleHash(b));

describe('exampleHash', () => {
  it('is the same for the same value however the line spelled it', () => {
    same(JSON.parse('{"a": [1, 2.0, "\\u00e9"]}'), JSON.parse('{"a":[1,2,"é"]}'));
    same({ a: 1, b: undefined }, { a: 1 });
    same([undefined], [null]);
    same(-0, 0);
  });

  it('tells apart what JSON.stringify tells apart', () => {
    differ({ a: 1, b: 2 }, { b: 2, a: 1 }); // key order, as JSON.stringify keeps it
    differ({ a: '1' }, { a: 1 });
    differ({ ab: 'c' }, { a: 'bc' });
    differ({ a: 'b' }, ['a', 'b']);
    differ(['a', 'b'], ['ab']);
    differ([[]], [[], []]);
    differ({ a: null }, { a: false });
    differ({ a: true }, { a: 1 });
    differ({ messages: [{ role: 'user', content: 'x' }] }, { messages: [{ role: 'user', content: 'y' }] });
  });

  it('gives 200,000 distinct examples 200,000 distinct hashes', () => {
    const rand = seededRandom(3);
    const seen = new Set<string>();
    const values = new Set<string>();
    for (let i = 0; i < 200_000; i++) {
      const value = { messages: [{ role: 'user', content: `q${Math.floor(rand() * 1e9)}` }, { role: 'assistant', content: String(i % 1000) }] };
      values.add(JSON.stringify(value));
      seen.add(exampleHash(value));
    }
    expect(seen.size).toBe(values.size);
  });

  it('walks deep values without recursion', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(exampleHash(deep)).toMatch(/\./);
  });
});
