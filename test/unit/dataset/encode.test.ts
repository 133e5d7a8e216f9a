// The save encoder sizes its buffer before writing into it: these cases are the ones where a
// string's UTF-8 length is easy to get wrong (multi-byte, astral, lone surrogates, kept bytes).
import { describe, expect, it } from 'vitest';
import type { FileFormat } from '../../../src/core/dataset/format.js';
import { encodeRows } from '../../../src/core/dataset/save.js';

type Line = { text: string; bytes?: Buffer };

// The obvious encoding, one piece per line, to compare against.
function reference(rows: Line[], format: FileFormat): Buffer {
  const parts: Buffer[] = format.bom ? [Buffer.from([0xef, 0xbb, 0xbf])] : [];
  rows.forEach((row, i) => {
    parts.push(row.bytes ?? Buffer.from(row.text, 'utf8'));
    if (i < rows.length - 1 || format.finalNewline) parts.push(Buffer.from(format.lineEnding, 'latin1'));
  });
  return Buffer.concat(parts);
}

const tricky: Line[] = [
  { text: '{"messages":[{"role":"user","content":"naïve café"}]}' },
  { text: '' },
  { text: '{"a":"こんにちは 🎉 \u{1F600}"}' },
  { text: 'lone \uD800 high and \uDC00 low surrogate' },
  { text: '{"a":"\u00e9"}', bytes: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]) },
  { text: 'x'.repeat(70_000) + 'é' },
];

const formats: FileFormat[] = [
  { bom: false, lineEnding: '\n', finalNewline: true },
  { bom: true, lineEnding: '\r\n', finalNewline: false },
  { bom: true, lineEnding: '\n', finalNewline: false },
  { bom: false, lineEnding: '\r\n', finalNewline: true },
];

describe('encodeRows', () => {
  it.each(formats)('matches a line-by-line encoding for %o', (format) => {
    expect(encodeRows(tricky, format).equals(reference(tricky, format))).toBe(true);
    expect(encodeRows(tricky.slice(0, 1), format).equals(reference(tricky.slice(0, 1), format))).toBe(true);
  });

  it('writes only the BOM for no rows, and a lone empty row as one line end', () => {
    expect([...encodeRows([], { bom: true, lineEnding: '\r\n', finalNewline: true })]).toEqual([0xef, 0xbb, 0xbf]);
    expect(encodeRows([], { bom: false, lineEnding: '\n', finalNewline: true }).length).toBe(0);
    expect(encodeRows([{ text: '' }], { bom: false, lineEnding: '\r\n', finalNewline: true }).toString('latin1')).toBe('\r\n');
  });

  it('keeps the original bytes of a line that is not UTF-8 rather than its decoded text', () => {
    const bytes = Buffer.from([0x61, 0xc3, 0x28, 0x62]);
    const out = encodeRows([{ text: 'a\uFFFD(b', bytes }], { bom: false, lineEnding: '\n', finalNewline: false });
    expect([...out]).toEqual([...bytes]);
  });

  it('writes a prefix before the text', () => {
    const out = encodeRows([{ prefix: '+', text: 'é' }, { text: '=1' }], { bom: false, lineEnding: '\n', finalNewline: true });
    expect(out.toString('utf8')).toBe('+é\n=1\n');
  });
});
