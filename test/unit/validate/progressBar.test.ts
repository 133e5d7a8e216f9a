import { describe, expect, it, vi } from 'vitest';
import { createProgressBar } from '../../../src/commands/progressBar.js';

describe('the validate progress bar', () => {
  it('draws at most ten times a second on one line and clears itself', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const writes: string[] = [];
    const bar = createProgressBar({ write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream, 'data.jsonl');
    bar.update(50_000_000, 100_000_000);
    bar.update(60_000_000, 100_000_000); // same instant: skipped
    vi.advanceTimersByTime(150);
    bar.update(100_000_000, 100_000_000);
    bar.done();
    vi.useRealTimers();
    expect(writes).toHaveLength(3);
    expect(writes[0]).toMatch(/^\rdata\.jsonl \[#{15}\.{15}\] 50% 50 MB of 100 MB/);
    expect(writes[1]).toContain('100%');
    expect(writes[2]).toBe('\r\u001B[K');
  });
});
