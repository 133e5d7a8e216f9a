import { Box, Text } from 'ink';
import { useAppState } from '../../store/StoreProvider.js';
import { NeedsConnection } from '../NeedsConnection.js';
import type { ScreenProps } from '../types.js';

export function ChatScreen({ width }: ScreenProps) {
  const connection = useAppState((s) => s.connection);
  if (!connection.keyPresent) return <NeedsConnection what="Chat with a model" connection={connection} width={width} />;
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold>Chat</Text>
    </Box>
  );
}
