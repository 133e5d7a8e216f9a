import { Box, Text } from 'ink';
import { cut } from '../../components/fitLine.js';
import type { EditorState } from '../../store/slices/datasetEditor.js';
import { rowAnalysis } from '../../core/dataset/rowResults.js';
import { TextLine, textLines } from './TextLines.js';

interface Block {
  key: string;
  header: string;
  selected: boolean;
  lines: ReturnType<typeof textLines>;
}

/** One example: its messages as blocks, the selected one in full, the one being typed with a cursor. */
export function ExampleEditor({ editor, model, width, height, title }: { editor: EditorState; model: string; width: number; height: number; title: string }) {
  const { analyzer } = rowAnalysis(model);
  if (editor.mode === 'raw') {
    const field = editor.field;
    return (
      <Box flexDirection="column">
        <Text color="red">{cut(`${title} — not valid JSON; edit the line as text (enter writes it back, esc leaves it unchanged)`, width)}</Text>
        {textLines(field?.text ?? '', width, Math.max(1, height - 1), field).map((line, i) => (
          <TextLine key={i} line={line} />
        ))}
      </Box>
    );
  }
  const typing = editor.field;
  const blocks: Block[] = editor.messages.map((m, i) => {
    const isTyping = typing?.index === i;
    const text = isTyping ? typing.text : m.content;
    const tokens = analyzer.countTokens(text);
    const weight = m.role === 'assistant' && m.weight === 0 ? ' · weight 0 (not trained)' : '';
    const structured = m.structured ? ' · parts/tool call (not editable here)' : '';
    const selected = i === editor.selected;
    return {
      key: String(i),
      header: `${selected ? '▸' : ' '} ${i + 1} ${m.role}${weight}${structured} · ${tokens} tok${isTyping ? ' · typing: enter finishes, alt+enter or ctrl+j new line, esc stops' : ''}`,
      selected,
      lines: textLines(text || (isTyping ? '' : '(empty)'), width - 4, selected ? Math.max(1, height - 4) : 2, isTyping ? typing : null),
    };
  });
  const next = editor.mode === 'author' && typing ? `Next: ${editor.messages[typing.index]?.role ?? ''}` : '';
  // Show the selected block whole, and as many neighbours as fit around it.
  const budget = Math.max(1, height - 1);
  const size = (b: Block) => 1 + b.lines.length;
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
            {b.lines.map((line, i) => (
              <TextLine key={i} line={line} />
            ))}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
