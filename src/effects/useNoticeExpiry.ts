// Status messages do not stay forever: each one is cleared a while after it appeared (on the
// app's clock, so a test moves time instead of waiting), unless something replaced it first.
// A message that describes state is also cleared by its slice when that state changes (the
// dataset's, see reduceDataset); this covers the ones nothing else would take away.
import { useEffect } from 'react';
import type { Timers, TimerHandle } from '../core/clock.js';
import type { AppState } from '../store/state.js';
import type { Store } from '../store/store.js';
import { useStoreApi } from '../store/StoreProvider.js';
import { useProvider } from './providerContext.js';

/** How long a message stays, by its level: long enough to read a line, longer for what went wrong. */
export const NOTICE_MS: Record<string, number> = { info: 6_000, success: 6_000, warning: 20_000, error: 20_000 };

interface Source {
  read(state: AppState): { level: string } | null;
  /** Clears it, when it is still the one that timed out. */
  clear(store: Store, notice: object): void;
}

const SOURCES: readonly Source[] = [
  {
    read: (s) => s.ui.notice,
    clear: (store, notice) => {
      if (store.getState().ui.notice === notice) store.dispatch({ type: 'ui/clearNotice' });
    },
  },
  {
    read: (s) => s.dataset.message,
    clear: (store, notice) => store.dispatch({ type: 'dataset/expireMessage', message: notice }),
  },
  {
    read: (s) => s.chat.notice,
    clear: (store, notice) => {
      if (store.getState().chat.notice === notice) store.dispatch({ type: 'chat/notice', notice: null });
    },
  },
];

export function useNoticeExpiry(): void {
  const store = useStoreApi();
  const { timers } = useProvider().services;
  useEffect(() => watchNotices(store, timers), [store, timers]);
}

/** Starts a timer for each new message; returns the function that stops watching. */
export function watchNotices(store: Store, timers: Timers): () => void {
  const seen: Array<object | null> = SOURCES.map(() => null);
  const handles: Array<TimerHandle | undefined> = SOURCES.map(() => undefined);
  const check = () => {
    const state = store.getState();
    SOURCES.forEach((source, i) => {
      const notice = source.read(state);
      if (notice === seen[i]) return;
      seen[i] = notice;
      timers.clear(handles[i]);
      handles[i] = notice === null ? undefined : timers.setTimeout(() => source.clear(store, notice), NOTICE_MS[notice.level] ?? NOTICE_MS.info!);
    });
  };
  check();
  const unsubscribe = store.subscribe(check);
  return () => {
    unsubscribe();
    handles.forEach((h) => timers.clear(h));
  };
}
