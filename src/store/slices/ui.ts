import { assertNever } from '../assertNever.js';

export type ScreenId = 'dataset' | 'validate' | 'jobs' | 'chat';

/** Order here is the order of the header tabs and of the 1-4 keys. */
export const SCREENS: readonly { id: ScreenId; title: string }[] = [
  { id: 'dataset', title: 'Dataset' },
  { id: 'validate', title: 'Validate' },
  { id: 'jobs', title: 'Jobs' },
  { id: 'chat', title: 'Chat' },
];

export type Modal =
  /** `scroll`: the first line of help shown. */
  | { kind: 'help'; scroll: number }
  /** Asked before quitting with unsaved work; `viaCtrlC` lets a second ctrl+c confirm. */
  | { kind: 'confirmQuit'; reason: string; viaCtrlC: boolean }
  /** Choosing a connection: the saved profiles, then the sandbox; `selected` indexes that list. */
  | { kind: 'connections'; selected: number }
  /**
   * Lines of the screen in full (z): ids, model names, errors, events, paths that were cut to fit.
   * `selected` is the item y copies; `scroll` the first row shown.
   */
  | { kind: 'detail'; title: string; items: DetailItem[]; selected: number; scroll: number };

/** One thing the detail view shows in full: what it is, its text, and whether y copies it. */
export interface DetailItem {
  label: string;
  text: string;
  copyable: boolean;
}

export interface Notice {
  level: 'info' | 'warning' | 'error';
  text: string;
}

export interface UiState {
  screen: ScreenId;
  modal: Modal | null;
  notice: Notice | null;
  /** Set once the user has confirmed quitting; the shell unmounts when it sees it. */
  exiting: boolean;
}

export type UiAction =
  | { type: 'ui/showScreen'; screen: ScreenId }
  | { type: 'ui/cycleScreen'; step: 1 | -1 }
  | { type: 'ui/openHelp' }
  /** Scrolls help by `delta` lines (or to `to`), within 0..max. */
  | { type: 'ui/scrollHelp'; delta?: number; to?: number; max: number }
  | { type: 'ui/openConnections' }
  | { type: 'ui/moveConnection'; delta: number; count: number }
  | { type: 'ui/closeModal' }
  | { type: 'ui/openDetail'; title: string; items: DetailItem[]; selected: number }
  /** Where the detail view is now (worked out from its layout by components/detailLayout). */
  | { type: 'ui/detailAt'; selected: number; scroll: number }
  | { type: 'ui/notify'; notice: Notice }
  | { type: 'ui/clearNotice' };

export const initialUiState: UiState = {
  screen: 'dataset',
  modal: null,
  notice: null,
  exiting: false,
};

export function isUiAction(action: { type: string }): action is UiAction {
  return action.type.startsWith('ui/');
}

export function reduceUi(state: UiState, action: UiAction): UiState {
  switch (action.type) {
    case 'ui/showScreen':
      return state.screen === action.screen ? state : { ...state, screen: action.screen };
    case 'ui/cycleScreen': {
      const index = SCREENS.findIndex((s) => s.id === state.screen);
      const next = SCREENS[(index + action.step + SCREENS.length) % SCREENS.length]!;
      return { ...state, screen: next.id };
    }
    case 'ui/openHelp':
      return { ...state, modal: { kind: 'help', scroll: 0 } };
    case 'ui/scrollHelp': {
      if (state.modal?.kind !== 'help') return state;
      const target = action.to ?? state.modal.scroll + (action.delta ?? 0);
      const scroll = Math.max(0, Math.min(action.max, target));
      return scroll === state.modal.scroll ? state : { ...state, modal: { kind: 'help', scroll } };
    }
    case 'ui/openConnections':
      return { ...state, modal: { kind: 'connections', selected: 0 } };
    case 'ui/moveConnection': {
      if (state.modal?.kind !== 'connections') return state;
      const selected = Math.max(0, Math.min(action.count - 1, state.modal.selected + action.delta));
      return selected === state.modal.selected ? state : { ...state, modal: { kind: 'connections', selected } };
    }
    case 'ui/closeModal':
      return state.modal === null ? state : { ...state, modal: null };
    case 'ui/openDetail':
      return { ...state, modal: { kind: 'detail', title: action.title, items: action.items, selected: Math.max(0, Math.min(action.items.length - 1, action.selected)), scroll: 0 } };
    case 'ui/detailAt': {
      const modal = state.modal;
      if (modal?.kind !== 'detail') return state;
      const selected = Math.max(0, Math.min(modal.items.length - 1, action.selected));
      const scroll = Math.max(0, action.scroll);
      return selected === modal.selected && scroll === modal.scroll ? state : { ...state, modal: { ...modal, selected, scroll } };
    }
    case 'ui/notify':
      return { ...state, notice: action.notice };
    case 'ui/clearNotice':
      return state.notice === null ? state : { ...state, notice: null };
    default:
      return assertNever(action);
  }
}
