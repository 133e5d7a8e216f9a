import { Box, Text } from 'ink';
import { cut } from '../../components/fitLine.js';
import type { EditorState } from '../../store/slices/datasetEditor.js';
import { rowAnalysis } from '../../core/dataset/rowResults.js';
import { analysisMayBeSlow } from '../../core/validate/slowText.js';
import { backgroundCount, useBackgroundAnswers } from '../../effects/backgroundAnalysis.js';
import { layoutField } from '../../components/fieldLayout.js';
import { TextFieldView } from '../../components/TextFieldView.js';
import type { TextField } from '../../store/slices/textField.js';
import { textLines } from './TextLines.js';

interface Block {
  key: string;
  header: string;
  selected: boolean;
  lines: string[];
  /** The message being typed: drawn as the field, `rows` high. */
  field: { field: TextField; rows: number } | null;
}

/** One example: its messages as blocks, the selected one in full, the one being typed with a cursor. */
export function ExampleEditor({ editor, model, width, height, title }: { editor: EditorState; model: string; width: number; height: number; title: string }) {
  const { analyzer } = rowAnalysis(model);
  // Long messages are counted on the background worker, so typing in one never waits for the tokenizer.
  useBackgroundAnswers();
  const countOf = (text: string): string => {
    const n = analysisMayBeSlow(text) ? backgroundCount(text, analyzer.model.id) : analyzer.countTokens(text);
    return n === undefined ? '…' : String(n);
  };
  if (editor.mode === 'raw') {
    const field = editor.field;
    return (
      <Box flexDirection="column">
        <Text color="red">{cut(`${title} — not valid JSON; edit the line as text (enter writes it back, esc leaves it unchanged)`, width)}</Text>
        {field ? <TextFieldView field={field} width={width} maxRows={Math.max(1, height - 1)} /> : null}
      </Box>
    );
  }
  const typing = editor.field;
  const blocks: Block[] = editor.messages.map((m, i) => {
    const isTyping = typing?.index === i;
    const text = isTyping ? typing.text : m.content;
    const tokens = countOf(text);
    const weight = m.role === 'assistant' && m.weight === 0 ? ' · weight 0 (not trained)' : '';
    const structured = m.structured ? ' · parts/tool call (not editable here)' : '';
    const selected = i === editor.selected;
    return {
      key: String(i),
      header: `${selected ? '▸' : ' '} ${i + 1} ${m.role}${weight}${structured} · ${tokens} tok${isTyping ? ' · typing: enter finishes, alt+enter or ctrl+j new line, esc stops' : ''}`,
      selected,
      lines: isTyping ? [] : textLines(text || '(empty)', width - 4, selected ? Math.max(1, height - 4) : 2),
      field: isTyping ? { field: typing, rows: Math.min(Math.max(1, height - 4), fieldRows(typing, width - 4)) } : null,
    };
  });
  const next = editor.mode === 'author' && typing ? `Next: ${editor.messages[typing.index]?.role ?? ''}` : '';
  // Show the selected block whole, and as many neighbours as fit around it.
  const budget = Math.max(1, height - 1);
  const size = (b: Block) => 1 + (b.field ? b.field.rows : b.lines.length);
  let first = editor.selected;
  let last = editor.selected;
  let used = blocks[editor.selected] ? size(blocks[editor.selected] as Block) : 0;
  while (true) {
    const below = blocks[last + 1];
    const above = blocks[first - 1];
    if (below && used + size(below) <= budget) {
      last++;
      used += size(below);
    } else if (above && used + size(above) <= budget) {
      first--;
      used += size(above);
    } else break;
  }
  return (
    <Box flexDirection="column">
      <Text bold>{cut(`${title}${next ? ` — ${next}` : ''}`, width)}</Text>
      {blocks.slice(first, last + 1).map((b) => (
        <Box key={b.key} flexDirection="column">
          <Text bold={b.selected} color={b.selected ? 'cyan' : undefined}>
            {cut(b.header, width)}
          </Text>
          <Box flexDirection="column" paddingLeft={4}>
            {b.field ? <TextFieldView field={b.field.field} width={width - 4} maxRows={b.field.rows} /> : null}
            {b.lines.map((line, i) => (
              <Text key={i}>{line || ' '}</Text>
            ))}
          </Box>
        </Box>
      ))}
    </Box>
  );
}

/** Rows the field needs at this width (to size its block): its layout with room to spare. */
function fieldRows(field: TextField, width: number): number {
  return layoutField(field, width, 1000).length;
}
