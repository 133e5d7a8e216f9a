import { describe, expect, it } from 'vitest';
import { reducer } from '../../../src/store/reducer.js';
import { selectUnsavedWork } from '../../../src/store/selectors.js';
import { initialAppState, type AppState } from '../../../src/store/state.js';
import type { Action } from '../../../src/store/actions.js';
import { DEFAULT_FORMAT } from '../../../src/core/dataset/format.js';

const run = (actions: Action[], from: AppState = initialAppState) => actions.reduce(reducer, from);
const loaded = run([
  { type: 'dataset/opened', filePath: '/tmp/a.jsonl' },
  { type: 'dataset/loaded', rows: [], format: DEFAULT_FORMAT, mode: null, base: null, notice: null, exists: false },
]);
const edited = run([{ type: 'dataset/appendLines', lines: ['{"messages":[]}'] }], loaded);

describe('screens', () => {
  it('starts on the Dataset screen and shows the screen asked for', () => {
    expect(initialAppState.ui.screen).toBe('dataset');
    expect(run([{ type: 'ui/showScreen', screen: 'jobs' }]).ui.screen).toBe('jobs');
  });

  it('cycles forwards and backwards, wrapping at both ends', () => {
    expect(run([{ type: 'ui/cycleScreen', step: 1 }]).ui.screen).toBe('validate');
    expect(run([{ type: 'ui/cycleScreen', step: -1 }]).ui.screen).toBe('chat');
    const four = Array.from({ length: 4 }, () => ({ type: 'ui/cycleScreen', step: 1 }) as const);
    expect(run(four).ui.screen).toBe('dataset');
  });

  it('opens and closes help', () => {
    const open = run([{ type: 'ui/openHelp' }]);
    expect(open.ui.modal).toEqual({ kind: 'help', scroll: 0 });
    expect(run([{ type: 'ui/closeModal' }], open).ui.modal).toBeNull();
  });
});

describe('quitting', () => {
  it('quits at once when nothing is unsaved', () => {
    expect(run([{ type: 'app/requestQuit', viaCtrlC: false }]).ui.exiting).toBe(true);
    expect(run([{ type: 'app/requestQuit', viaCtrlC: true }]).ui.exiting).toBe(true);
  });

  it('asks first when the dataset has unsaved changes, and stays on "no"', () => {
    const asked = run([{ type: 'app/requestQuit', viaCtrlC: false }], edited);
    expect(asked.ui.exiting).toBe(false);
    expect(asked.ui.modal).toMatchObject({ kind: 'confirmQuit', reason: selectUnsavedWork(edited) });
    const stayed = run([{ type: 'ui/closeModal' }], asked);
    expect(stayed.ui.exiting).toBe(false);
    expect(stayed.dataset.dirty).toBe(true);
    expect(run([{ type: 'app/confirmQuit' }], asked).ui.exiting).toBe(true);
  });

  it('treats a second ctrl+c as "yes", but not a ctrl+c after q', () => {
    const once = run([{ type: 'app/requestQuit', viaCtrlC: true }], edited);
    expect(once.ui.exiting).toBe(false);
    expect(run([{ type: 'app/requestQuit', viaCtrlC: true }], once).ui.exiting).toBe(true);
    const afterQ = run([{ type: 'app/requestQuit', viaCtrlC: false }], edited);
    expect(run([{ type: 'app/requestQuit', viaCtrlC: true }], afterQ).ui.exiting).toBe(false);
  });

  it('has nothing to lose once the dataset is saved', () => {
    expect(selectUnsavedWork(run([{ type: 'dataset/saved', rows: edited.dataset.rows, format: DEFAULT_FORMAT, base: null, text: 'Saved.' }], edited))).toBeNull();
  });
});

describe('purity', () => {
  it('returns the same state object when nothing changes, so screens do not re-render', () => {
    const state = run([{ type: 'ui/showScreen', screen: 'dataset' }]);
    expect(state).toBe(initialAppState);
    expect(run([{ type: 'ui/closeModal' }])).toBe(initialAppState);
  });

  it('keeps untouched slices identical', () => {
    const next = run([{ type: 'ui/openHelp' }]);
    expect(next.dataset).toBe(initialAppState.dataset);
    expect(next.connection).toBe(initialAppState.connection);
  });

  it('never mutates its input', () => {
    const frozen = structuredClone(edited);
    run([{ type: 'app/requestQuit', viaCtrlC: true }, { type: 'ui/cycleScreen', step: 1 }], edited);
    expect(edited).toEqual(frozen);
  });
});
