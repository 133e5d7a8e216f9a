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
  | 'connections'
  | 'detail'
  | 'copy';

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
  { command: 'detail', keys: ['z'], description: 'what this screen cut to fit, in full: ids, model names, errors, events, checkpoints, paths, findings, the notice', scope: 'global', hint: 'in full' },
  { command: 'copy', keys: ['Y'], description: 'copy the id or model name in view (the fine-tuned model, the job id, the chat model, the file path) to the clipboard (OSC 52; also shown)', scope: 'global' },
];

export type DetailCommand = 'close' | 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom' | 'copy';
export const detailBindings: readonly Binding<DetailCommand>[] = [
  { command: 'close', keys: ['esc', 'z', 'q', 'enter'], description: 'close the detail view', scope: 'detail', hint: 'close' },
  { command: 'down', keys: ['j', 'down'], description: 'next item (scrolls through a long one first)', scope: 'detail', hint: 'move' },
  { command: 'up', keys: ['k', 'up'], description: 'previous item', scope: 'detail' },
  { command: 'pageDown', keys: ['pgdn', 'space'], description: 'a page down', scope: 'detail' },
  { command: 'pageUp', keys: ['pgup'], description: 'a page up', scope: 'detail' },
  { command: 'top', keys: ['g', 'home'], description: 'first item', scope: 'detail' },
  { command: 'bottom', keys: ['G', 'end'], description: 'last item', scope: 'detail' },
  { command: 'copy', keys: ['y', 'Y'], description: 'copy the selected item to the clipboard (OSC 52; also shown)', scope: 'detail', hint: 'copy' },
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
