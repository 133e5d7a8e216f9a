import { Box, Text } from 'ink';
import { useAppState } from '../../store/StoreProvider.js';
import { NeedsConnection } from '../NeedsConnection.js';
import type { ScreenProps } from '../types.js';

export function JobsScreen({ width }: ScreenProps) {
  const connection = useAppState((s) => s.connection);
  if (!connection.keyPresent) return <NeedsConnection what="Fine-tuning jobs" connection={connection} width={width} />;
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold>Jobs</Text>
    </Box>
  );
}
