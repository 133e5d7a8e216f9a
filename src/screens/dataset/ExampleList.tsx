import { Box, Text } from 'ink';
import { useEffect } from 'react';
import { cut } from '../../components/fitLine.js';
import { analyzeRowInBackground, useBackgroundAnswers } from '../../effects/backgroundAnalysis.js';
import type { DatasetState } from '../../store/slices/dataset.js';
import { useStoreApi } from '../../store/StoreProvider.js';
import { rowFacts } from './rowFacts.js';

const MARK = { error: '✗', warning: '!' } as const;

/** The examples around the cursor, one line each: number, mark, turns, tokens, first user line. */
export function ExampleList({ dataset, model, width, height }: { dataset: DatasetState; model: string; width: number; height: number }) {
  // Rows slow to analyse are worked out on the background worker; redraw as their answers come.
  useBackgroundAnswers();
  const store = useStoreApi();
  const { rows, cursor, marks } = dataset;
  const visible = Math.max(1, height);
  const top = Math.max(0, Math.min(cursor - Math.floor(visible / 2), rows.length - visible));
  const shown = rows.slice(top, top + visible);
  const facts = shown.map((row) => rowFacts(row, model));
  useEffect(() => {
    shown.forEach((row, i) => {
      // A row edited or deleted before its turn is not worth analysing.
      if (facts[i]?.pending) void analyzeRowInBackground(row, model, () => store.getState().dataset.rows.indexOfId(row.id) >= 0);
    });
  });
  if (rows.length === 0) {
    return <Text dimColor>{cut('No examples yet. Press a to author one, i to import, S to set a default system prompt.', width)}</Text>;
  }
  const numberWidth = String(rows.length).length;
  const matches = dataset.filter?.matches ? new Set(dataset.filter.matches) : null;
  return (
    <Box flexDirection="column">
      {shown.map((row, i) => {
        const index = top + i;
        const fact = facts[i]!;
        const worst = marks.get(row.id) ?? fact.worst;
        const mark = worst ? MARK[worst] : ' ';
        const turns = fact.pending ? ' …' : String(fact.turns).padStart(2);
        const tokens = fact.pending ? '… tok' : fact.tokens === null ? '' : `${fact.tokens} tok`;
        const line = `${String(index + 1).padStart(numberWidth)} ${mark} ${turns}t ${tokens.padStart(9)}  ${fact.title}`;
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
