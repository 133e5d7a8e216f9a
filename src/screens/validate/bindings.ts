import type { Binding } from '../../keys/types.js';

export type ValidateCommand = 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom' | 'jump' | 'model' | 'fix' | 'tokens' | 'filter' | 'validationFile' | 'back';

/** The Validate screen's keys: its handlers, the ? overlay and the status bar hints read this table. */
export const validateBindings: readonly Binding<ValidateCommand>[] = [
  { command: 'up', keys: ['up', 'k'], description: 'previous finding', scope: 'validate' },
  { command: 'down', keys: ['down', 'j'], description: 'next finding', scope: 'validate' },
  { command: 'pageUp', keys: ['pgup'], description: 'a page up', scope: 'validate' },
  { command: 'pageDown', keys: ['pgdn'], description: 'a page down', scope: 'validate' },
  { command: 'top', keys: ['g', 'home'], description: 'first finding', scope: 'validate' },
  { command: 'bottom', keys: ['G', 'end'], description: 'last finding', scope: 'validate' },
  { command: 'jump', keys: ['enter'], description: 'open that example and field in the Dataset screen', scope: 'validate', hint: 'go fix' },
  { command: 'model', keys: ['m'], description: 'next base model: limits, cost, shutdown date', scope: 'validate', hint: 'model' },
  { command: 'fix', keys: ['f'], description: 'safe fixes, with a preview (undoable)', scope: 'validate', hint: 'fix' },
  { command: 'tokens', keys: ['t'], description: 'token view of the example: trained, masked, context', scope: 'validate' },
  { command: 'filter', keys: ['/'], description: 'filter findings by code or text', scope: 'validate' },
  { command: 'validationFile', keys: ['v'], description: 'check a validation file beside the dataset (shared examples too)', scope: 'validate' },
  { command: 'back', keys: ['esc'], description: 'close the fix preview / token view / filter', scope: 'validate' },
];
