import { Text } from 'ink';
import { cut } from '../../components/fitLine.js';
import type { TextField } from '../../store/slices/textField.js';

/**
 * A text's lines cut to the width, with the cursor drawn as an inverse cell when the field has
 * the keyboard. Long texts show the lines around the cursor, at most `maxLines`.
 */
export function textLines(text: string, width: number, maxLines: number, field: TextField | null): Array<{ before: string; at: string; after: string } | string> {
  const lines = text.split('\n');
  if (!field) {
    const shown = lines.slice(0, maxLines).map((l) => cut(l, width));
    if (lines.length > maxLines && maxLines > 0) shown[maxLines - 1] = cut(`${lines[maxLines - 1] ?? ''} … (${lines.length - maxLines + 1} more lines)`, width);
    return shown;
  }
  const before = text.slice(0, field.cursor);
  const cursorLine = before.split('\n').length - 1;
  const column = before.length - (before.lastIndexOf('\n') + 1);
  const first = Math.max(0, Math.min(cursorLine - maxLines + 1, lines.length - maxLines));
  return lines.slice(first, first + maxLines).map((line, i) => {
    if (first + i !== cursorLine) return cut(line, width);
    // Keep the cursor in view on a long line.
    const start = Math.max(0, column - (width - 2));
    const visible = line.slice(start);
    const at = column - start;
    return { before: visible.slice(0, at), at: visible[at] ?? ' ', after: cut(visible.slice(at + 1), Math.max(0, width - at - 1)) };
  });
}

export function TextLine({ line }: { line: { before: string; at: string; after: string } | string }) {
  if (typeof line === 'string') return <Text>{line || ' '}</Text>;
  return (
    <Text>
      {line.before}
      <Text inverse>{line.at}</Text>
      {line.after}
    </Text>
  );
}
