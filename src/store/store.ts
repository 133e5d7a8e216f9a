import type { Action } from './actions.js';
import { reducer } from './reducer.js';
import type { AppState } from './state.js';

export type Dispatch = (action: Action) => void;
export type Listener = () => void;

export interface Store {
  getState(): AppState;
  dispatch: Dispatch;
  subscribe(listener: Listener): () => void;
  /**
   * Runs `fn` with listeners told once at the end instead of after every dispatch: a burst of
   * keys from one read (a held key, a paste) is drawn as one frame, not one per key.
   */
  batch(fn: () => void): void;
}

/**
 * A minimal external store around the one reducer. Components subscribe through
 * useSyncExternalStore with a selector, so a keystroke in the Dataset editor re-renders only
 * what reads the dataset, not the whole shell.
 */
export function createStore(initial: AppState, reduce: (s: AppState, a: Action) => AppState = reducer): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  let depth = 0;
  let changed = false;
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  return {
    getState: () => state,
    dispatch(action) {
      const next = reduce(state, action);
      if (next === state) return;
      state = next;
      if (depth > 0) changed = true;
      else notify();
    },
    batch(fn) {
      depth++;
      try {
        fn();
      } finally {
        depth--;
        if (depth === 0 && changed) {
          changed = false;
          notify();
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
