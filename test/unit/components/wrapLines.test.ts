import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { detailLayout, moveDetail } from '../../../src/components/detailLayout.js';
import { osc52, OSC52_MAX_BYTES } from '../../../src/components/clipboard.js';
import { printable, wrapLines } from '../../../src/components/wrapLines.js';

describe('wrapLines', () => {
  it('wraps at spaces, breaks long words, keeps line breaks and where each row starts', () => {
    const text = 'the quick brown fox\nft:gpt-4o-mini:acme::abcdefgh\n\nend';
    const { rows, more } = wrapLines(text, 10);
    expect(more).toBe(false);
    expect(rows.map((r) => r.text)).toEqual(['the quick', 'brown fox', 'ft:gpt-4o-', 'mini:acme:', ':abcdefgh', '', 'end']);
    for (const row of rows) expect(text.slice(row.start, row.start + row.text.length)).toBe(row.text);
  });

  it('never draws a control character and counts wide characters by their columns', () => {
    const text = 'a\u001B[31mred\tb\u0007 東京東京東京 👨‍👩‍👧👨‍👩‍👧';
    const { rows } = wrapLines(text, 6);
    for (const row of rows) {
      expect(row.text).not.toMatch(/[\u0000-\u001F\u007F-\u009F]/);
      expect(stringWidth(row.text)).toBeLessThanOrEqual(6);
    }
    expect(printable(text)).toHaveLength(text.length);
  });

  it('stops at maxRows without laying out the rest of a long text', () => {
    const { rows, more } = wrapLines('word '.repeat(1_000_000), 20, 3);
    expect(rows).toHaveLength(3);
    expect(more).toBe(true);
  });
});

describe('the detail view layout', () => {
  const items = [
    { label: 'A', text: 'short', copyable: true },
    { label: 'B', text: Array.from({ length: 12 }, (_, i) => `row${i}`).join('\n'), copyable: false },
    { label: 'C', text: 'last', copyable: true },
  ];
  it('moves by item, scrolls through an item taller than the view first, and reaches the end', () => {
    const layout = detailLayout(items, 40);
    expect(layout.spans).toEqual([{ start: 0, end: 1 }, { start: 2, end: 14 }, { start: 15, end: 16 }]);
    let at = { selected: 0, scroll: 0 };
    at = moveDetail(layout, at, 'down', 5);
    expect(at).toEqual({ selected: 1, scroll: 2 });
    // B has 13 rows: j scrolls it row by row until its end is shown.
    for (let i = 0; i < 8; i++) at = moveDetail(layout, at, 'down', 5);
    expect(at).toEqual({ selected: 1, scroll: 10 });
    at = moveDetail(layout, at, 'down', 5);
    expect(at).toEqual({ selected: 2, scroll: 12 });
    expect(moveDetail(layout, at, 'down', 5)).toEqual(at);
    expect(moveDetail(layout, at, 'top', 5)).toEqual({ selected: 0, scroll: 0 });
    expect(moveDetail(layout, { selected: 0, scroll: 0 }, 'bottom', 5)).toEqual({ selected: 2, scroll: 12 });
  });
});

describe('OSC 52', () => {
  it('carries the text in base64, and refuses what terminals would drop', () => {
    expect(osc52('ft:x')).toBe(`\u001B]52;c;${Buffer.from('ft:x').toString('base64')}\u0007`);
    expect(osc52('x'.repeat(OSC52_MAX_BYTES + 1))).toBeNull();
  });
});
