import { Box, Text } from 'ink';
import { cut } from '../../components/fitLine.js';
import { useAppState } from '../../store/StoreProvider.js';
import type { ScreenProps } from '../types.js';

export function DatasetScreen({ width }: ScreenProps) {
  const filePath = useAppState((s) => s.dataset.filePath);
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold>Dataset</Text>
      <Text>{cut(filePath === null ? 'No dataset open. Start ftui with a file: ftui data.jsonl' : filePath, width - 2)}</Text>
    </Box>
  );
}
