import { describe, expect, it } from 'vitest';
import { DEFAULT_FORMAT } from '../../../src/core/dataset/format.js';
import { findRows } from '../../../src/core/dataset/find.js';
import { initialDatasetState, reduceDataset, shownMatches, type DatasetAction, type DatasetState } from '../../../src/store/slices/dataset.js';

const ex = (q: string, a = 'A') => JSON.stringify({ messages: [{ role: 'user', content: q }, { role: 'assistant', content: a }] });
const run = (actions: DatasetAction[], from: DatasetState) => actions.reduce(reduceDataset, from);
const texts = (s: DatasetState) => s.rows.toArray().map((r) => r.text);

const loaded = run(
  [
    { type: 'dataset/opened', filePath: '/tmp/t.jsonl' },
    {
      type: 'dataset/loaded',
      rows: ['a', 'b', 'c'].map((q, i) => ({ id: i + 1, text: ex(q), origin: i })),
      format: DEFAULT_FORMAT,
      mode: null,
      base: null,
      notice: null,
      exists: true,
    },
  ],
  initialDatasetState,
);

describe('dataset edits and undo', () => {
  it('duplicates, moves and deletes, each undoable and redoable, and knows when it is back to saved', () => {
    const edited = run([{ type: 'dataset/duplicate' }, { type: 'dataset/moveRow', delta: 1 }, { type: 'dataset/move', delta: -1 }, { type: 'dataset/requestDelete' }, { type: 'dataset/confirmDelete', confirmed: true }], loaded);
    expect(texts(edited)).toEqual([ex('a'), ex('a'), ex('c')]);
    expect(edited.dirty).toBe(true);
    const undone = run([{ type: 'dataset/undo' }, { type: 'dataset/undo' }, { type: 'dataset/undo' }], edited);
    expect(texts(undone)).toEqual(texts(loaded));
    expect(undone.dirty).toBe(false);
    const redone = run([{ type: 'dataset/redo' }, { type: 'dataset/redo' }, { type: 'dataset/redo' }], undone);
    expect(texts(redone)).toEqual(texts(edited));
    // A new edit after undo drops the redo history.
    expect(run([{ type: 'dataset/undo' }, { type: 'dataset/duplicate' }], redone).redo).toEqual([]);
  });

  it('asks before deleting and keeps the row on "no"', () => {
    const asked = run([{ type: 'dataset/requestDelete' }], loaded);
    expect(asked.confirmDelete).toBe(1);
    expect(texts(run([{ type: 'dataset/confirmDelete', confirmed: false }], asked))).toEqual(texts(loaded));
  });

  it('authors an example turn by turn and appends it as one undoable change', () => {
    const typed = run(
      [
        { type: 'dataset/setDefaultSystemPrompt', text: 'Sys' },
        { type: 'dataset/author' },
        { type: 'dataset/editor/key', key: { name: null, text: 'Q', paste: true } },
        { type: 'dataset/editor/finishText' },
        { type: 'dataset/editor/key', key: { name: null, text: 'A', paste: true } },
        { type: 'dataset/editor/finishText' },
        { type: 'dataset/closeEditor' },
      ],
      loaded,
    );
    expect(typed.rows.length).toBe(4);
    expect(JSON.parse(typed.rows.get(3).text)).toEqual({ messages: [{ role: 'system', content: 'Sys' }, { role: 'user', content: 'Q' }, { role: 'assistant', content: 'A' }] });
    expect(typed.cursor).toBe(3);
    expect(run([{ type: 'dataset/undo' }], typed).rows.length).toBe(3);
  });

  it('edits roles, weights and turns in place and leaves an unchanged example untouched', () => {
    const opened = run([{ type: 'dataset/open' }], loaded);
    expect(run([{ type: 'dataset/closeEditor' }], opened)).toMatchObject({ rows: loaded.rows, undo: [] });
    const changed = run(
      [{ type: 'dataset/editor/select', delta: 1 }, { type: 'dataset/editor/toggleWeight' }, { type: 'dataset/editor/addTurn' }, { type: 'dataset/editor/key', key: { name: null, text: 'more', paste: true } }, { type: 'dataset/closeEditor' }],
      opened,
    );
    expect(JSON.parse(changed.rows.get(0).text).messages).toEqual([
      { role: 'user', content: 'a' },
      { role: 'assistant', content: 'A', weight: 0 },
      { role: 'user', content: 'more' },
    ]);
    expect(changed.rows.get(0).id).toBe(1);
  });

  it('writes back a raw line edited only with backspace, and leaves it alone when only the cursor moved', () => {
    const broken = run([{ type: 'dataset/appendLines', lines: ['{"messages": []}x'] }, { type: 'dataset/moveTo', index: 3 }, { type: 'dataset/open' }], loaded);
    expect(broken.editor?.mode).toBe('raw');
    const moved = run([{ type: 'dataset/editor/key', key: { name: 'left', text: null } }, { type: 'dataset/closeEditor' }], broken);
    expect(moved.rows).toBe(broken.rows);
    const fixed = run([{ type: 'dataset/editor/key', key: { name: 'backspace', text: null } }, { type: 'dataset/closeEditor' }], broken);
    expect(fixed.rows.get(3).text).toBe('{"messages": []}');
  });

  it('appends lines, replaces lines for fixes, and jumps to a finding', () => {
    const appended = run([{ type: 'dataset/appendLines', lines: [ex('d'), ex('e')] }], loaded);
    expect(texts(appended).slice(3)).toEqual([ex('d'), ex('e')]);
    const fixed = run([{ type: 'dataset/replaceLines', changes: [{ index: 0, text: ex('A0') }, { index: 1, text: null }], description: 'Fixed' }], appended);
    expect(texts(fixed)).toEqual([ex('A0'), ex('c'), ex('d'), ex('e')]);
    expect(texts(run([{ type: 'dataset/undo' }], fixed))).toEqual(texts(appended));
    const jumped = run([{ type: 'dataset/jumpTo', index: 2, path: 'messages[1].content' }], fixed);
    expect(jumped.cursor).toBe(2);
    expect(jumped.editor?.selected).toBe(1);
  });

  it('finds text across all messages: the find runs outside the reducer, its answer moves the cursor and the list', () => {
    const base = run([{ type: 'dataset/appendLines', lines: [ex('x', 'Zebra'), ex('y', 'ZEBRA')] }], loaded);
    const applied = run([{ type: 'dataset/filterStart' }, { type: 'dataset/filterKey', key: { name: null, text: 'zebra', paste: true } }, { type: 'dataset/filterApply' }], base);
    expect(applied.filter).toMatchObject({ field: null, query: 'zebra', matches: [], done: false, request: 1 });
    // What effects/useDatasetFind reports, for these rows and this request.
    const matches = findRows(applied.rows, applied.filter!.query);
    expect(matches).toEqual([3, 4]);
    const found = run([{ type: 'dataset/findResults', request: 1, rows: applied.rows, matches, scanned: applied.rows.length, done: true }], applied);
    expect(found.cursor).toBe(3);
    expect(shownMatches(found)).toEqual([3, 4]);
    // An answer for other rows, or an older request, is not taken.
    expect(run([{ type: 'dataset/findResults', request: 0, rows: applied.rows, matches: [0], scanned: 5, done: true }], applied)).toBe(applied);
    // j/k go from match to match; n wraps.
    expect(run([{ type: 'dataset/move', delta: 1 }], found).cursor).toBe(4);
    expect(run([{ type: 'dataset/move', delta: 1 }, { type: 'dataset/move', delta: 1 }], found).cursor).toBe(4);
    expect(run([{ type: 'dataset/move', delta: -1 }], found).cursor).toBe(3);
    expect(run([{ type: 'dataset/filterNext', step: 1 }, { type: 'dataset/filterNext', step: 1 }], found).cursor).toBe(3);
    // esc: every example again, the cursor where it was.
    const cleared = run([{ type: 'dataset/move', delta: 1 }, { type: 'dataset/filterClear' }], found);
    expect(cleared.cursor).toBe(4);
    expect(shownMatches(cleared)).toBeNull();
  });
});

describe('status messages', () => {
  it('are cleared when the rows they describe change, and kept while nothing changes', () => {
    const deleted = run([{ type: 'dataset/requestDelete' }, { type: 'dataset/confirmDelete', confirmed: true }], loaded);
    expect(deleted.message?.text).toBe('Example 1 deleted (u to undo).');
    expect(run([{ type: 'dataset/move', delta: 1 }], deleted).message?.text).toBe('Example 1 deleted (u to undo).');
    expect(run([{ type: 'dataset/duplicate' }], deleted).message).toBeNull();
    // An action that changes the rows and says so keeps its own message.
    expect(run([{ type: 'dataset/undo' }, { type: 'dataset/requestDelete' }, { type: 'dataset/confirmDelete', confirmed: true }], deleted).message?.text).toBe('Example 1 deleted (u to undo).');
  });
});
