import { Box, Text } from 'ink';
import { cut } from '../../components/fitLine.js';
import type { EditorField, EditorState } from '../../store/slices/datasetEditor.js';
import { rowAnalysis } from '../../core/dataset/rowResults.js';
import { analysisMayBeSlow } from '../../core/validate/slowText.js';
import { backgroundCount, useBackgroundAnswers } from '../../effects/backgroundAnalysis.js';
import { layoutField } from '../../components/fieldLayout.js';
import { TextFieldView } from '../../components/TextFieldView.js';
import type { TextField } from '../../store/slices/textField.js';
import { textLines } from './TextLines.js';
import { describeToolCalls, toolNames } from '../../core/dataset/toolJson.js';

interface Block {
  key: string;
  header: string;
  selected: boolean;
  lines: string[];
  /** The message being typed: drawn as the field, `rows` high. */
  field: { field: EditorField; rows: number } | null;
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
  const errorLine = editor.error ? <Text color="red">{cut(editor.error, width)}</Text> : null;
  if (typing?.json === 'tools') {
    return (
      <Box flexDirection="column">
        <Text bold>{cut(`${title} — tools as JSON: enter checks and keeps them, alt+enter new line, esc drops invalid JSON`, width)}</Text>
        {errorLine}
        <TextFieldView field={typing} width={width} maxRows={Math.max(1, height - 1 - (errorLine ? 1 : 0))} />
      </Box>
    );
  }
  const blocks: Block[] = editor.messages.map((m, i) => {
    const isTyping = typing?.index === i;
    const editingText = isTyping && !typing.json;
    const text = editingText ? typing.text : m.content;
    const calls = describeToolCalls(m.rest.tool_calls);
    const counts = [countOf(text), ...calls.map(countOf)];
    const tokens = counts.includes('…') ? '…' : String(counts.reduce((sum, c) => sum + Number(c), 0));
    const callTokens = calls.length;
    // No weight and weight 1 both train the message, but they are different files: say which.
    const weight = m.role !== 'assistant' || m.weight === undefined ? '' : m.weight === 0 ? ' · weight 0 (not trained)' : ` · weight ${m.weight}`;
    const toolId = m.role === 'tool' ? ` · for ${typeof m.rest.tool_call_id === 'string' ? m.rest.tool_call_id : '(no tool_call_id: t sets it)'}` : '';
    const parts = Array.isArray(m.rest.content) ? ' · content parts (not editable here)' : '';
    const selected = i === editor.selected;
    const hint = !isTyping
      ? ''
      : typing.json === 'toolCalls'
        ? ' · tool calls as JSON: enter checks and keeps them, esc drops invalid JSON'
        : typing.json === 'toolCallId'
          ? ' · tool_call_id: enter keeps it'
          : ' · typing: enter finishes, alt+enter or ctrl+j new line, esc stops';
    const callLines = calls.map((c) => cut(`→ ${c}`, width - 4));
    const content = m.structured && text === '' && calls.length > 0 ? [] : textLines(text || '(empty)', width - 4, selected ? Math.max(1, height - 4 - callLines.length) : 2);
    return {
      key: String(i),
      header: `${selected ? '▸' : ' '} ${i + 1} ${m.role}${weight}${toolId}${parts} · ${callTokens > 0 ? '~' : ''}${tokens} tok${calls.length > 0 ? ` · ${calls.length} tool call${calls.length === 1 ? '' : 's'}` : ''}${hint}`,
      selected,
      lines: isTyping && !typing.json ? [] : isTyping && typing.json === 'toolCalls' ? content : [...content, ...callLines],
      field: isTyping ? { field: typing, rows: Math.min(Math.max(1, height - 4), fieldRows(typing, width - 4)) } : null,
    };
  });
  const tools = toolNames(editor.base.tools);
  const toolsLine = tools.length > 0 ? cut(`Tools: ${tools.join(', ')} (T to view or edit)`, width) : null;
  const next = editor.mode === 'author' && typing ? `Next: ${editor.messages[typing.index]?.role ?? ''}` : '';
  // Show the selected block whole, and as many neighbours as fit around it.
  const budget = Math.max(1, height - 1 - (toolsLine ? 1 : 0) - (errorLine ? 1 : 0));
  const size = (b: Block) => 1 + (b.field ? b.field.rows : 0) + b.lines.length;
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
      {errorLine}
      {toolsLine ? <Text dimColor>{toolsLine}</Text> : null}
      {blocks.slice(first, last + 1).map((b) => (
        <Box key={b.key} flexDirection="column">
          <Text bold={b.selected} color={b.selected ? 'cyan' : undefined}>
            {cut(b.header, width)}
          </Text>
          <Box flexDirection="column" paddingLeft={4}>
            {b.field && !b.field.field.json ? <TextFieldView field={b.field.field} width={width - 4} maxRows={b.field.rows} /> : null}
            {b.lines.map((line, i) => (
              <Text key={i}>{line || ' '}</Text>
            ))}
            {b.field?.field.json ? <TextFieldView field={b.field.field} width={width - 4} maxRows={b.field.rows} /> : null}
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
