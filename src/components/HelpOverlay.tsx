import { Box, Text } from 'ink';
import { bindingsFor, displayKey } from '../keys/bindings.js';
import type { KeyScope } from '../keys/types.js';
import { SCREENS, type ScreenId } from '../store/slices/ui.js';
import { cut } from './fitLine.js';

/**
 * The ? overlay, generated from the key table: the current screen's keys, then the global
 * ones. Cut to the space it has rather than overflowing the terminal.
 */
export function HelpOverlay({ screen, width, height }: { screen: ScreenId; width: number; height: number }) {
  const title = SCREENS.find((s) => s.id === screen)!.title;
  const sections: { heading: string; scope: KeyScope }[] = [
    { heading: `${title} screen`, scope: screen },
    { heading: 'Everywhere', scope: 'global' },
  ];
  const rows: { key: string; text: string; heading?: boolean }[] = [];
  for (const section of sections) {
    const bindings = bindingsFor(section.scope);
    if (bindings.length === 0) continue;
    rows.push({ key: section.heading, text: '', heading: true });
    for (const b of bindings) rows.push({ key: b.keys.map(displayKey).join(' / '), text: b.description });
  }
  const keyWidth = Math.min(22, Math.max(...rows.filter((r) => !r.heading).map((r) => r.key.length)) + 2);
  const inner = Math.max(10, width - 4);
  // Border, title and footer take four rows.
  const room = Math.max(1, height - 4);
  // Two columns when one does not fit and the terminal is wide enough for both to stay readable.
  const columns = rows.length > room && inner >= 90 ? 2 : 1;
  // When even that does not fit, one row goes to the "… N more" line.
  const available = rows.length > room * columns ? Math.max(1, room - 1) : room;
  const columnWidth = columns === 2 ? Math.floor((inner - 2) / 2) : inner;
  const visible = rows.slice(0, available * columns);
  const cell = (row: (typeof rows)[number]) => (row.heading ? cut(row.key, columnWidth) : cut(`${row.key.padEnd(keyWidth)}${row.text}`, columnWidth));
  const lines = Array.from({ length: Math.min(available, visible.length) }, (_, i) => [visible[i], columns === 2 ? visible[i + available] : undefined] as const);
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={width} height={height}>
      <Text bold>{cut(`Keys — ${title}`, inner)}</Text>
      {lines.map(([left, right], i) => (
        <Box key={i}>
          <Box width={columnWidth + (columns === 2 ? 2 : 0)}>
            <Text bold={left?.heading ?? false} underline={left?.heading ?? false}>
              {left ? cell(left) : ''}
            </Text>
          </Box>
          {right ? (
            <Text bold={right.heading ?? false} underline={right.heading ?? false}>
              {cell(right)}
            </Text>
          ) : null}
        </Box>
      ))}
      {visible.length < rows.length ? <Text dimColor>{cut(`… ${rows.length - visible.length} more (a taller terminal shows all)`, inner)}</Text> : null}
      <Box flexGrow={1} />
      <Text dimColor>{cut('esc close', inner)}</Text>
    </Box>
  );
}
