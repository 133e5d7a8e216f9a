// The Validate screen's token view: one example token by token, trained / masked / context, with
// the engine's own counts in the heading so the two never disagree.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { cut } from '../../components/fitLine.js';
import { parseExample } from '../../core/dataset/example.js';
import { analyzerFor, resolveModel } from '../../core/validate/index.js';
import { tokenView, type TokenView } from '../../core/validate/tokenView.js';
import type { ExampleFigures } from '../../core/validate/types.js';
import { rowIsSlow, rowTooLong } from '../../core/dataset/rowResults.js';
import { backgroundTokenView, useBackgroundAnswers } from '../../effects/backgroundAnalysis.js';
import { Waiting } from '../../components/Waiting.js';
import type { Store } from '../../store/store.js';
import { tokenRows } from './tokenLines.js';

const n = new Intl.NumberFormat('en-US');

const KIND_COLOR = { trained: 'green', masked: 'yellow', context: undefined } as const;
/** Rows of tokens shown per message in the token view. */
const SEGMENT_ROWS = 4;

export function TokenPanel({ store, target, model, width, height }: { store: Store; target: { line: number; path: string | null } | null; model: string; width: number; height: number }) {
  // A slow row's view is worked out on the background worker; redraw when it arrives.
  useBackgroundAnswers();
  const { dataset } = store.getState();
  const index = target ? target.line - 1 : dataset.cursor;
  const row = index >= 0 && index < dataset.rows.length ? dataset.rows.get(index) : null;
  const facts = resolveModel(model);
  let view: TokenView | null = null;
  let figures: ExampleFigures | null = null;
  if (row && facts && rowTooLong(row) === null) {
    if (rowIsSlow(row)) {
      const answer = backgroundTokenView(row, facts.id, index + 1);
      if (!answer) return <Waiting text={`Counting the tokens of example ${index + 1} in the background…`} width={width} />;
      ({ view, figures } = answer);
    } else {
      const parsed = parseExample(row.text);
      view = parsed.ok ? tokenView(parsed.value, facts.encoding) : null;
      // The figures are the engine's own for this line (what `ftui validate --json` adds up); the
      // segments below show which text they come from.
      figures = view ? analyzerFor(facts).analyzeText(row.text, index + 1).figures : null;
    }
  }
  if (!view || !row || !facts) return <Text dimColor>{cut(`Line ${index + 1} has no messages to show token by token.`, width)}</Text>;
  const rest = figures ? figures.contextTokens - view.counts.context - view.counts.masked : 0;
  const lines: ReactNode[] = [
    <Text key="figures">
      {cut(
        figures
          ? `Example ${index + 1}: ${n.format(figures.billedTokens)} billed tokens = ${n.format(figures.trainedTokens)} trained + ${n.format(figures.contextTokens)} context`
          : `Example ${index + 1}: ${n.format(view.counts.trained)} trained tokens (the engine cannot count this line; see its findings)`,
        width,
      )}
    </Text>,
    <Text key="context">
      {cut(figures ? `  context = ${n.format(view.counts.masked)} masked + ${n.format(view.counts.context)} input text + ${n.format(rest)} roles, formatting, tools` : '', width)}
    </Text>,
    ...(figures && figures.estimatedToolTokens > 0
      ? [
          <Text key="tools">
            {cut(
              `  billed = ${n.format(figures.toolDefinitionTokens)} tool definitions + ${n.format(figures.toolCallTokens)} tool calls (estimated) + ${n.format(figures.billedTokens - figures.estimatedToolTokens)} messages`,
              width,
            )}
          </Text>,
        ]
      : []),
    <Text key="legend" dimColor>
      {cut('TRAINED teaches the model · MASKED (weight 0) and CONTEXT are read, not learned · all are billed', width)}
    </Text>,
  ];
  for (const [i, segment] of view.segments.entries()) {
    if (lines.length >= height) break;
    lines.push(
      <Text key={`s${i}`} bold color={KIND_COLOR[segment.kind]}>
        {cut(`${segment.role} · ${segment.kind.toUpperCase()} · ${segment.count + segment.fixed} tokens${segment.fixed ? ` (${segment.fixed} for ${segment.role === 'tools' ? 'the tools section around them' : 'the calls themselves'})` : ''}`, width)}
      </Text>,
    );
    // A long message gets a few rows, so the messages after it still show.
    const room = Math.min(SEGMENT_ROWS, height - lines.length);
    const laid = tokenRows(segment.tokens, width - 2, room);
    const rows = laid.rows;
    // Tokens beyond the ones worked out for showing are hidden too.
    const hidden = laid.hidden + (segment.count - segment.tokens.length);
    for (const [r, text] of rows.entries()) {
      const more = hidden > 0 && r === rows.length - 1 ? ` … ${n.format(hidden)} more` : '';
      lines.push(
        <Text key={`s${i}-${r}`} color={KIND_COLOR[segment.kind]} dimColor={segment.kind === 'context'}>
          {'  '}
          {more ? cut(text, width - 2 - more.length) + more : text}
        </Text>,
      );
    }
  }
  return <Box flexDirection="column">{lines.slice(0, height)}</Box>;
}

