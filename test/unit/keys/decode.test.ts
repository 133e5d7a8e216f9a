// The key decoder: what one read from the terminal means, key by key. Ink hands a burst of bytes
// over as one string; each of these cases was typed as text (or dropped) before the decoder.
import { describe, expect, it } from 'vitest';
import { KeyDecoder, PASTE_END, PASTE_START, escapeName, type KeyPress } from '../../../src/keys/decode.js';

const names = (presses: KeyPress[]) => presses.map((p) => p.name);
const decode = (...events: string[]) => {
  const decoder = new KeyDecoder();
  return events.flatMap((e) => decoder.push(e));
};

describe('a burst in one read', () => {
  it('three Backspaces are three Backspaces, never text', () => {
    const keys = decode('\u007F\u007F\u007F');
    expect(names(keys)).toEqual(['backspace', 'backspace', 'backspace']);
    expect(keys.every((k) => k.text === null)).toBe(true);
  });

  it('text, control keys and Enter in one run are each their key', () => {
    const keys = decode('ab\u007Fc\r\u0001\u0017');
    expect(names(keys)).toEqual(['a', 'b', 'backspace', 'c', 'enter', 'ctrl+a', 'ctrl+w']);
    expect(keys.map((k) => k.text)).toEqual(['a', 'b', null, 'c', null, null, null]);
  });

  it('a run of letters is one key each, so j j j moves three times', () => {
    expect(names(decode('jjj'))).toEqual(['j', 'j', 'j']);
  });

  it('an emoji with a skin tone, a ZWJ family and a flag are one key each', () => {
    const keys = decode('👍🏽👨‍👩‍👧🇫🇷é');
    expect(keys.map((k) => k.text)).toEqual(['👍🏽', '👨‍👩‍👧', '🇫🇷', 'é']);
  });

  it('no control character other than the keys it names gets through as text', () => {
    const keys = decode('\u0000\u001c\u001f\u0085x');
    expect(keys.filter((k) => k.text !== null).map((k) => k.text)).toEqual(['x']);
  });
});

describe('escape sequences', () => {
  it.each([
    ['\u001B[A', 'up'],
    ['\u001BOB', 'down'],
    ['\u001B[C', 'right'],
    ['\u001B[1;5D', 'ctrl+left'],
    ['\u001B[1;5C', 'ctrl+right'],
    ['\u001B[1;3C', 'alt+right'],
    ['\u001B[1;2A', 'shift+up'],
    ['\u001B[H', 'home'],
    ['\u001B[F', 'end'],
    ['\u001B[1~', 'home'],
    ['\u001B[4~', 'end'],
    ['\u001B[3~', 'delete'],
    ['\u001B[5~', 'pgup'],
    ['\u001B[6~', 'pgdn'],
    ['\u001B[Z', 'shift+tab'],
    ['\u001B', 'esc'],
    ['\u001B\r', 'alt+enter'],
    ['\u001B\u007F', 'alt+backspace'],
    ['\u001Bb', 'alt+b'],
    ['\u001Bf', 'alt+f'],
    ['\u001Bd', 'alt+d'],
    ['\u001B\u001B[D', 'alt+left'],
    ['\u001B[[A', null],
    ['\u001B[I', null],
  ])('%j is %s', (sequence, name) => {
    expect(escapeName(sequence)).toBe(name);
  });

  it('Esc and a control key in one read are both keys, and so are two Escapes', () => {
    expect(names(decode('\u001B\u0013'))).toEqual(['esc', 'ctrl+s']);
    expect(names(decode('\u001B\u001B'))).toEqual(['esc', 'esc']);
    expect(names(decode('\u001B\t'))).toEqual(['esc', 'tab']);
  });

  it('a burst of arrows (as Ink splits it) is every arrow', () => {
    expect(names(decode('\u001B[A', '\u001B[A', '\u001B[B'))).toEqual(['up', 'up', 'down']);
  });
});

describe('bracketed paste', () => {
  it('is one press with its text, newlines and tabs kept, \\r\\n made \\n, other controls removed', () => {
    const keys = decode(PASTE_START, 'one\r\ntwo\tthree\u007F\u0007', '\nq', PASTE_END);
    expect(keys).toEqual([{ name: null, text: 'one\ntwo\tthree\nq', paste: true }]);
  });

  it('may span several reads and be followed by keys in the same read', () => {
    const decoder = new KeyDecoder();
    expect(decoder.push(PASTE_START + 'ab')).toEqual([]);
    expect(decoder.inPaste).toBe(true);
    expect(decoder.push('\u001B[A')).toEqual([]);
    const keys = decoder.push(`cd${PASTE_END}x`);
    expect(keys.map((k) => [k.name, k.text, k.paste])).toEqual([
      [null, 'ab\u001B[Acd'.replace('\u001B', ''), true],
      ['x', 'x', false],
    ]);
  });
});
