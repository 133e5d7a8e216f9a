import type { Action } from './actions.js';
import { reducer } from './reducer.js';
import type { AppState } from './state.js';

export type Dispatch = (action: Action) => void;
export type Listener = () => void;

export interface Store {
  getState(): AppState;
  dispatch: Dispatch;
  subscribe(listener: Listener): () => void;
}

/**
 * A minimal external store around the one reducer. Components subscribe through
 * useSyncExternalStore with a selector, so a keystroke in the Dataset editor re-renders only
 * what reads the dataset, not the whole shell.
 */
export function createStore(initial: AppState, reduce: (s: AppState, a: Action) => AppState = reducer): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = reduce(state, action);
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
