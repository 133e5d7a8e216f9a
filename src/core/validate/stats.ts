// Distributions and histograms of per-example figures. Quantiles use linear interpolation
// between closest ranks, numpy's default, so figures compare with the cookbook notebook's.
import type { Distribution, HistogramBin } from './types.js';

/** The q-quantile (0..1) of ascending-sorted values, numpy.quantile's default ("linear") method. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = (n - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(n - 1, below + 1);
  const low = sorted[below] as number;
  const high = sorted[above] as number;
  return low + (high - low) * (position - below);
}

function sortedCopy(values: ArrayLike<number>): Float64Array {
  const sorted = Float64Array.from(values);
  sorted.sort();
  return sorted;
}

/** min, max, mean, median, real p5/p95 and p10/p90 (what the notebook prints as "p5 / p95"); null when empty. */
export function distribution(values: ArrayLike<number>): Distribution | null {
  const n = values.length;
  if (n === 0) return null;
  const sorted = sortedCopy(values);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i] as number;
  return {
    count: n,
    min: sorted[0] as number,
    max: sorted[n - 1] as number,
    mean: sum / n,
    median: quantileSorted(sorted, 0.5),
    p5: quantileSorted(sorted, 0.05),
    p95: quantileSorted(sorted, 0.95),
    p10: quantileSorted(sorted, 0.1),
    p90: quantileSorted(sorted, 0.9),
  };
}

/** Equal-width integer bins from min to max; the last bin includes max. */
export function histogram(values: ArrayLike<number>, bins: number): HistogramBin[] {
  const n = values.length;
  if (n === 0 || bins < 1) return [];
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const width = Math.max(1, Math.ceil((max - min + 1) / bins));
  const count = Math.max(1, Math.min(bins, Math.ceil((max - min + 1) / width)));
  const result: HistogramBin[] = [];
  for (let b = 0; b < count; b++) {
    const from = min + b * width;
    result.push({ from, to: b === count - 1 ? max : from + width, count: 0 });
  }
  for (let i = 0; i < n; i++) {
    const b = Math.min(count - 1, Math.floor(((values[i] as number) - min) / width));
    (result[b] as HistogramBin).count++;
  }
  return result;
}

/** A growable numeric column: far smaller than number[] for hundreds of thousands of values. */
export class NumberColumn {
  private data = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}
