// The find runs beside the keyboard: in slices, each followed by a turn of the event loop, never
// in one piece inside a key's dispatch; and it runs again when the rows change under it.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { freshRow } from '../../../src/core/dataset/row.js';
import { RowList } from '../../../src/core/dataset/rowList.js';
import { watchFind } from '../../../src/effects/useDatasetFind.js';
import { initialAppState } from '../../../src/store/state.js';
import { createStore } from '../../../src/store/store.js';

const example = (text: string) => JSON.stringify({ messages: [{ role: 'user', content: text }, { role: 'assistant', content: 'ok' }] });

function storeWith(rows: string[]) {
  const list = RowList.from(rows.map((r) => freshRow(r)));
  return createStore({ ...initialAppState, dataset: { ...initialAppState.dataset, status: 'ready', rows: list, savedRows: list } });
}

function apply(store: ReturnType<typeof storeWith>, query: string) {
  store.dispatch({ type: 'dataset/filterStart' });
  store.dispatch({ type: 'dataset/filterKey', key: { name: null, text: query, paste: true } });
  store.dispatch({ type: 'dataset/filterApply' });
}

describe('the find effect', () => {
  it('searches 200,000 rows in slices, the event loop turning between them, showing matches as it goes', async () => {
    const store = storeWith(Array.from({ length: 200_000 }, (_, i) => example(i % 4 === 0 ? `row ${i} has the needle` : `row ${i}`)));
    const stop = watchFind(store);
    apply(store, 'needle');
    // Nothing was searched inside the dispatch that applied the find.
    expect(store.getState().dataset.filter).toMatchObject({ done: false, scanned: 0 });
    let turns = 0;
    let partial = false;
    while (!store.getState().dataset.filter!.done) {
      await nextTurn();
      turns++;
      const f = store.getState().dataset.filter!;
      if (!f.done && f.matches.length > 0) partial = true;
    }
    expect(turns).toBeGreaterThan(3);
    expect(partial).toBe(true);
    const filter = store.getState().dataset.filter!;
    expect(filter.matches).toHaveLength(50_000);
    expect(filter.matches.slice(0, 3)).toEqual([0, 4, 8]);
    expect(store.getState().dataset.cursor).toBe(0);
    stop();
  });

  it('runs again when the rows change, and stops when the find is cleared', async () => {
    const store = storeWith([example('a needle'), example('hay'), example('needle again')]);
    const stop = watchFind(store);
    apply(store, 'needle');
    await new Promise<void>((resolve) => {
      const check = () => (store.getState().dataset.filter?.done ? resolve() : void nextTurn().then(check));
      check();
    });
    expect(store.getState().dataset.filter!.matches).toEqual([0, 2]);
    // The first example is edited: the needle is gone from it.
    store.dispatch({ type: 'dataset/replaceLines', changes: [{ index: 0, text: example('nothing') }], description: 'Edited' });
    await new Promise<void>((resolve) => {
      const check = () => (store.getState().dataset.filter?.of === store.getState().dataset.rows && store.getState().dataset.filter?.done ? resolve() : void nextTurn().then(check));
      check();
    });
    expect(store.getState().dataset.filter!.matches).toEqual([2]);
    store.dispatch({ type: 'dataset/filterClear' });
    expect(store.getState().dataset.filter).toBeNull();
    stop();
  });
});
