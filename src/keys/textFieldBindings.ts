import type { Binding } from './types.js';

/**
 * The keys of every text field, for the ? overlay. They are handled by the one text-field model
 * (store/slices/textField.ts, editKey), not dispatched from this table; keep the two in step.
 */
export const textFieldBindings: readonly Binding[] = [
  { command: 'char', keys: ['left', 'right', 'ctrl+b', 'ctrl+f'], description: 'a character back / forward', scope: 'textField' },
  { command: 'word', keys: ['alt+b', 'alt+f', 'ctrl+left', 'ctrl+right'], description: 'a word back / forward', scope: 'textField' },
  { command: 'line', keys: ['home', 'end', 'ctrl+a', 'ctrl+e'], description: 'start / end of the line', scope: 'textField' },
  { command: 'lines', keys: ['up', 'down'], description: 'the line above / below (multi-line fields)', scope: 'textField' },
  { command: 'delete', keys: ['backspace', 'delete', 'ctrl+d'], description: 'delete back / forward', scope: 'textField' },
  { command: 'deleteWord', keys: ['ctrl+w', 'alt+backspace', 'alt+d'], description: 'delete the word before / after', scope: 'textField' },
  { command: 'kill', keys: ['ctrl+u', 'ctrl+k'], description: 'delete to the start / end of the line', scope: 'textField' },
  { command: 'undo', keys: ['ctrl+z', 'ctrl+y'], description: 'undo / redo while typing', scope: 'textField' },
  { command: 'newline', keys: ['alt+enter', 'ctrl+j'], description: 'new line in a message or chat (a paste keeps its lines)', scope: 'textField' },
];
