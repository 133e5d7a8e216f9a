import { describe, expect, it } from 'vitest';
import { nextPollDelay } from '../../../src/effects/jobsPollSchedule.js';

const opts = { baseMs: 1000, maxMs: 8000 };

describe('job polling schedule', () => {
  it('polls steadily while the provider answers', () => {
    expect(nextPollDelay({ kind: 'ok' }, 0, opts)).toBe(1000);
    expect(nextPollDelay({ kind: 'ok' }, 5, opts)).toBe(1000);
  });

  it('doubles the wait after each failure, up to the cap', () => {
    expect([0, 1, 2, 3, 10].map((n) => nextPollDelay({ kind: 'failed' }, n, opts))).toEqual([2000, 4000, 8000, 8000, 8000]);
  });

  it('waits at least Retry-After when rate limited, even past the cap', () => {
    expect(nextPollDelay({ kind: 'rateLimited', retryAfterMs: 3000 }, 0, opts)).toBe(3000);
    expect(nextPollDelay({ kind: 'rateLimited', retryAfterMs: 30_000 }, 0, opts)).toBe(30_000);
    expect(nextPollDelay({ kind: 'rateLimited', retryAfterMs: 200 }, 0, opts)).toBe(1000);
  });

  it('repeated 429s lengthen the wait: doubling from what the server asked, up to the cap', () => {
    expect([0, 1, 2, 3].map((n) => nextPollDelay({ kind: 'rateLimited', retryAfterMs: 2000 }, n, opts))).toEqual([2000, 4000, 8000, 8000]);
    expect([0, 1, 2].map((n) => nextPollDelay({ kind: 'rateLimited', retryAfterMs: null }, n, opts))).toEqual([1000, 2000, 4000]);
  });
});
