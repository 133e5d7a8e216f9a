import { Box, Text } from 'ink';
import type { ChartCell } from './lossChart.js';
import { plotLoss, type Point } from './lossChart.js';

const COLORS: Record<number, string | undefined> = { 0: undefined, 1: 'cyan', 2: 'magenta', 3: 'white' };

/** Consecutive cells drawn by the same series, so a row is a few <Text> runs, not one per cell. */
function runs(cells: readonly ChartCell[]): { text: string; mask: number }[] {
  const out: { text: string; mask: number }[] = [];
  for (const cell of cells) {
    const last = out.at(-1);
    if (last !== undefined && last.mask === cell.mask) last.text += cell.char;
    else out.push({ text: cell.char, mask: cell.mask });
  }
  return out;
}

/** train_loss as a cyan line, valid_loss as magenta points; exactly `height` rows. */
export function LossChartView({ train, valid, width, height }: { train: Point[]; valid: Point[]; width: number; height: number }) {
  const chart = plotLoss(train, valid, width, height);
  if (chart === null) {
    return (
      <Box height={height} flexDirection="column">
        <Text dimColor>{'  No loss figures yet: they arrive with the first training steps.'.slice(0, width)}</Text>
      </Box>
    );
  }
  return (
    <Box height={height} flexDirection="column">
      {chart.rows.map((row, r) => (
        <Text key={r}>
          <Text dimColor>{row.label}</Text>
          {runs(row.cells).map((run, i) => (
            <Text key={i} color={COLORS[run.mask]}>
              {run.text}
            </Text>
          ))}
        </Text>
      ))}
      <Text dimColor>{chart.axis}</Text>
    </Box>
  );
}
