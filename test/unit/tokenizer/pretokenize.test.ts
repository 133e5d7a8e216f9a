// The hand-written split scanners against tiktoken's patterns run as RegExps built from the same
// class table: the same pieces, boundary for boundary.
import { describe, expect, it } from 'vitest';
import { charClasses } from '../../../src/core/tokenizer/charClass.js';
import { nextPieceCl100k, nextPieceO200k, type PieceScanner } from '../../../src/core/tokenizer/pretokenize.js';
import { ADVERSARIAL_STRINGS, randomStrings } from '../../helpers/adversarialText.js';
import { splitRegExps, splitWith } from '../../helpers/splitPattern.js';

const regexps = splitRegExps();
const scanners: Record<keyof typeof regexps, PieceScanner> = { o200k_base: nextPieceO200k, cl100k_base: nextPieceCl100k };

function scan(scanner: PieceScanner, text: string): string[] {
  const classes = charClasses();
  const pieces: string[] = [];
  for (let i = 0; i < text.length; ) {
    const end = scanner(text, i, classes);
    expect(end).toBeGreaterThan(i);
    pieces.push(text.slice(i, end));
    i = end;
  }
  return pieces;
}

describe.each(Object.keys(regexps) as Array<keyof typeof regexps>)('%s', (encoding) => {
  const regexp = regexps[encoding];
  const scanner = scanners[encoding];

  it('cuts adversarial strings where the pattern does', () => {
    for (const text of ADVERSARIAL_STRINGS) expect(scan(scanner, text)).toEqual(splitWith(regexp, text));
  });

  it('cuts 4,000 random strings where the pattern does', () => {
    for (const text of randomStrings(encoding === 'o200k_base' ? 11 : 12, 4_000, 30)) {
      const pieces = scan(scanner, text);
      const expected = splitWith(regexp, text);
      if (pieces.join('\u0000') !== expected.join('\u0000')) expect({ text, pieces }).toEqual({ text, pieces: expected });
    }
  });

  it('splits " \\u0085䃲" after the space: NEL is white space to tiktoken', () => {
    expect(scan(scanner, ' \u0085䃲')).toEqual([' ', '\u0085䃲']);
  });

  it('keeps a BOM out of white space runs: it is not white space to tiktoken', () => {
    expect(scan(scanner, '  \ufeff')).toEqual([' ', ' \ufeff']);
  });
});

it('o200k: a mark before capitals is a piece of its own, as the first alternative takes it', () => {
  expect(scan(nextPieceO200k, '\u0301ABC')).toEqual(['\u0301', 'ABC']);
  expect(scan(nextPieceO200k, "HTTPServer's x")).toEqual(["HTTPServer's", ' x']);
});
