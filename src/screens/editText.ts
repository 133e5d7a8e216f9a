import type { KeyPress } from '../keys/decode.js';

export type EditResult = { kind: 'change'; value: string } | { kind: 'submit' } | { kind: 'cancel' } | { kind: 'none' };

/**
 * One key (or one paste) applied to a text that is typed at its end. Jobs and Chat draw their
 * fields themselves (the chat's wrapped and scrolled to the end) and feed keys through here, so
 * a field never outgrows its box.
 */
export function editText(value: string, { name, text, paste }: KeyPress): EditResult {
  if (name === 'enter') return { kind: 'submit' };
  if (name === 'esc') return { kind: 'cancel' };
  if (name === 'backspace') return value === '' ? { kind: 'none' } : { kind: 'change', value: [...value].slice(0, -1).join('') };
  // ctrl+u clears the field, as in a shell.
  if (name === 'ctrl+u') return value === '' ? { kind: 'none' } : { kind: 'change', value: '' };
  if (text === null) return { kind: 'none' };
  // A paste's line breaks become spaces: one chat turn is one field.
  return { kind: 'change', value: value + (paste ? text.replace(/\n/g, ' ') : text) };
}
