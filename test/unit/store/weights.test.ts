// The weights download's state: one download per key, progress only while it runs, and a
// finished one cleared only once it is over.
import { describe, expect, it } from 'vitest';
import { initialWeightsState, reduceWeights, type WeightsRequest } from '../../../src/store/slices/weights.js';

const request: WeightsRequest = { jobId: 'j', checkpointId: 'c', step: 9, fileIds: ['f'], dir: '/tmp/x' };

describe('weights slice', () => {
  it('a second request while one runs is ignored; progress, done and dismiss follow', () => {
    let s = reduceWeights(initialWeightsState, { type: 'weights/request', request });
    expect(s).toMatchObject({ running: true, attempt: 1 });
    expect(reduceWeights(s, { type: 'weights/request', request })).toBe(s);
    expect(reduceWeights(s, { type: 'weights/dismiss' })).toBe(s);
    s = reduceWeights(s, { type: 'weights/progress', received: 10, total: 20 });
    s = reduceWeights(s, { type: 'weights/done', written: ['/tmp/x/a'] });
    expect(s).toMatchObject({ running: false, received: 10, written: ['/tmp/x/a'] });
    expect(reduceWeights(s, { type: 'weights/progress', received: 99, total: null })).toBe(s);
    const cleared = reduceWeights(s, { type: 'weights/dismiss' });
    expect(cleared).toMatchObject({ request: null, attempt: 1, written: null });
  });

  it('a failure keeps its reason until dismissed', () => {
    const s = reduceWeights(reduceWeights(initialWeightsState, { type: 'weights/request', request }), { type: 'weights/failed', error: { kind: 'file', message: 'exists', retryAfterMs: null, param: null } });
    expect(s).toMatchObject({ running: false, error: { message: 'exists' } });
  });
});
