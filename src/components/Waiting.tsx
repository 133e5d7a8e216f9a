import { Text } from 'ink';
import Spinner from 'ink-spinner';
import { cut } from './fitLine.js';

/** One line for anything ftui waits on (opening, validating, uploading, a first token): a spinner and what it waits for. */
export function Waiting({ text, width, color }: { text: string; width: number; color?: string | undefined }) {
  return (
    <Text color={color}>
      <Spinner type="dots" /> {cut(text, Math.max(1, width - 2))}
    </Text>
  );
}
