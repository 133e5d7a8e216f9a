// The one text-field model, tested once here with a key table; screens only check that their
// fields use it. `|` marks the cursor, `[...]` a selection, in both the start and the expected text.
import { describe, expect, it } from 'vitest';
import { editKey, nextGrapheme, previousGrapheme, textField, type FieldKey, type TextField } from '../../../src/store/slices/textField.js';

function parse(marked: string, multiline: boolean): TextField {
  const sel = /\[(.*)\]/s.exec(marked);
  if (sel) {
    const text = marked.replace('[', '').replace(']', '');
    return { ...textField(text, { multiline }), anchor: sel.index, cursor: sel.index + sel[1]!.length };
  }
  const at = marked.indexOf('|');
  const text = marked.replace('|', '');
  return { ...textField(text, { multiline }), cursor: at };
}

function show(field: TextField): string {
  return field.text.slice(0, field.cursor) + '|' + field.text.slice(field.cursor);
}

const key = (name: string | null, text: string | null = null, paste = false): FieldKey => ({ name, text, paste });
const typed = (ch: string) => key(ch === ' ' ? 'space' : ch, ch);

// [start, key, expected, multi-line?]
const TABLE: Array<[string, FieldKey, string | null, boolean?]> = [
  ['ab|c', key('left'), 'a|bc'],
  ['ab|c', key('ctrl+b'), 'a|bc'],
  ['ab|c', key('right'), 'abc|'],
  ['ab|c', key('ctrl+f'), 'abc|'],
  ['|abc', key('left'), '|abc'],
  ['one\ntw|o', key('home'), 'one\n|two', true],
  ['one\ntw|o', key('ctrl+a'), 'one\n|two', true],
  ['o|ne\ntwo', key('end'), 'one|\ntwo', true],
  ['o|ne\ntwo', key('ctrl+e'), 'one|\ntwo', true],
  ['hello big wor|ld', key('alt+b'), 'hello big |world'],
  ['hello big |world', key('ctrl+left'), 'hello |big world'],
  ['hello big |world', key('alt+left'), 'hello |big world'],
  ['hel|lo big world', key('alt+f'), 'hello| big world'],
  ['hello| big world', key('ctrl+right'), 'hello big| world'],
  ['hello| big world', key('alt+right'), 'hello big| world'],
  ['abc|', key('backspace'), 'ab|'],
  ['|abc', key('backspace'), '|abc'],
  ['a|bc', key('delete'), 'a|c'],
  ['a|bc', key('ctrl+d'), 'a|c'],
  ['abc|', key('delete'), 'abc|'],
  ['rm -rf /tmp/x|', key('ctrl+w'), 'rm -rf /tmp/|'],
  ['hello world  |', key('alt+backspace'), 'hello |'],
  ['hello |big world', key('alt+d'), 'hello | world'],
  ['one\ntw|o', key('ctrl+u'), 'one\n|o', true],
  ['one\nt|wo\nthree', key('ctrl+k'), 'one\nt|\nthree', true],
  ['one|\ntwo', key('ctrl+k'), 'one|two', true],
  ['one\ntwo|', key('up'), 'one|\ntwo', true],
  ['lo|ng line\nab', key('down'), 'long line\nab|', true],
  ['long li|ne\nab', key('down'), 'long line\nab|', true],
  ['|one\ntwo', key('up'), null, true],
  ['one\ntw|o', key('down'), null, true],
  ['o|ne', key('up'), null],
  ['o|ne', key('down'), null],
  ['a|b', key('alt+enter'), 'a\n|b', true],
  ['a|b', key('ctrl+j'), 'a\n|b', true],
  ['a|b', key('ctrl+j'), null],
  ['a|b', key('enter'), null, true],
  ['a|b', key('esc'), null, true],
  ['a|b', key('tab'), null, true],
  ['a|b', typed('x'), 'ax|b'],
  ['a|b', key(null, 'one\r\ntwo\n', true), 'aone\ntwo\n|b', true],
  ['a|b', key(null, 'one\ntwo', true), 'aone two|b'],
  ['[/data/train.jsonl]', typed('x'), 'x|'],
  ['[/data/train.jsonl]', key('backspace'), '|'],
  ['[/data/train.jsonl]', key('right'), '/data/train.jsonl|'],
  ['[/data/train.jsonl]', key('left'), '|/data/train.jsonl'],
  // graphemes: a skin-toned emoji, a ZWJ family, a flag, e + combining acute, a CJK character
  ['a👍🏽|b', key('left'), 'a|👍🏽b'],
  ['a|👍🏽b', key('right'), 'a👍🏽|b'],
  ['x👨‍👩‍👧|', key('backspace'), 'x|'],
  ['|🇫🇷🇩🇪', key('delete'), '|🇩🇪'],
  ['cafe\u0301|', key('backspace'), 'caf|'],
  ['日本|語', key('right'), '日本語|'],
  ['日本語|\nab', key('down'), '日本語\nab|', true],
  ['ab|\n日本語', key('down'), 'ab\n日|本語', true],
  ['née| café', key('alt+b'), '|née café'],
  ['👍🏽 wor|d', key('ctrl+w'), '👍🏽 |d'],
];

