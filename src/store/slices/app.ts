import { assertNever } from '../assertNever.js';
import type { AppState } from '../state.js';
import { selectQuitWarning } from '../selectors.js';
import { initialChatState } from './chat.js';
import { reduceConnection, type ConnectionState } from './connection.js';
import { initialDeployState } from './deploy.js';
import { initialJobsState } from './jobs.js';

/**
 * Actions whose outcome depends on more than one slice (quitting needs to know about
 * unsaved work in the dataset, running streams in chat, ...). Their reducer sees the whole
 * state and still does no I/O: the shell performs the exit once `ui.exiting` is set.
 */
export type AppAction =
  /** q or ctrl+c. With unsaved work the first press asks; a second ctrl+c, or y, confirms. */
  | { type: 'app/requestQuit'; viaCtrlC: boolean }
  | { type: 'app/confirmQuit' }
  /**
   * The app now talks to another provider (ctrl+o, or the sandbox started from a screen): what
   * came from the old one (its jobs, models and deployments) is dropped so it is never shown as
   * the new one's, while the open dataset, its validation and the chat transcript stay.
   */
  | { type: 'app/switchConnection'; connection: Omit<ConnectionState, 'status' | 'message'> };

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
    case 'app/switchConnection': {
      const jobs = state.jobs.create.phase.kind === 'uploading' || state.jobs.create.phase.kind === 'creating' ? state.jobs : initialJobsState;
      return {
        ...state,
        connection: reduceConnection(state.connection, { type: 'connection/set', connection: action.connection }),
        jobs,
        chat: { ...state.chat, models: { ...initialChatState.models }, model: null, picker: null, compare: { on: false, model: null } },
        deploy: initialDeployState,
      };
    }
    default:
      return assertNever(action);
  }
}

function exit(state: AppState): AppState {
  return { ...state, ui: { ...state.ui, modal: null, exiting: true } };
}
