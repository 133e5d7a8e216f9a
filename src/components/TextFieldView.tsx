import { Box, Text } from 'ink';
import type { TextField } from '../store/slices/textField.js';
import { layoutField } from './fieldLayout.js';

/**
 * Draws any text field (see store/slices/textField.ts): wrapped to `width`, at most `maxRows`
 * rows around the cursor, the cursor as an inverse cell on the whole grapheme under it.
 */
export function TextFieldView({ field, width, maxRows = 1, focused = true, color }: { field: TextField; width: number; maxRows?: number; focused?: boolean; color?: string }) {
  const rows = layoutField(field, width, maxRows, focused);
  return (
    <Box flexDirection="column" width={width}>
      {rows.map((row, i) => (
        <Text key={i} color={color} wrap="truncate-end">
          {row.map((span, j) =>
            span.inverse ? (
              <Text key={j} inverse>
                {span.text}
              </Text>
            ) : (
              span.text || (row.length === 1 ? ' ' : '')
            ),
          )}
        </Text>
      ))}
    </Box>
  );
}
