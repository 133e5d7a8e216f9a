import type { Binding } from './types.js';

export type GlobalCommand =
  | 'help'
  | 'nextScreen'
  | 'prevScreen'
  | 'screen1'
  | 'screen2'
  | 'screen3'
  | 'screen4'
  | 'quit'
  | 'forceQuit'
  | 'connections';

export const globalBindings: readonly Binding<GlobalCommand>[] = [
  { command: 'help', keys: ['?'], description: 'help for this screen', scope: 'global', hint: 'help' },
  { command: 'nextScreen', keys: ['tab'], description: 'next screen', scope: 'global', hint: 'screens' },
  { command: 'prevScreen', keys: ['shift+tab'], description: 'previous screen', scope: 'global' },
  { command: 'screen1', keys: ['1'], description: 'Dataset screen', scope: 'global' },
  { command: 'screen2', keys: ['2'], description: 'Validate screen', scope: 'global' },
  { command: 'screen3', keys: ['3'], description: 'Jobs screen', scope: 'global' },
  { command: 'screen4', keys: ['4'], description: 'Chat screen', scope: 'global' },
  { command: 'quit', keys: ['q'], description: 'quit (asks first if work is unsaved)', scope: 'global', hint: 'quit' },
  { command: 'forceQuit', keys: ['ctrl+c'], description: 'quit; press twice to leave unsaved work', scope: 'global' },
  { command: 'connections', keys: ['ctrl+o'], description: 'switch connection (profiles, sandbox)', scope: 'global' },
];

export type ConnectionsCommand = 'up' | 'down' | 'choose' | 'close';
export const connectionsBindings: readonly Binding<ConnectionsCommand>[] = [
  { command: 'up', keys: ['up', 'k'], description: 'previous connection', scope: 'connections' },
  { command: 'down', keys: ['down', 'j'], description: 'next connection', scope: 'connections' },
  { command: 'choose', keys: ['enter'], description: 'connect', scope: 'connections', hint: 'connect' },
  { command: 'close', keys: ['esc'], description: 'keep the current connection', scope: 'connections', hint: 'cancel' },
];

export type HelpCommand = 'close' | 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom';
export const helpBindings: readonly Binding<HelpCommand>[] = [
  { command: 'close', keys: ['esc', '?', 'q', 'enter'], description: 'close help', scope: 'help', hint: 'close' },
  { command: 'down', keys: ['j', 'down'], description: 'scroll down', scope: 'help', hint: 'scroll' },
  { command: 'up', keys: ['k', 'up'], description: 'scroll up', scope: 'help' },
  { command: 'pageDown', keys: ['pgdn', 'space'], description: 'a page down', scope: 'help' },
  { command: 'pageUp', keys: ['pgup'], description: 'a page up', scope: 'help' },
  { command: 'top', keys: ['g', 'home'], description: 'top', scope: 'help' },
  { command: 'bottom', keys: ['G', 'end'], description: 'bottom', scope: 'help' },
];

export type ConfirmQuitCommand = 'confirm' | 'cancel';
export const confirmQuitBindings: readonly Binding<ConfirmQuitCommand>[] = [
  { command: 'confirm', keys: ['y', 'ctrl+c'], description: 'quit and lose unsaved work', scope: 'confirmQuit', hint: 'quit anyway' },
  { command: 'cancel', keys: ['n', 'esc'], description: 'stay', scope: 'confirmQuit', hint: 'stay' },
];
