import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { formatLoss, plotLoss } from '../../src/screens/jobs/lossChart.js';
import { estimateRemaining, formatDuration } from '../../src/screens/jobs/formatTime.js';

const text = (chart: NonNullable<ReturnType<typeof plotLoss>>) =>
  chart.rows.map((r) => r.label + r.cells.map((c) => c.char).join(''));

describe('the braille loss chart', () => {
  it('draws a falling curve from the top-left to the bottom-right, within its box', () => {
    const train = Array.from({ length: 50 }, (_, i) => ({ x: i + 1, y: 2 / (1 + i / 5) }));
    const chart = plotLoss(train, [], 40, 6)!;
    const lines = text(chart);
    expect(lines).toHaveLength(5);
    for (const line of [...lines, chart.axis]) expect(stringWidth(line)).toBe(40);
    // the first column of the plot holds dots only in the top row, the last only in the bottom row
    const firstCol = chart.rows.map((r) => r.cells[0]!.char !== ' ');
    const lastCol = chart.rows.map((r) => r.cells.at(-1)!.char !== ' ');
    expect(firstCol[0]).toBe(true);
    expect(firstCol.at(-1)).toBe(false);
    expect(lastCol.at(-1)).toBe(true);
    expect(lastCol[0]).toBe(false);
    expect(lines[0]).toContain('2┤');
    expect(chart.axis).toContain('step 1');
    expect(chart.axis).toContain('50');
  });

  it('marks which series drew each cell, so train and valid can be coloured apart', () => {
    const train = [{ x: 1, y: 1 }, { x: 10, y: 1 }];
    const valid = [{ x: 10, y: 0 }];
    const chart = plotLoss(train, valid, 20, 5)!;
    const masks = chart.rows.flatMap((r) => r.cells.map((c) => c.mask));
    expect(masks).toContain(1);
    expect(masks).toContain(2);
    // valid is plotted as points only: one cell, bottom-right
    expect(chart.rows.at(-1)!.cells.at(-1)!.mask).toBe(2);
  });

  it('draws nothing without points or room, and copes with a flat line', () => {
    expect(plotLoss([], [], 40, 6)).toBeNull();
    expect(plotLoss([{ x: 1, y: 1 }], [], 8, 6)).toBeNull();
    const flat = plotLoss([{ x: 1, y: 0.5 }, { x: 2, y: 0.5 }], [], 20, 4)!;
    expect(flat.rows.some((r) => r.cells.some((c) => c.char !== ' '))).toBe(true);
  });

  it('labels losses compactly', () => {
    expect(formatLoss(2.3456)).toBe('2.35');
    expect(formatLoss(0.01234)).toBe('0.0123');
    expect(formatLoss(12345)).toBe('1.2e+4');
  });
});

describe('elapsed and ETA', () => {
  it('formats durations for a narrow column', () => {
    expect(formatDuration(42_000)).toBe('42s');
    expect(formatDuration(185_000)).toBe('3m 05s');
    expect(formatDuration(3_720_000)).toBe('1h 02m');
  });

  it('prefers the provider estimate, else projects from steps', () => {
    expect(estimateRemaining({ now: 1000, startedAt: 0, estimatedFinishAt: 61_000, step: 1, totalSteps: 2 })).toBe(60_000);
    expect(estimateRemaining({ now: 10_000, startedAt: 0, estimatedFinishAt: null, step: 10, totalSteps: 30 })).toBe(20_000);
    expect(estimateRemaining({ now: 10_000, startedAt: 0, estimatedFinishAt: null, step: 0, totalSteps: 30 })).toBeNull();
  });
});
