// How every text field is drawn: the cursor on the whole grapheme under it (an emoji under the
// cursor used to show as `X��`: half a surrogate pair in inverse), wide characters never split.
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { layoutField, rowText } from '../../../src/components/fieldLayout.js';
import { textField, type TextField } from '../../../src/store/slices/textField.js';

const at = (text: string, cursor: number, multiline = true): TextField => ({ ...textField(text, { multiline }), cursor });
const inverse = (rows: ReturnType<typeof layoutField>) => rows.flatMap((r) => r.filter((s) => s.inverse).map((s) => s.text));

describe('drawing a text field', () => {
  it.each([
    ['a skin-toned emoji', 'X👍🏽Y', 1, '👍🏽'],
    ['a ZWJ family', 'X👨‍👩‍👧Y', 1, '👨‍👩‍👧'],
    ['a flag with a variation selector', 'X🏳️‍🌈', 1, '🏳️‍🌈'],
    ['e with a combining accent', 'cafe\u0301!', 3, 'e\u0301'],
    ['a CJK character', '日本語', 2, '語'],
  ])('puts the cursor on the whole grapheme: %s', (_, text, cursor, under) => {
    const rows = layoutField(at(text, cursor), 40, 3);
    expect(inverse(rows)).toEqual([under]);
    expect(rowText(rows[0]!)).toBe(text);
  });

  it('draws the cursor past the end as an inverse space, on a new row when the row is full', () => {
    expect(inverse(layoutField(at('abc', 3), 10, 2))).toEqual([' ']);
    const rows = layoutField(at('abcd', 4), 4, 3);
    expect(rows.map(rowText)).toEqual(['abcd', ' ']);
  });

  it('wraps by columns without splitting a wide character, and keeps the cursor row in view', () => {
    const rows = layoutField(at('日本語日本語', 0), 5, 5, false);
    expect(rows.map(rowText)).toEqual(['日本', '語日', '本語']);
    expect(rows.every((r) => stringWidth(rowText(r)) <= 5)).toBe(true);
    const long = at(Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n'), 0);
    const end = layoutField({ ...long, cursor: long.text.length }, 20, 4);
    expect(end.map(rowText).at(-1)).toBe('line 29 ');
    expect(end).toHaveLength(4);
  });

  it('shows control characters as symbols, never raw', () => {
    const rows = layoutField(at('a\u007F\u0001b', 0), 20, 1, false);
    expect(rowText(rows[0]!)).toBe('a␡␁b');
  });

  it('draws a selection (a pre-filled field) in inverse, without a separate cursor', () => {
    const rows = layoutField(textField('out.jsonl', { selectAll: true }), 20, 1);
    expect(inverse(rows)).toEqual(['out.jsonl']);
  });
});
