import type { Binding } from '../../keys/types.js';

export type ChatCommand =
  | 'write'
  | 'back'
  | 'up'
  | 'down'
  | 'pageUp'
  | 'pageDown'
  | 'top'
  | 'bottom'
  | 'model'
  | 'compareModel'
  | 'compare'
  | 'pickLeft'
  | 'pickRight'
  | 'olderVersion'
  | 'newerVersion'
  | 'regenerate'
  | 'system'
  | 'append'
  | 'prefer'
  | 'correct'
  | 'save'
  | 'load'
  | 'stop'
  | 'newChat'
  | 'refresh'
  | 'sandbox';

/** The chat screen's keys: its handlers, the ? overlay and the status bar hints read this table. */
export const chatBindings: readonly Binding<ChatCommand>[] = [
  { command: 'write', keys: ['enter', 'i'], description: 'write a message (enter sends, alt+enter or ctrl+j a new line); in the model list, choose', scope: 'chat', hint: 'write' },
  { command: 'back', keys: ['esc'], description: 'leave the text field; close the model list; stop the reply', scope: 'chat' },
  { command: 'up', keys: ['up', 'k'], description: 'scroll the conversation up a line; previous model in the list', scope: 'chat' },
  { command: 'down', keys: ['down', 'j'], description: 'scroll the conversation down a line; next model in the list', scope: 'chat' },
  { command: 'pageUp', keys: ['pgup'], description: 'scroll the conversation up a page (also while typing)', scope: 'chat' },
  { command: 'pageDown', keys: ['pgdn'], description: 'scroll the conversation down a page (also while typing)', scope: 'chat' },
  { command: 'top', keys: ['g'], description: 'the start of the conversation', scope: 'chat' },
  { command: 'bottom', keys: ['G'], description: 'the end of the conversation, following the reply again', scope: 'chat' },
  { command: 'model', keys: ['m'], description: 'choose the model (fine-tuned first, with their base and shutdown date)', scope: 'chat', hint: 'model' },
  { command: 'compare', keys: ['c'], description: 'compare mode on/off: each message also goes to a second model (the base by default), side by side', scope: 'chat', hint: 'compare' },
  { command: 'compareModel', keys: ['C'], description: 'choose the model to compare with', scope: 'chat' },
  { command: 'pickLeft', keys: ['left', 'h'], description: 'pick the left reply of a comparison (the conversation goes on with it)', scope: 'chat' },
  { command: 'pickRight', keys: ['right', 'l'], description: 'pick the right reply of a comparison', scope: 'chat' },
  { command: 'regenerate', keys: ['r'], description: 'ask again for the picked reply (the earlier one stays, see [ ])', scope: 'chat' },
  { command: 'olderVersion', keys: ['['], description: 'the previous version of the picked reply', scope: 'chat' },
  { command: 'newerVersion', keys: [']'], description: 'the next version of the picked reply', scope: 'chat' },
  { command: 'system', keys: ['s'], description: 'edit the system prompt (it starts as the one the dataset\'s examples share)', scope: 'chat' },
  { command: 'append', keys: ['a'], description: 'add the whole conversation (system prompt, every turn, the picked replies) to the dataset as one example', scope: 'chat', hint: 'add example' },
  { command: 'prefer', keys: ['p'], description: 'add a preference (DPO) pair: the picked reply preferred over the other one, to a DPO file', scope: 'chat', hint: 'prefer' },
  { command: 'correct', keys: ['e'], description: 'correct the last reply (multi-line), then add the conversation with it', scope: 'chat' },
  { command: 'save', keys: ['w'], description: 'write the conversation to a file (JSONL, one message a line)', scope: 'chat' },
  { command: 'load', keys: ['o'], description: 'open a saved conversation (or a dataset example) to go on with it', scope: 'chat' },
  { command: 'stop', keys: ['x'], description: 'stop the reply', scope: 'chat' },
  { command: 'newChat', keys: ['n'], description: 'new conversation', scope: 'chat' },
  { command: 'refresh', keys: ['R'], description: 'reload the model list', scope: 'chat' },
  { command: 'sandbox', keys: ['S'], description: 'start the local sandbox (no key, no cost)', scope: 'chat' },
];
