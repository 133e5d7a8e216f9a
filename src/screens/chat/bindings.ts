import type { Binding } from '../../keys/types.js';

export type ChatCommand =
  | 'write'
  | 'back'
  | 'up'
  | 'down'
  | 'model'
  | 'system'
  | 'append'
  | 'correct'
  | 'stop'
  | 'newChat'
  | 'refresh'
  | 'sandbox';

/** The chat screen's keys: its handlers, the ? overlay and the status bar hints read this table. */
export const chatBindings: readonly Binding<ChatCommand>[] = [
  { command: 'write', keys: ['enter', 'i'], description: 'write a message (enter sends); in the model list, choose', scope: 'chat', hint: 'write' },
  { command: 'back', keys: ['esc'], description: 'leave the text field; close the model list', scope: 'chat' },
  { command: 'up', keys: ['up', 'k'], description: 'previous model in the list', scope: 'chat' },
  { command: 'down', keys: ['down', 'j'], description: 'next model in the list', scope: 'chat' },
  { command: 'model', keys: ['m'], description: 'choose the model (fine-tuned first)', scope: 'chat', hint: 'model' },
  { command: 'system', keys: ['s'], description: 'edit the system prompt', scope: 'chat' },
  { command: 'append', keys: ['a'], description: 'add the last exchange to the dataset as a training example', scope: 'chat', hint: 'add example' },
  { command: 'correct', keys: ['e'], description: 'correct the last answer, then add it to the dataset', scope: 'chat' },
  { command: 'stop', keys: ['x'], description: 'stop the reply', scope: 'chat' },
  { command: 'newChat', keys: ['n'], description: 'new conversation', scope: 'chat' },
  { command: 'refresh', keys: ['R'], description: 'reload the model list', scope: 'chat' },
  { command: 'sandbox', keys: ['S'], description: 'start the local sandbox (no key, no cost)', scope: 'chat' },
];
