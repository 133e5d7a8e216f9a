// A loss curve drawn with braille dots: each terminal cell holds a 2x4 grid of dots, so an
// 60x8 cell chart has 120x32 points of resolution — enough to see a curve flatten or diverge.
// Pure: the screen turns the rows into coloured <Text> runs.

export interface Point {
  x: number;
  y: number;
}

/** Which series put dots in a cell: bit 1 = train, bit 2 = valid (3 = both). */
export type SeriesMask = 0 | 1 | 2 | 3;

export interface ChartCell {
  char: string;
  mask: SeriesMask;
}

export interface LossChart {
  /** One entry per terminal row: the y label (fixed width) and the plot cells. */
  rows: { label: string; cells: ChartCell[] }[];
  /** The x-axis line below the plot, as wide as label + plot. */
  axis: string;
  yMin: number;
  yMax: number;
}

// Bit of each dot in a braille cell, by [dx][dy] (Unicode braille patterns, U+2800 block).
const DOT_BITS = [
  [0x01, 0x02, 0x04, 0x40],
  [0x08, 0x10, 0x20, 0x80],
] as const;

const LABEL_WIDTH = 7;

/** A compact y label: 3 significant digits, never wider than LABEL_WIDTH - 1 columns. */
export function formatLoss(value: number): string {
  if (!Number.isFinite(value)) return '-';
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1000 || abs < 0.001)) return value.toExponential(1);
  return Number(value.toPrecision(3)).toString();
}

/**
 * Plots train (connected line) and valid (its own points, unconnected, so the two stay
 * distinguishable without colour) into `width` x `height` cells, including the label column
 * and the x-axis row. Returns null when there is nothing to plot or no room for it.
 */
export function plotLoss(train: readonly Point[], valid: readonly Point[], width: number, height: number): LossChart | null {
  const plotWidth = width - LABEL_WIDTH;
  const plotRows = height - 1;
  const all = [...train, ...valid].filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  if (all.length === 0 || plotWidth < 4 || plotRows < 2) return null;

  let yMin = Math.min(...all.map((p) => p.y));
  let yMax = Math.max(...all.map((p) => p.y));
  if (yMax === yMin) {
    yMin -= 0.5;
    yMax += 0.5;
  }
  const xMin = Math.min(...all.map((p) => p.x));
  const xMax = Math.max(...all.map((p) => p.x));
  const dotsX = plotWidth * 2;
  const dotsY = plotRows * 4;
  const toDot = (p: Point): [number, number] => [
    xMax === xMin ? 0 : Math.round(((p.x - xMin) / (xMax - xMin)) * (dotsX - 1)),
    Math.round(((yMax - p.y) / (yMax - yMin)) * (dotsY - 1)),
  ];

  const bits = Array.from({ length: plotRows }, () => new Uint8Array(plotWidth));
  const masks = Array.from({ length: plotRows }, () => new Uint8Array(plotWidth));
  const setDot = (dx: number, dy: number, series: 1 | 2) => {
    const col = dx >> 1;
    const row = dy >> 2;
    bits[row]![col]! |= DOT_BITS[dx & 1]![dy & 3]!;
    masks[row]![col]! |= series;
  };

  const trainDots = train.filter((p) => Number.isFinite(p.y)).map(toDot);
  trainDots.forEach((dot, i) => {
    const prev = i === 0 ? dot : trainDots[i - 1]!;
    for (const [dx, dy] of line(prev, dot)) setDot(dx, dy, 1);
  });
  for (const p of valid) if (Number.isFinite(p.y)) setDot(...toDot(p), 2);

  const rows = bits.map((rowBits, r) => {
    const label = r === 0 ? formatLoss(yMax) : r === plotRows - 1 ? formatLoss(yMin) : '';
    return {
      label: `${label.padStart(LABEL_WIDTH - 1)}┤`,
      cells: Array.from(rowBits, (b, c) => ({
        char: b === 0 ? ' ' : String.fromCharCode(0x2800 + b),
        mask: masks[r]![c]! as SeriesMask,
      })),
    };
  });
  const left = `step ${xMin}`;
  const right = `${xMax}`;
  const gap = Math.max(1, plotWidth - left.length - right.length);
  const axis = `${' '.repeat(LABEL_WIDTH - 1)}└${(left + ' '.repeat(gap) + right).slice(0, plotWidth)}`;
  return { rows, axis, yMin, yMax };
}

/** Dots on the straight line from a to b (Bresenham), both ends included. */
function line([x0, y0]: [number, number], [x1, y1]: [number, number]): [number, number][] {
  const out: [number, number][] = [];
  const dx = Math.abs(x1 - x0);
  const dy = -Math.abs(y1 - y0);
  const sx = x0 < x1 ? 1 : -1;
  const sy = y0 < y1 ? 1 : -1;
  let err = dx + dy;
  let x = x0;
  let y = y0;
  for (;;) {
    out.push([x, y]);
    if (x === x1 && y === y1) return out;
    const e2 = 2 * err;
    if (e2 >= dy) {
      err += dy;
      x += sx;
    }
    if (e2 <= dx) {
      err += dx;
      y += sy;
    }
  }
}
