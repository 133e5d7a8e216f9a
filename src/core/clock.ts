// Time, read and scheduled through one object, so the app's polling, elapsed time, ETA and
// autosave, and the sandbox's job lifecycle, can run on a clock a test moves by hand: the same
// result every run, however busy the machine, and no test waits for real seconds to pass.

export interface Clock {
  now(): number;
}

/** An opaque handle from Timers.setTimeout / setInterval. */
export type TimerHandle = { readonly timer: unknown };

/** Scheduling on a clock; the system one wraps Node's timers. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  setInterval(callback: () => void, ms: number): TimerHandle;
  /** Cancels a timeout or an interval; a handle already fired or cleared is ignored. */
  clear(handle: TimerHandle | undefined): void;
}

export type SchedulingClock = Clock & Timers;

export const systemClock: SchedulingClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => ({ timer: setTimeout(callback, ms) }),
  setInterval: (callback, ms) => ({ timer: setInterval(callback, ms) }),
  clear(handle) {
    // clearTimeout and clearInterval are interchangeable in Node.
    if (handle) clearTimeout(handle.timer as NodeJS.Timeout);
  },
};

export interface ManualClock extends SchedulingClock {
  /** Moves time forward, running every timer that falls due on the way, in order, each at its own time. */
  advance(ms: number): void;
  /** Moves time forward to `ms` (epoch ms), as advance does. */
  set(ms: number): void;
  /** How many timers are waiting (intervals count once). */
  pending(): number;
}

interface ManualTimer {
  id: number;
  due: number;
  /** 0 for a timeout. */
  every: number;
  callback: () => void;
}

/** More timers than this falling due within one advance means a timer that re-arms itself at 0 ms. */
const MAX_FIRES_PER_ADVANCE = 100_000;

/** A clock that moves only when told to; it starts on a fixed date so runs are reproducible. */
export function manualClock(startMs = Date.UTC(2026, 10, 1, 12, 0, 0)): ManualClock {
  let t = startMs;
  let nextId = 1;
  const timers = new Map<number, ManualTimer>();

  const schedule = (callback: () => void, ms: number, every: number): TimerHandle => {
    const id = nextId++;
    timers.set(id, { id, due: t + Math.max(0, ms), every, callback });
    return { timer: id };
  };

  const runTo = (target: number) => {
    if (target < t) throw new Error('A clock only moves forward');
    for (let fired = 0; ; fired++) {
      let next: ManualTimer | undefined;
      for (const timer of timers.values()) {
        if (timer.due <= target && (next === undefined || timer.due < next.due || (timer.due === next.due && timer.id < next.id))) next = timer;
      }
      if (next === undefined) break;
      if (fired >= MAX_FIRES_PER_ADVANCE) throw new Error('manualClock: a timer keeps firing without time passing');
      t = next.due;
      if (next.every > 0) next.due += next.every;
      else timers.delete(next.id);
      next.callback();
    }
    t = target;
  };

  return {
    now: () => t,
    setTimeout: (callback, ms) => schedule(callback, ms, 0),
    // An interval of 0 ms would fire forever within one advance; Node also treats it as 1 ms.
    setInterval: (callback, ms) => schedule(callback, ms, Math.max(1, ms)),
    clear(handle) {
      if (handle) timers.delete(handle.timer as number);
    },
    advance(ms) {
      if (ms < 0) throw new Error('A clock only moves forward');
      runTo(t + ms);
    },
    set(ms) {
      runTo(ms);
    },
    pending: () => timers.size,
  };
}
