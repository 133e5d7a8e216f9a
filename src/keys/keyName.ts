import type { Key } from 'ink';

/**
 * Turns Ink's (input, key) pair into one name as written in the binding table:
 * 'q', 'G', '?', 'enter', 'esc', 'tab', 'shift+tab', 'up', 'pgdn', 'ctrl+c', 'ctrl+s' ...
 * Returns null for input that is not a single key (a paste), which no binding matches.
 */
export function keyName(input: string, key: Key): string | null {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pgup';
  if (key.pageDown) return 'pgdn';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  if (key.return) return key.meta ? 'alt+enter' : 'enter';
  // Ctrl+J sends a bare line feed, which Ink passes through as input.
  if (input === '\n') return 'ctrl+j';
  if (key.escape) return 'esc';
  // Ink 6 reports the Backspace key as `delete` on most terminals.
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl && input.length === 1) return `ctrl+${input.toLowerCase()}`;
  if (input === ' ') return 'space';
  if ([...input].length === 1 && !key.meta) return input;
  return null;
}

const CONTROL_KEYS: Record<string, Partial<Key>> = {
  '\r': { return: true },
  '\t': { tab: true },
  '\u007F': { backspace: true, delete: true },
  '\b': { backspace: true },
};

/**
 * Fast typing (or a held key) can deliver several keys in one read, which Ink passes on as one
 * input string. Outside text fields each of them is a command: split the run into single keys.
 * Escape sequences (arrows, alt+key) are left whole, as Ink already parsed them.
 */
export function splitKeys(input: string, key: Key): Array<[string, Key]> {
  const chars = [...input];
  if (chars.length <= 1 || key.ctrl || key.meta || input.includes('\u001B')) return [[input, key]];
  const plain: Key = { ...key, return: false, tab: false, backspace: false, delete: false, shift: false };
  return chars.map((ch) => [ch, { ...plain, ...CONTROL_KEYS[ch], shift: ch !== ch.toLowerCase() }]);
}
