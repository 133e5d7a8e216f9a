// Runs the Dataset screen's find (/) over every row without holding up the keyboard: the rows
// are searched in slices of a few milliseconds, each followed by a turn of the event loop in
// which keys are handled and frames drawn. A first find shows what it has found as it goes;
// when the rows change under an applied find (an edit, an undo), it runs again and its answer
// replaces the old one when it is complete.
import { useEffect } from 'react';
import { setImmediate as nextTurn } from 'node:timers';
import { compileFind, parseFindQuery } from '../core/dataset/find.js';
import type { RowList } from '../core/dataset/rowList.js';
import type { Store } from '../store/store.js';
import { useStoreApi } from '../store/StoreProvider.js';

/** How long one slice may search before it yields to keys and frames. */
export const FIND_SLICE_MS = 8;
/** How often a first find shows what it has found so far (its first matches at once). */
const PROGRESS_MS = 100;

interface Run {
  request: number;
  rows: RowList;
  cancel(): void;
}

export function useDatasetFind(): void {
  const store = useStoreApi();
  useEffect(() => watchFind(store), [store]);
}

/** Starts a find whenever one is applied or its rows change; returns the function that stops it. */
export function watchFind(store: Store): () => void {
  let run: Run | null = null;
  const check = () => {
    const { filter, rows } = store.getState().dataset;
    if (filter === null || filter.query === '' || filter.request === 0) {
      run?.cancel();
      run = null;
      return;
    }
    if (run !== null && run.request === filter.request && run.rows === rows) return;
    if (run === null && filter.done && filter.of === rows) return;
    run?.cancel();
    run = start(store, filter.request, rows, filter.query, filter.of === null);
  };
  check();
  const unsubscribe = store.subscribe(check);
  return () => {
    unsubscribe();
    run?.cancel();
  };
}

function start(store: Store, request: number, rows: RowList, query: string, progressive: boolean): Run {
  let cancelled = false;
  const matches = compileFind(parseFindQuery(query));
  const iterator = rows[Symbol.iterator]();
  const found: number[] = [];
  let index = 0;
  // The first matches are shown as soon as a slice finds them; progress at most every PROGRESS_MS.
  let shownAt = performance.now();
  let shown = 0;
  const report = (done: boolean) => store.dispatch({ type: 'dataset/findResults', request, rows, matches: done ? found : [...found], scanned: index, done });
  const step = () => {
    if (cancelled) return;
    const until = performance.now() + FIND_SLICE_MS;
    for (;;) {
      const next = iterator.next();
      if (next.done) {
        run.cancel();
        report(true);
        return;
      }
      if (matches(next.value)) found.push(index);
      index++;
      // After every row: one row can take long (a line of megabytes that must be parsed).
      if (performance.now() >= until) break;
    }
    if (progressive && ((shown === 0 && found.length > 0) || performance.now() - shownAt >= PROGRESS_MS)) {
      shownAt = performance.now();
      shown = found.length;
      report(false);
    }
    nextTurn(step);
  };
  const run: Run = {
    request,
    rows,
    cancel: () => {
      cancelled = true;
    },
  };
  // Never inside the dispatch that applied the find: the first slice runs on the next turn.
  nextTurn(step);
  return run;
}
