import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { AppState } from './state.js';
import type { Dispatch, Store } from './store.js';

// Two contexts: a component that only dispatches never re-renders on state changes.
const StoreContext = createContext<Store | null>(null);
const DispatchContext = createContext<Dispatch | null>(null);

export function StoreProvider({ store, children }: { store: Store; children: ReactNode }) {
  return (
    <StoreContext.Provider value={store}>
      <DispatchContext.Provider value={store.dispatch}>{children}</DispatchContext.Provider>
    </StoreContext.Provider>
  );
}

/** Reads part of the state; re-renders only when the selected value changes (by identity). */
export function useAppState<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useAppState outside <StoreProvider>');
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}

export function useDispatch(): Dispatch {
  const dispatch = useContext(DispatchContext);
  if (dispatch === null) throw new Error('useDispatch outside <StoreProvider>');
  return dispatch;
}

/** The store itself, for effects that read the latest state when they run (save, autosave). */
export function useStoreApi(): Store {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useStoreApi outside <StoreProvider>');
  return store;
}