describe('the text-field key table', () => {
  it.each(TABLE)('%j + %j -> %j', (start, k, expected, multiline = false) => {
    const field = parse(start, multiline);
    const result = editKey(field, k);
    if (expected === null) expect(result).toBeNull();
    else expect(show(result!)).toBe(expected);
  });
});

describe('the text-field model', () => {
  it('undoes a run of typing as one step, and redoes it, while typing', () => {
    let f = textField('', { multiline: true });
    for (const ch of 'hello world') f = editKey(f, typed(ch))!;
    f = editKey(f, key('backspace'))!;
    f = editKey(f, key('backspace'))!;
    expect(f.text).toBe('hello wor');
    f = editKey(f, key('ctrl+z'))!;
    expect(f.text).toBe('hello world');
    f = editKey(f, key('ctrl+z'))!;
    expect(f.text).toBe('hello');
    f = editKey(f, key('ctrl+y'))!;
    expect(show(f)).toBe('hello world|');
    f = editKey(f, key('ctrl+z'))!;
    f = editKey(f, key('ctrl+z'))!;
    expect(show(f)).toBe('|');
    expect(editKey(f, key('ctrl+z'))).toBe(f);
  });

  it('a paste is one undo step of its own', () => {
    let f = textField('ab');
    f = editKey(f, typed('c'))!;
    f = editKey(f, key(null, 'PASTED', true))!;
    f = editKey(f, key('ctrl+z'))!;
    expect(f.text).toBe('abc');
  });

  it('keeps the column over a run of up and down through a shorter line', () => {
    let f = parse('abcdef|\nab\nabcdefgh', true);
    f = editKey(f, key('down'))!;
    expect(show(f)).toBe('abcdef\nab|\nabcdefgh');
    f = editKey(f, key('down'))!;
    expect(show(f)).toBe('abcdef\nab\nabcdef|gh');
  });

  it('opens pre-filled with the content selected, and one-line fields turn line breaks into spaces', () => {
    const f = textField('out.jsonl 0.8 42', { selectAll: true });
    expect([f.anchor, f.cursor]).toEqual([0, 16]);
    expect(textField('a\nb').text).toBe('a b');
    expect(textField('a\nb', { multiline: true }).text).toBe('a\nb');
  });

  it('steps by grapheme on text made only of combining and joined characters', () => {
    const text = '👩🏽‍💻e\u0301🏳️‍🌈';
    const stops = [0];
    while (stops.at(-1)! < text.length) stops.push(nextGrapheme(text, stops.at(-1)!));
    expect(stops.map((s) => text.slice(0, s))).toEqual(['', '👩🏽‍💻', '👩🏽‍💻e\u0301', text]);
    expect(previousGrapheme(text, text.length)).toBe(stops[2]);
  });
});
