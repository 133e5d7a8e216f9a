import { Box, Text } from 'ink';
import { cut } from '../../components/fitLine.js';
import type { DatasetState } from '../../store/slices/dataset.js';
import { rowFacts } from './rowFacts.js';

const MARK = { error: '✗', warning: '!' } as const;

/** The examples around the cursor, one line each: number, mark, turns, tokens, first user line. */
export function ExampleList({ dataset, model, width, height }: { dataset: DatasetState; model: string; width: number; height: number }) {
  const { rows, cursor, marks } = dataset;
  if (rows.length === 0) {
    return <Text dimColor>{cut('No examples yet. Press a to author one, i to import, S to set a default system prompt.', width)}</Text>;
  }
  const visible = Math.max(1, height);
  const top = Math.max(0, Math.min(cursor - Math.floor(visible / 2), rows.length - visible));
  const numberWidth = String(rows.length).length;
  const matches = dataset.filter?.matches ? new Set(dataset.filter.matches) : null;
  return (
    <Box flexDirection="column">
      {rows.slice(top, top + visible).map((row, i) => {
        const index = top + i;
        const facts = rowFacts(row, model);
        const worst = marks.get(row.id) ?? facts.worst;
        const mark = worst ? MARK[worst] : ' ';
        const tokens = facts.tokens === null ? '' : `${facts.tokens} tok`;
        const line = `${String(index + 1).padStart(numberWidth)} ${mark} ${String(facts.turns).padStart(2)}t ${tokens.padStart(9)}  ${facts.title}`;
        const selected = index === cursor;
        return (
          <Text key={row.id} inverse={selected} color={worst === 'error' ? 'red' : worst === 'warning' ? 'yellow' : undefined} bold={matches?.has(index) ?? false}>
            {cut(line, width)}
          </Text>
        );
      })}
    </Box>
  );
}
