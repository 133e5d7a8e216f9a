import { assertNever } from '../assertNever.js';
import type { AppState } from '../state.js';
import { selectQuitWarning } from '../selectors.js';

/**
 * Actions whose outcome depends on more than one slice (quitting needs to know about
 * unsaved work in the dataset, running streams in chat, ...). Their reducer sees the whole
 * state and still does no I/O: the shell performs the exit once `ui.exiting` is set.
 */
export type AppAction =
  /** q or ctrl+c. With unsaved work the first press asks; a second ctrl+c, or y, confirms. */
  | { type: 'app/requestQuit'; viaCtrlC: boolean }
  | { type: 'app/confirmQuit' };

export function isAppAction(action: { type: string }): action is AppAction {
  return action.type.startsWith('app/');
}

export function reduceApp(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'app/requestQuit': {
      const modal = state.ui.modal;
      const secondCtrlC = action.viaCtrlC && modal?.kind === 'confirmQuit' && modal.viaCtrlC;
      const unsaved = selectQuitWarning(state);
      if (unsaved === null || secondCtrlC) return exit(state);
      return {
        ...state,
        ui: { ...state.ui, modal: { kind: 'confirmQuit', reason: unsaved, viaCtrlC: action.viaCtrlC } },
      };
    }
    case 'app/confirmQuit':
      return exit(state);
    default:
      return assertNever(action);
  }
}

function exit(state: AppState): AppState {
  return { ...state, ui: { ...state.ui, modal: null, exiting: true } };
}
