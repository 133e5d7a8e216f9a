import type { Binding } from '../../keys/types.js';

export type DatasetCommand =
  | 'up'
  | 'down'
  | 'pageUp'
  | 'pageDown'
  | 'top'
  | 'bottom'
  | 'open'
  | 'back'
  | 'newline'
  | 'author'
  | 'filter'
  | 'nextMatch'
  | 'prevMatch'
  | 'duplicate'
  | 'delete'
  | 'moveUp'
  | 'moveDown'
  | 'undo'
  | 'redo'
  | 'save'
  | 'role'
  | 'weight'
  | 'addTurn'
  | 'removeMessage'
  | 'systemPrompt'
  | 'import'
  | 'exportJsonl'
  | 'exportSplit'
  | 'toolCalls'
  | 'tools'
  | 'demo'
  | 'preview';

/**
 * The Dataset screen's keys. One key is one command on this screen; what it acts on follows the
 * view: the example list, or the example open in the editor. The ? overlay and status bar read this.
 */
export const datasetBindings: readonly Binding<DatasetCommand>[] = [
  { command: 'up', keys: ['up', 'k'], description: 'previous example / previous message', scope: 'dataset' },
  { command: 'down', keys: ['down', 'j'], description: 'next example / next message', scope: 'dataset' },
  { command: 'pageUp', keys: ['pgup'], description: 'a page up', scope: 'dataset' },
  { command: 'pageDown', keys: ['pgdn'], description: 'a page down', scope: 'dataset' },
  { command: 'top', keys: ['g', 'home'], description: 'first example', scope: 'dataset' },
  { command: 'bottom', keys: ['G', 'end'], description: 'last example', scope: 'dataset' },
  { command: 'open', keys: ['enter'], description: 'open example / type in message / finish it', scope: 'dataset' },
  { command: 'back', keys: ['esc'], description: 'stop typing (text stays) / close / clear the find (all examples again)', scope: 'dataset' },
  { command: 'newline', keys: ['alt+enter', 'ctrl+j'], description: 'while typing: new line (paste works too)', scope: 'dataset' },
  { command: 'author', keys: ['a'], description: 'author a new example, turn by turn', scope: 'dataset', hint: 'new' },
  { command: 'filter', keys: ['/'], description: 'find: the list shows only the examples whose messages contain a text; "role:assistant text" (or tab in the field) looks in one role', scope: 'dataset', hint: 'find' },
  { command: 'nextMatch', keys: ['n'], description: 'next match', scope: 'dataset' },
  { command: 'prevMatch', keys: ['N'], description: 'previous match', scope: 'dataset' },
  { command: 'preview', keys: ['p'], description: 'show or hide the preview of the selected example (beside the list from 110 columns, under it below)', scope: 'dataset' },
  { command: 'duplicate', keys: ['c'], description: 'duplicate the example', scope: 'dataset' },
  { command: 'delete', keys: ['d'], description: 'delete the example (asks first)', scope: 'dataset' },
  { command: 'moveUp', keys: ['K'], description: 'move example (or message) up', scope: 'dataset' },
  { command: 'moveDown', keys: ['J'], description: 'move example (or message) down', scope: 'dataset' },
  { command: 'undo', keys: ['u', 'ctrl+z'], description: 'undo', scope: 'dataset' },
  { command: 'redo', keys: ['U', 'ctrl+y'], description: 'redo', scope: 'dataset' },
  { command: 'save', keys: ['ctrl+s'], description: 'save the file (drafts are autosaved)', scope: 'dataset', hint: 'save' },
  { command: 'role', keys: ['r'], description: 'example: change the message role', scope: 'dataset' },
  { command: 'weight', keys: ['w'], description: 'example: assistant weight 0/1 (0 = untrained)', scope: 'dataset' },
  { command: 'addTurn', keys: ['o'], description: 'example: add a turn; list: open another file', scope: 'dataset' },
  { command: 'removeMessage', keys: ['x'], description: 'example: remove the message', scope: 'dataset' },
  { command: 'toolCalls', keys: ['t'], description: 'example: tool calls as JSON (tool message: its id)', scope: 'dataset' },
  { command: 'tools', keys: ['T'], description: "example: the example's tools as JSON", scope: 'dataset' },
  { command: 'systemPrompt', keys: ['S'], description: 'default system prompt for new examples', scope: 'dataset' },
  { command: 'import', keys: ['i'], description: 'import JSONL, JSON array or CSV', scope: 'dataset' },
  { command: 'exportJsonl', keys: ['e'], description: 'export the valid examples as JSONL', scope: 'dataset' },
  { command: 'exportSplit', keys: ['E'], description: 'export a train/validation split', scope: 'dataset' },
  { command: 'demo', keys: ['D'], description: 'start the sandbox demo with its sample dataset', scope: 'dataset' },
];
