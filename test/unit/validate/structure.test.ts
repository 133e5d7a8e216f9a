// Lines JSON.parse accepts that ftui or the service cannot take as they are: too deep to walk,
// lone surrogates, the same key twice. Each is a finding with its line and path.
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../../src/core/validate/index.js';
import { duplicateKeys, inspectValue, keyLikeCount, MAX_DEPTH } from '../../../src/core/validate/structure.js';
import { seededRandom } from '../../../src/core/seededRandom.js';

const analyzer = createAnalyzer({ model: 'gpt-4.1-mini' });
const good = JSON.stringify({ messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'hello' }] });
const nested = (levels: number) => `{"messages":${'['.repeat(levels)}${']'.repeat(levels)}}`;

describe('nesting too deep', () => {
  // Before: JSON.stringify in the duplicate hash threw "Maximum call stack size exceeded".
  it('a line 5,000 levels deep is one error with its line, not a crash', () => {
    const result = analyzer.analyzeText(nested(5000), 2);
    expect(result.findings.map((f) => [f.code, f.line])).toEqual([['nesting_too_deep', 2]]);
    expect(result.worst).toBe('error');
    expect(result.contentHash).toBeNull();
  });

  it('holds at the limit and not one level past it; walking a million levels does not overflow', () => {
    // The object itself is level 1, so the array brackets may go MAX_DEPTH - 1 deep.
    expect(inspectValue(JSON.parse(nested(MAX_DEPTH - 1))).tooDeep).toBe(false);
    expect(inspectValue(JSON.parse(nested(MAX_DEPTH))).tooDeep).toBe(true);
    expect(inspectValue(JSON.parse(nested(1_000_000))).tooDeep).toBe(true);
    expect(analyzer.analyze(JSON.parse(nested(5000)), 7).findings[0]?.code).toBe('nesting_too_deep');
  });
});

describe('lone surrogates', () => {
  // Before: no finding; the service's parser replaces or rejects the string.
  it('are a warning with the path of each string that has one', () => {
    const text = '{"messages":[{"role":"user","content":"a\\ud800b"},{"role":"assistant","content":"ok \\udc00"}],"x\\ud83d":1}';
    const result = analyzer.analyzeText(text, 4);
    const found = result.findings.filter((f) => f.code === 'lone_surrogate');
    expect(found.every((f) => f.severity === 'warning' && f.line === 4)).toBe(true);
    expect(found.map((f) => f.path).sort()).toEqual(['["x\\ud83d"]', 'messages[0].content', 'messages[1].content']);
  });

  it('a pair written as two escapes is a character, not a finding', () => {
    const text = '{"messages":[{"role":"user","content":"smile \\ud83d\\ude00"},{"role":"assistant","content":"ok"}]}';
    expect(analyzer.analyzeText(text, 1).findings.filter((f) => f.code === 'lone_surrogate')).toEqual([]);
  });
});

describe('duplicate keys', () => {
  // Before: no finding; JSON.parse silently kept the second "content".
  it('are a warning with the path of the object that has the key twice', () => {
    const text = '{"messages":[{"role":"user","content":"first","content":"second"},{"role":"assistant","content":"ok"}],"messages":[]}';
    const found = analyzer.analyzeText(text, 3).findings.filter((f) => f.code === 'duplicate_key');
    expect(found.map((f) => [f.severity, f.line, f.path])).toEqual([
      ['warning', 3, 'messages[0]'],
      ['warning', 3, null],
    ]);
    expect(found[0]?.message).toContain('"content"');
  });

  it('sees through escapes and strings that look like keys, and finds nothing in a clean line', () => {
    expect(duplicateKeys('{"a":1,"\\u0061":2}', 1)).toEqual([{ path: '', key: 'a' }]);
    // "\":" inside a string value is text, not a key; the same key in two objects is fine.
    const tricky = '{"messages":[{"role":"user","content":"say \\"role\\": x \\\\"},{"role":"assistant","content":"ok"}]}';
    expect(duplicateKeys(tricky, inspectValue(JSON.parse(tricky)).keys)).toEqual([]);
    expect(analyzer.analyzeText(good, 1).findings.filter((f) => f.code === 'duplicate_key')).toEqual([]);
  });
});

describe('the count of key-like "…": that rules duplicate keys out without a scan', () => {
  // It decides whether a line is scanned at all, so it must count what /"\s*:/g matches, exactly.
  const regexCount = (text: string) => text.match(/"\s*:/g)?.length ?? 0;
  it('counts what /"\\s*:/g matches, over every kind of \\s and random text', () => {
    const spaces = [' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
    const others = ['a', ':', '"', '\\', '\u0085', '\u200b', '\u180e', '\u00a1', 'é', '😀', '{', '}', ','];
    const alphabet = ['"', ':', ...spaces, ...others];
    const random = seededRandom(11);
    for (let i = 0; i < 5000; i++) {
      const text = Array.from({ length: Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(keyLikeCount(text), JSON.stringify(text)).toBe(regexCount(text));
    }
    for (const text of ['', ':', '"', '":', '"" :', '" \u3000\ufeff:', '"\u0085:', '"\u200b:', ':":"::', good, JSON.stringify({ a: { b: [{ 'c:': '":' }] } }, null, 2)]) {
      expect(keyLikeCount(text), JSON.stringify(text)).toBe(regexCount(text));
    }
  });
});

describe('inspectValue', () => {
  it('counts every key and finds the same lone surrogates and depth whether or not the quick walk can answer', () => {
    const value = { a: [{ b: 1, c: { d: 'x' } }, [{ e: null }]], f: 'y', g: {} };
    expect(inspectValue(value)).toEqual({ tooDeep: false, loneSurrogates: [], keys: 7 });
    expect(inspectValue({ ...value, h: [{ i: 'bad \ud800' }] })).toEqual({ tooDeep: false, loneSurrogates: ['h[0].i'], keys: 9 });
    expect(inspectValue({ ...value, ['\udc00']: 1 })).toEqual({ tooDeep: false, loneSurrogates: ['["\\udc00"]'], keys: 8 });
    expect(inspectValue(JSON.parse(nested(MAX_DEPTH))).tooDeep).toBe(true);
    expect(inspectValue(JSON.parse(nested(MAX_DEPTH - 2)))).toEqual({ tooDeep: false, loneSurrogates: [], keys: 1 });
  });
});
