// How much of the machine stood idle between two moments, in cores. A worker thread pays only
// when it gets a core of its own; on a busy machine it takes turns with everyone else and costs
// more than it brings (see analyzerPool). Read from the CPU times the operating system keeps per core.
import { cpus } from 'node:os';

export interface CpuTimes {
  idle: number;
  total: number;
  cores: number;
}

export function cpuTimes(): CpuTimes {
  let idle = 0;
  let total = 0;
  const all = cpus();
  for (const { times } of all) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idle, total, cores: all.length };
}

// The times advance in ticks of ~10 ms per core; fewer than this many per core say nothing.
const MIN_MS_PER_CORE = 50;

/** Cores that stood idle on average from `then` to `now` (0 up to the core count), or null when too little time passed to tell. */
export function idleCoresBetween(then: CpuTimes, now: CpuTimes): number | null {
  const total = now.total - then.total;
  if (now.cores !== then.cores || total < MIN_MS_PER_CORE * now.cores) return null;
  return ((now.idle - then.idle) / total) * now.cores;
}
