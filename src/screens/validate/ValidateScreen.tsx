import { Box, Text } from 'ink';
import { cut } from '../../components/fitLine.js';
import { useAppState } from '../../store/StoreProvider.js';
import type { ScreenProps } from '../types.js';

export function ValidateScreen({ width }: ScreenProps) {
  const filePath = useAppState((s) => s.dataset.filePath);
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold>Validate</Text>
      <Text>{cut(filePath === null ? 'Open a dataset to validate it.' : `Validation of ${filePath}`, width - 2)}</Text>
    </Box>
  );
}
