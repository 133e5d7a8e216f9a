import { Box, Text } from 'ink';
import type { DetailItem } from '../store/slices/ui.js';
import { DETAIL_FRAME_ROWS, DETAIL_INDENT, detailLayout } from './detailLayout.js';
import { cut } from './fitLine.js';

/** The inner width of the detail overlay at a terminal width. */
export function detailWidth(columns: number): number {
  return Math.max(10, columns - 4);
}

/** The detail view (z): what this screen cut to fit, in full, scrolled; the selected item is the one y copies. */
export function DetailView({ title, items, selected, scroll, width, height }: { title: string; items: readonly DetailItem[]; selected: number; scroll: number; width: number; height: number }) {
  const inner = detailWidth(width);
  const { rows } = detailLayout(items, inner);
  const view = Math.max(1, height - DETAIL_FRAME_ROWS);
  const top = Math.max(0, Math.min(scroll, rows.length - view));
  const shown = rows.slice(top, top + view);
  const copyable = items[selected]?.copyable === true;
  const where = rows.length > view ? ` · rows ${top + 1}–${top + shown.length} of ${rows.length}` : '';
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={width} height={height}>
      <Text bold>{cut(`In full — ${title}`, inner)}</Text>
      {shown.map((row, i) =>
        row.label ? (
          <Text key={i} bold color={row.item === selected ? 'cyan' : undefined}>
            {cut(`${row.item === selected ? '▸' : ' '} ${row.text}${items[row.item]?.copyable ? ' (y copies)' : ''}`, inner)}
          </Text>
        ) : (
          <Text key={i}>{' '.repeat(DETAIL_INDENT) + (row.text || ' ')}</Text>
        ),
      )}
      <Box flexGrow={1} />
      <Text dimColor>{cut(`j/k move${copyable ? ' · y copy' : ''} · esc close${where}`, inner)}</Text>
    </Box>
  );
}
