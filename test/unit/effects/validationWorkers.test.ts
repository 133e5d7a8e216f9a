// How many worker threads the app's background validation takes: each costs about 150 MB however
// small the dataset, so the count follows the dataset's size as well as the cores.
import { describe, expect, it } from 'vitest';
import { workerCount } from '../../../src/effects/datasetValidator.js';

describe('background validation workers', () => {
  it('uses one worker up to a few hundred MB, more only for bigger datasets and never every core', () => {
    expect(workerCount(5e6, 8)).toBe(1);
    expect(workerCount(170e6, 8)).toBe(1);
    expect(workerCount(170e6, 2)).toBe(1);
    expect(workerCount(650e6, 8)).toBe(4);
    expect(workerCount(5e9, 8)).toBe(7);
    expect(workerCount(5e9, 2)).toBe(1);
    expect(workerCount(5e9, 1)).toBe(1);
  });
});
