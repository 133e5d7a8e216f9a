import { describe, expect, it } from 'vitest';
import { parseEditedToolCalls, parseEditedTools } from '../../../src/core/dataset/toolJson.js';
import { lineAndColumn } from '../../../src/core/validate/jsonError.js';

describe('where edited tool JSON fails', () => {
  it('counts the column in characters as an editor shows them: an emoji before the error is one column, not two', () => {
    // "🙂" is one code point but two UTF-16 units; the stray x is the 13th character of line 2.
    const text = '[\n  {"a": "🙂" x}\n]';
    expect(parseEditedTools(text)).toEqual({ ok: false, message: expect.stringMatching(/^not valid JSON at line 2, column 13: /) });
    expect(parseEditedToolCalls('[{"name": "f", "arguments": "{\\"🙂\\": ]"}]')).toEqual({ ok: false, message: expect.stringMatching(/"arguments" must be JSON; not valid JSON at line 1, column 7: /) });
  });

  it('lineAndColumn says line and column of an offset, 1-based', () => {
    expect(lineAndColumn('ab', 0)).toBe('line 1, column 1');
    expect(lineAndColumn('a\n🙂b', 4)).toBe('line 2, column 2');
  });
});
