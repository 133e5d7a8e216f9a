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
  const visible = rows.slice(0, Math.max(1, height - 4));
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={width} height={height}>
      <Text bold>{cut(`Keys — ${title}`, inner)}</Text>
      {visible.map((row, i) =>
        row.heading ? (
          <Text key={i} bold underline>
            {cut(row.key, inner)}
          </Text>
        ) : (
          <Text key={i}>{cut(`${row.key.padEnd(keyWidth)}${row.text}`, inner)}</Text>
        ),
      )}
      {visible.length < rows.length ? <Text dimColor>{cut(`… ${rows.length - visible.length} more (a taller terminal shows all)`, inner)}</Text> : null}
      <Box flexGrow={1} />
      <Text dimColor>{cut('esc close', inner)}</Text>
    </Box>
  );
}
