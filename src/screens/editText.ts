import type { Key } from 'ink';

export type EditResult =
  | { kind: 'change'; value: string; submit: boolean }
  | { kind: 'submit' }
  | { kind: 'cancel' }
  | { kind: 'none' };

/**
 * One key (or one paste) applied to a text that is typed at its end. Jobs and Chat draw their
 * fields themselves (the chat's wrapped and scrolled to the end) and feed keys through here, so
 * a field never outgrows its box and an Enter that arrives glued to text still counts.
 */
export function editText(value: string, input: string, key: Key): EditResult {
  if (key.return) return { kind: 'submit' };
  if (key.escape) return { kind: 'cancel' };
  if (key.backspace || key.delete) return value === '' ? { kind: 'none' } : { kind: 'change', value: [...value].slice(0, -1).join(''), submit: false };
  // ctrl+u clears the field, as in a shell.
  if (key.ctrl && input === 'u') return value === '' ? { kind: 'none' } : { kind: 'change', value: '', submit: false };
  if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown) {
    return { kind: 'none' };
  }
  if (input === '') return { kind: 'none' };
  // Text and the Enter after it can arrive in one read (fast typing, tmux send-keys, a paste
  // that ends in a newline): the trailing line break is the Enter key.
  const submit = /[\r\n]$/.test(input);
  // Other line breaks in a paste become spaces: one chat turn is one field.
  const text = input.replace(/[\r\n]+$/, '').replace(/\r\n?|\n/g, ' ');
  return { kind: 'change', value: value + text, submit };
}
