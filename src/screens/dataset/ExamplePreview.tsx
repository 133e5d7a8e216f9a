import { Box, Text } from 'ink';
import { memo } from 'react';
import { cut } from '../../components/fitLine.js';
import { readableRow } from '../../core/dataset/exampleMessages.js';
import type { FindQuery } from '../../core/dataset/find.js';
import type { Row } from '../../core/dataset/row.js';
import { previewLines, type PreviewRow } from './previewLines.js';

/** Spans next to each other in the same style, as one: fewer nodes for Ink to lay out on each move. */
function merged(row: PreviewRow): PreviewRow {
  const out: PreviewRow = [];
  for (const span of row) {
    const last = out.at(-1);
    // An unstyled span (the indent) joins the styled one after it only when that one is plain too.
    if (last && !last.mark && !span.mark && last.color === span.color && last.bold === span.bold && last.dim === span.dim) out[out.length - 1] = { ...last, text: last.text + span.text };
    else out.push(span);
  }
  return out;
}

/** A row of the preview: its spans, a find's matches marked. Drawn again only for other spans (a found row in the list keeps its own). */
export const MarkedRow = memo(function MarkedRow({ row }: { row: PreviewRow }) {
  const spans = merged(row);
  const only = spans.length === 1 ? spans[0]! : null;
  if (only !== null && !only.mark) {
    return (
      <Text wrap="truncate-end" color={only.color} bold={only.bold} dimColor={only.dim}>
        {only.text || ' '}
      </Text>
    );
  }
  return (
    <Text wrap="truncate-end">
      {spans.map((span, i) =>
        span.mark ? (
          <Text key={i} backgroundColor="yellow" color="black">
            {span.text}
          </Text>
        ) : (
          <Text key={i} color={span.color} bold={span.bold} dimColor={span.dim}>
            {span.text}
          </Text>
        ),
      )}
      {spans.length === 0 || spans.every((s) => s.text === '') ? ' ' : ''}
    </Text>
  );
});

/**
 * The selected example's messages beside or under the list, so examples can be scanned without
 * opening them. Only the selected row is parsed (once per row object; see readableRow).
 */
export const ExamplePreview = memo(function ExamplePreview({ row, index, width, height, find, rule = false }: { row: Row; index: number; width: number; height: number; find: FindQuery | null; rule?: boolean }) {
  const lines = previewLines(readableRow(row), width, Math.max(0, height - 1), find);
  // Under the list, its title is drawn as a rule that parts the two.
  const title = `Example ${index + 1} · enter opens it · p hides this`;
  return (
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      <Text dimColor>{rule ? cut(`── ${title} ${'─'.repeat(width)}`, width).replace(/…$/, '─') : cut(title, width)}</Text>
      {lines.map((line, i) => (
        <MarkedRow key={i} row={line} />
      ))}
    </Box>
  );
});
