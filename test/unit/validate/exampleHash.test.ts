// Duplicate detection's hash: equal exactly when JSON.stringify of the two values is equal.
import { describe, expect, it } from 'vitest';
import { exampleHash } from '../../../src/core/validate/exampleHash.js';
import { seededRandom } from '../../../src/core/seededRandom.js';

const same = (a: unknown, b: unknown) => expect(exampleHash(a)).toBe(exampleHash(b));
const differ = (a: unknown, b: unknown) => expect(exampleHash(a)).not.toBe(exampleHash(b));
/** The two 32-bit lanes back from the hash's five characters of 14 bits. */
function lanesOf(hash: string): [number, number] {
  const d = [...hash].map((c) => (c.codePointAt(0) as number) - 0x4e00);
  expect(d.every((x) => x >= 0 && x < 0x4000)).toBe(true);
  const [d0, d1, d2, d3, d4] = d as [number, number, number, number, number];
  return [(d0 | (d1 << 14) | ((d2 & 0xf) << 28)) >>> 0, ((d2 >>> 4) | (d3 << 10) | (d4 << 24)) >>> 0];
}

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

  it('reads text two units at a time without losing the second unit or a last odd one', () => {
    differ({ a: 'abc' }, { a: 'abc\u0000' });
    differ({ a: 'ab' }, { a: 'a' });
    differ(['ab', 'c'], ['a', 'bc']);
    differ({ a: '\ud83d\ude00' }, { a: '\ude00\ud83d' });
    same(JSON.parse('{"a": "\\ud83d\\ude00x"}'), { a: '😀x' });
    // Every value of the second unit of a pair, and of a last lone unit, in a text of each parity:
    // a distinct hash each, and each of the two 32-bit lanes distinct on its own too.
    for (const base of ['0123456789abcdef', '0123456789abcde']) {
      for (const at of [1, 7, base.length - 1]) {
        const whole = new Set<string>();
        const lanes = [new Set<string>(), new Set<string>()];
        for (let c = 0; c < 0x10000; c++) {
          const hash = exampleHash({ content: base.slice(0, at) + String.fromCharCode(c) + base.slice(at + 1) });
          whole.add(hash);
          lanesOf(hash).forEach((lane, i) => lanes[i]?.add(String(lane)));
        }
        expect([whole.size, lanes[0]?.size, lanes[1]?.size]).toEqual([0x10000, 0x10000, 0x10000]);
      }
    }
  });

  it('lets the second unit of a pair reach the low bits of both lanes', () => {
    // A multiply moves bits only upwards: without the xor-shifts, a change in the second unit
    // alone would leave a lane's low 16 bits as they were.
    const low = [new Set<number>(), new Set<number>()];
    for (let c = 0; c < 4096; c++) {
      lanesOf(exampleHash({ content: `ab${String.fromCharCode(0x20, 0x20 + c)}` })).forEach((lane, i) => low[i]?.add(lane & 0xffff));
    }
    // 4,096 values spread over 65,536 at random keep about 3,970 apart.
    expect(low[0]?.size).toBeGreaterThan(3800);
    expect(low[1]?.size).toBeGreaterThan(3800);
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
    expect(exampleHash(deep)).toHaveLength(5);
  });
});
