import { Box, Text } from 'ink';
import { useEffect } from 'react';
import { cut } from '../../components/fitLine.js';
import { Waiting } from '../../components/Waiting.js';
import type { FindQuery } from '../../core/dataset/find.js';
import { analyzeRowInBackground, useBackgroundAnswers } from '../../effects/backgroundAnalysis.js';
import { lowerBound } from '../../core/sortedSearch.js';
import type { DatasetState } from '../../store/slices/dataset.js';
import { useStoreApi } from '../../store/StoreProvider.js';
import { MarkedRow } from './ExamplePreview.js';
import { findSnippet, type Snippet } from './findSnippet.js';
import { markRow, type PreviewRow } from './previewLines.js';
import { rowFacts } from './rowFacts.js';

const MARK = { error: '✗', warning: '!' } as const;

// A found row's spans, kept with its snippet (findSnippet keeps one per row and find): made anew on
// every frame, they lived into the next one (long enough to be promoted and collected as
// old-generation garbage) and made MarkedRow draw a row that had not changed.
const spansMade = new WeakMap<Snippet, { lead: string; width: number; color: string | undefined; spans: PreviewRow }>();

function markedSpans(snippet: Snippet, lead: string, width: number, color: string | undefined): PreviewRow {
  const known = spansMade.get(snippet);
  if (known !== undefined && known.lead === lead && known.width === width && known.color === color) return known.spans;
  const line = cut(lead + snippet.text, width);
  const ranges = snippet.ranges.map(([a, b]) => [a + lead.length, b + lead.length] as [number, number]);
  const spans = markRow({ text: line, start: 0 }, ranges, { ...(color ? { color } : {}) });
  spansMade.set(snippet, { lead, width, color, spans });
  return spans;
}

/**
 * The examples around the cursor, one line each: number, mark, turns, tokens, first user line.
 * With a find applied (`matches`), only the matching examples, each with the words around its
 * match, the match marked.
 */
export function ExampleList({ dataset, model, width, height, matches, find }: { dataset: DatasetState; model: string; width: number; height: number; matches: number[] | null; find: FindQuery | null }) {
  // Rows slow to analyse are worked out on the background worker; redraw as their answers come.
  useBackgroundAnswers();
  const store = useStoreApi();
  const { rows, cursor, marks } = dataset;
  const visible = Math.max(1, height);
  const count = matches === null ? rows.length : matches.length;
  const at = matches === null ? cursor : Math.min(lowerBound(matches, cursor), Math.max(0, matches.length - 1));
  const top = Math.max(0, Math.min(at - Math.floor(visible / 2), count - visible));
  const indexes = matches === null ? Array.from({ length: Math.min(visible, rows.length - top) }, (_, i) => top + i) : matches.slice(top, top + visible);
  const shown = matches === null ? rows.slice(top, top + visible) : indexes.map((i) => rows.get(i));
  const facts = shown.map((row) => rowFacts(row, model));
  useEffect(() => {
    shown.forEach((row, i) => {
      // A row edited or deleted before its turn is not worth analysing.
      if (facts[i]?.pending) void analyzeRowInBackground(row, model, () => store.getState().dataset.rows.indexOfId(row.id) >= 0);
    });
  });
  const filter = dataset.filter;
  if (matches !== null && matches.length === 0 && filter !== null) {
    if (!filter.done) return <Waiting text={`Finding… ${Math.floor((filter.scanned / Math.max(1, rows.length)) * 100)}% of ${rows.length.toLocaleString('en-US')} examples (esc stops)`} width={width} />;
    return <Text dimColor>{cut('No example matches. / changes the find, esc clears it.', width)}</Text>;
  }
  const numberWidth = String(rows.length).length;
  return (
    <Box flexDirection="column">
      {shown.map((row, i) => {
        const index = indexes[i]!;
        const fact = facts[i]!;
        const worst = marks.get(row.id) ?? fact.worst;
        const mark = worst ? MARK[worst] : ' ';
        const turns = fact.pending ? ' …' : String(fact.turns).padStart(2);
        const tokens = fact.pending ? '… tok' : fact.tokens === null ? '' : `${fact.tokens} tok`;
        const lead = `${String(index + 1).padStart(numberWidth)} ${mark} ${turns}t ${tokens.padStart(9)}  `;
        const selected = index === cursor;
        const color = worst === 'error' ? 'red' : worst === 'warning' ? 'yellow' : undefined;
        const snippet = find === null || fact.pending ? null : findSnippet(row, find, width - lead.length);
        if (snippet === null) {
          return (
            <Text key={row.id} inverse={selected} color={color}>
              {cut(lead + fact.title, width)}
            </Text>
          );
        }
        const spans = markedSpans(snippet, lead, width, color);
        return selected ? (
          <Text key={row.id} inverse>
            {spans.map((s, k) => (
              <Text key={k} underline={s.mark === true} bold={s.mark === true}>
                {s.text}
              </Text>
            ))}
          </Text>
        ) : (
          <MarkedRow key={row.id} row={spans} />
        );
      })}
    </Box>
  );
}
