import { describe, expect, it } from 'vitest';
import type { FixPlan } from '../../../src/core/validate/fixes.js';
import { initialValidationState, reduceValidation, validationTextFocused, validationUnsavedWork, type ValidationAction, type ValidationState } from '../../../src/store/slices/validation.js';
import { reducer } from '../../../src/store/reducer.js';
import { initialAppState } from '../../../src/store/state.js';

const run = (actions: ValidationAction[], from: ValidationState = initialValidationState) => actions.reduce(reduceValidation, from);

describe('validation slice', () => {
  it('keeps the cursor inside the findings list', () => {
    expect(run([{ type: 'validation/move', delta: -3, max: 5 }]).cursor).toBe(0);
    expect(run([{ type: 'validation/move', delta: 10, max: 5 }]).cursor).toBe(4);
    expect(run([{ type: 'validation/move', delta: 2, max: 5 }, { type: 'validation/move', delta: -1, max: 5 }]).cursor).toBe(1);
    // A list that shrank after a fix: the next move brings the cursor back inside it.
    expect(run([{ type: 'validation/moveTo', index: 40 }, { type: 'validation/move', delta: 1, max: 3 }]).cursor).toBe(2);
    expect(run([{ type: 'validation/moveTo', index: 40 }, { type: 'validation/move', delta: -1, max: 3 }]).cursor).toBe(1);
    expect(run([{ type: 'validation/moveTo', index: -2 }]).cursor).toBe(0);
  });

  it('reports progress while running and clears it with the report', () => {
    const running = run([{ type: 'validation/started', total: 200 }, { type: 'validation/progress', done: 50, total: 200 }]);
    expect(running.status).toBe('running');
    expect(running.progress).toEqual({ done: 50, total: 200 });
    const report = { errors: 0 } as unknown as NonNullable<ValidationState['report']>;
    const done = reduceValidation(running, { type: 'validation/report', report, revision: 7 });
    expect(done).toMatchObject({ status: 'done', progress: null, report, revision: 7 });
  });

  it('takes the keyboard while the filter is typed and gives it back with the query kept or cleared', () => {
    const typing = run([{ type: 'validation/filterStart' }, { type: 'validation/filterKey', key: { name: null, text: 'du\n', paste: true } }, { type: 'validation/filterKey', key: { name: 'backspace', text: null } }, { type: 'validation/filterKey', key: { name: null, text: 'p ', paste: true } }]);
    expect(typing.filter?.field?.text).toBe('dup ');
    expect(validationTextFocused(typing)).toBe(true);
    const kept = reduceValidation({ ...typing, cursor: 3 }, { type: 'validation/filterDone', keep: true });
    expect(kept.filter).toEqual({ field: null, query: 'dup' });
    expect(kept.cursor).toBe(0);
    expect(validationTextFocused(kept)).toBe(false);
    // Editing again starts from the kept query; esc clears it.
    const again = reduceValidation(kept, { type: 'validation/filterStart' });
    expect(again.filter?.field?.text).toBe('dup');
    expect(reduceValidation(again, { type: 'validation/filterDone', keep: false }).filter).toBeNull();
    // A blank query is no filter at all.
    expect(run([{ type: 'validation/filterStart' }, { type: 'validation/filterKey', key: { name: null, text: '   ', paste: true } }, { type: 'validation/filterDone', keep: true }]).filter).toBeNull();
  });

  it('holds the keyboard while a fix waits for its yes, and lets go when it closes', () => {
    const fix: FixPlan = { id: 'dropBlankLines', description: 'Remove blank lines (1 line)', changes: [{ index: 0, text: null }] };
    const asking = run([{ type: 'validation/proposeFix', fix }]);
    expect(validationTextFocused(asking)).toBe(true);
    const closed = reduceValidation(asking, { type: 'validation/closeFix' });
    expect(closed.fix).toBeNull();
    expect(validationTextFocused(closed)).toBe(false);
    expect(reduceValidation(closed, { type: 'validation/closeFix' })).toBe(closed);
  });

  it('switches views and models, returning the same state when nothing changes', () => {
    const tokens = run([{ type: 'validation/toggleView' }]);
    expect(tokens.view).toBe('tokens');
    expect(reduceValidation(tokens, { type: 'validation/toggleView' }).view).toBe('findings');
    expect(run([{ type: 'validation/setModel', model: 'gpt-4o-2024-08-06' }]).model).toBe('gpt-4o-2024-08-06');
    expect(reduceValidation(initialValidationState, { type: 'validation/setModel', model: initialValidationState.model })).toBe(initialValidationState);
    expect(validationUnsavedWork(tokens)).toBeNull();
  });

  it('is reached through the app reducer by the validation/ prefix', () => {
    const next = reducer(initialAppState, { type: 'validation/toggleView' });
    expect(next.validation.view).toBe('tokens');
    expect(next.dataset).toBe(initialAppState.dataset);
  });
});

describe('validation file', () => {
  it('takes a typed path, keeps the field out of the way when done, and drops a report for a path no longer chosen', () => {
    const typing = run([{ type: 'validation/fileStart' }, { type: 'validation/fileKey', key: { name: null, text: ' val.jsonl', paste: true } }]);
    expect(typing.fileField?.text).toBe(' val.jsonl');
    expect(validationTextFocused(typing)).toBe(true);
    const chosen = reduceValidation(typing, { type: 'validation/fileDone', keep: true });
    expect(chosen.validationFile).toEqual({ path: 'val.jsonl', report: null, revision: -1 });
    expect(chosen.fileField).toBeNull();
    expect(validationTextFocused(chosen)).toBe(false);

    const report = { errors: 1 } as unknown as NonNullable<ValidationState['report']>;
    const checked = reduceValidation(chosen, { type: 'validation/fileReport', path: 'val.jsonl', report, revision: 4 });
    expect(checked.validationFile).toEqual({ path: 'val.jsonl', report, revision: 4 });
    expect(reduceValidation(checked, { type: 'validation/fileReport', path: 'old.jsonl', report, revision: 5 })).toBe(checked);

    // Editing starts from the chosen path; the same path keeps its report; an empty one clears it; esc changes nothing.
    const again = reduceValidation(checked, { type: 'validation/fileStart' });
    expect(again.fileField?.text).toBe('val.jsonl');
    expect(reduceValidation(again, { type: 'validation/fileDone', keep: true }).validationFile).toBe(checked.validationFile);
    expect(reduceValidation(again, { type: 'validation/fileDone', keep: false }).validationFile).toBe(checked.validationFile);
    const emptied = run([{ type: 'validation/fileKey', key: { name: 'home', text: null } }, ...Array<ValidationAction>(9).fill({ type: 'validation/fileKey', key: { name: 'delete', text: null } }), { type: 'validation/fileDone', keep: true }], again);
    expect(emptied.validationFile).toBeNull();
  });

  it('keeps the dataset content hashes of the last report for the validation file check', () => {
    const hashes = new Map([['h', 1]]);
    const report = { errors: 0 } as unknown as NonNullable<ValidationState['report']>;
    const done = reduceValidation(initialValidationState, { type: 'validation/report', report, revision: 1, hashes });
    expect(done.trainingHashes).toBe(hashes);
    expect(reduceValidation(done, { type: 'validation/report', report, revision: 2 }).trainingHashes).toBe(hashes);
  });
});
