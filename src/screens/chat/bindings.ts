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
  | 'sandbox'
  | 'deploy'
  | 'stopDeployment';

/** The chat screen's keys: its handlers, the ? overlay and the status bar hints read this table. */
export const chatBindings: readonly Binding<ChatCommand>[] = [
  { command: 'write', keys: ['enter', 'i'], description: 'write a message (enter sends); in the model list, choose', scope: 'chat', hint: 'write' },
  { command: 'back', keys: ['esc'], description: 'leave the field; close the model list; stop the reply', scope: 'chat' },
  { command: 'up', keys: ['up', 'k'], description: 'scroll up a line; in the model list, the previous one', scope: 'chat' },
  { command: 'down', keys: ['down', 'j'], description: 'scroll down a line; in the model list, the next one', scope: 'chat' },
  { command: 'pageUp', keys: ['pgup'], description: 'scroll up a page (also while typing)', scope: 'chat' },
  { command: 'pageDown', keys: ['pgdn'], description: 'scroll down a page (also while typing)', scope: 'chat' },
  { command: 'top', keys: ['g'], description: 'the start of the conversation', scope: 'chat' },
  { command: 'bottom', keys: ['G'], description: 'the end of the conversation, following the reply again', scope: 'chat' },
  { command: 'model', keys: ['m'], description: 'choose the model (fine-tunes first, with base and shutdown)', scope: 'chat', hint: 'model' },
  { command: 'compare', keys: ['c'], description: 'compare with a second model (the base), side by side', scope: 'chat', hint: 'compare' },
  { command: 'compareModel', keys: ['C'], description: 'choose the model to compare with', scope: 'chat' },
  { command: 'pickLeft', keys: ['left', 'h'], description: 'pick the left reply (the conversation goes on with it)', scope: 'chat' },
  { command: 'pickRight', keys: ['right', 'l'], description: 'pick the right reply of a comparison', scope: 'chat' },
  { command: 'regenerate', keys: ['r'], description: 'ask again for the picked reply (the earlier one stays)', scope: 'chat' },
  { command: 'olderVersion', keys: ['['], description: 'the previous version of the picked reply', scope: 'chat' },
  { command: 'newerVersion', keys: [']'], description: 'the next version of the picked reply', scope: 'chat' },
  { command: 'system', keys: ['s'], description: "edit the system prompt (starts as the dataset's own)", scope: 'chat' },
  { command: 'append', keys: ['a'], description: 'add the whole conversation to the dataset as one example', scope: 'chat', hint: 'add example' },
  { command: 'prefer', keys: ['p'], description: 'add a DPO pair (the picked reply preferred) to a DPO file', scope: 'chat', hint: 'prefer' },
  { command: 'correct', keys: ['e'], description: 'correct the last reply, then add the conversation with it', scope: 'chat' },
  { command: 'save', keys: ['w'], description: 'save the conversation to a file (JSONL of messages)', scope: 'chat' },
  { command: 'load', keys: ['o'], description: 'open a saved conversation to go on with it', scope: 'chat' },
  { command: 'stop', keys: ['x'], description: 'stop the reply', scope: 'chat' },
  { command: 'newChat', keys: ['n'], description: 'new conversation', scope: 'chat' },
  { command: 'refresh', keys: ['R'], description: 'reload the model list', scope: 'chat' },
  { command: 'sandbox', keys: ['S'], description: 'start the local sandbox (no key, no cost)', scope: 'chat' },
  { command: 'deploy', keys: ['D'], description: 'deploy the fine-tune for chat (price per hour first)', scope: 'chat' },
  { command: 'stopDeployment', keys: ['X'], description: 'stop its deployment (billing stops; asks first)', scope: 'chat' },
];
