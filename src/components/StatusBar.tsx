import { Text } from 'ink';
import { basename } from 'node:path';
import { displayKey } from '../keys/bindings.js';
import type { Binding } from '../keys/types.js';
import type { ConnectionState } from '../store/slices/connection.js';
import { connectionLabel } from './connectionLabel.js';
import { fitLine } from './fitLine.js';

export interface StatusBarProps {
  width: number;
  connection: ConnectionState;
  filePath: string | null;
  unsaved: boolean;
  /** Bindings to advertise, most important first; cut from the end to fit. */
  hints: readonly Binding[];
}

/** The bottom row: connection, open dataset (with * when unsaved), key hints. One row, always. */
export function StatusBar({ width, connection, filePath, unsaved, hints }: StatusBarProps) {
  const file = filePath === null ? 'no file' : `${basename(filePath)}${unsaved ? ' *' : ''}`;
  const hintTexts = hints.slice(0, 6).map((b) => `${displayKey(b.keys[0]!)} ${b.hint ?? b.description}`);
  const line = fitLine([connectionLabel(connection), file], hintTexts, width);
  return (
    <Text inverse wrap="truncate-end">
      {line}
    </Text>
  );
}

