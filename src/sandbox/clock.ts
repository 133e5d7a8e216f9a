// The sandbox reads time only through a Clock, so tests move a job from validating_files to
// succeeded by advancing a number instead of waiting (and get the same result every run).
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
}

export function manualClock(startMs = Date.UTC(2026, 10, 1, 12, 0, 0)): ManualClock {
  let t = startMs;
  return {
    now: () => t,
    advance(ms: number) {
      if (ms < 0) throw new Error('A clock only moves forward');
      t += ms;
    },
    set(ms: number) {
      if (ms < t) throw new Error('A clock only moves forward');
      t = ms;
    },
  };
}
