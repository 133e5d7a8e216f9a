// The heap merge against tiktoken's own rescanning loop: the same tokens for every piece, so long
// pieces (heap) and short ones (rescan) cannot drift apart.
import { describe, expect, it } from 'vitest';
import { mergeByRescan, mergeWithHeap } from '../../../src/core/tokenizer/bytePairMerge.js';
import { seededRandom } from '../../../src/core/seededRandom.js';
import { ENCODINGS } from '../../../src/core/tokenizer/index.js';
import { rankTable } from '../../../src/core/tokenizer/tables.js';

const encoder = new TextEncoder();

function tokens(merge: typeof mergeByRescan, encoding: (typeof ENCODINGS)[number], bytes: Uint8Array): number[] {
  const starts = new Int32Array(bytes.length + 1);
  const count = merge(rankTable(encoding), bytes, bytes.length, starts);
  return Array.from(starts.subarray(0, count + 1));
}

describe.each(ENCODINGS)('%s', (encoding) => {
  it('merges random pieces exactly as the rescanning loop does', () => {
    const rand = seededRandom(5);
    const alphabets = ['ab', 'abc ', 'the quick brown fox', '    \n', '的一是不了', 'αβγ', '😀👩\u200d', 'xyzXYZ0123456789', '-=_'];
    for (let n = 0; n < 600; n++) {
      const alphabet = Array.from(alphabets[n % alphabets.length] as string);
      const length = 2 + Math.floor(rand() * (n < 500 ? 120 : 1500));
      let text = '';
      while (text.length < length) text += alphabet[Math.floor(rand() * alphabet.length)];
      const bytes = encoder.encode(text);
      expect(tokens(mergeWithHeap, encoding, bytes)).toEqual(tokens(mergeByRescan, encoding, bytes));
    }
  });

  it('merges raw bytes that are not UTF-8 alike', () => {
    const rand = seededRandom(9);
    for (let n = 0; n < 200; n++) {
      const bytes = Uint8Array.from({ length: 2 + Math.floor(rand() * 300) }, () => (rand() < 0.5 ? 0x80 + Math.floor(rand() * 8) : 0x61 + Math.floor(rand() * 3)));
      expect(tokens(mergeWithHeap, encoding, bytes)).toEqual(tokens(mergeByRescan, encoding, bytes));
    }
  });
});
