import { Box, Text } from 'ink';
import { SCREENS, type ScreenId } from '../store/slices/ui.js';
import { cut } from './fitLine.js';
import { helpLines, type HelpLine } from './helpLines.js';

/** Rows the overlay's frame takes: border (2), title, footer. */
const FRAME_ROWS = 4;

/** The help's lines at this size, how many of them fit, and the furthest the overlay can scroll. */
export function helpViewport(screen: ScreenId, width: number, height: number): { lines: HelpLine[]; rows: number; maxScroll: number } {
  const lines = helpLines(screen, Math.max(10, width - 4));
  const rows = Math.max(1, height - FRAME_ROWS);
  return { lines, rows, maxScroll: Math.max(0, lines.length - rows) };
}

/**
 * The ? overlay, generated from the key table: the current screen's keys, the text-field keys,
 * then the global ones, scrolled to `scroll`.
 */
export function HelpOverlay({ screen, width, height, scroll }: { screen: ScreenId; width: number; height: number; scroll: number }) {
  const title = SCREENS.find((s) => s.id === screen)!.title;
  const inner = Math.max(10, width - 4);
  const { lines, rows, maxScroll } = helpViewport(screen, width, height);
  const top = Math.min(scroll, maxScroll);
  const shown = lines.slice(top, top + rows);
  const where = lines.length > rows ? ` · lines ${top + 1}–${top + shown.length} of ${lines.length} (j/k, PgUp/PgDn)` : '';
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={width} height={height}>
      <Text bold>{cut(`Keys — ${title}`, inner)}</Text>
      {shown.map((line, i) => (
        <Text key={i} bold={line.heading} underline={line.heading}>
          {line.text === '' ? ' ' : cut(line.text, inner)}
        </Text>
      ))}
      <Box flexGrow={1} />
      <Text dimColor>{cut(`esc close${where}`, inner)}</Text>
    </Box>
  );
}
