import { Box, Text } from 'ink';
import { cut } from './fitLine.js';

export function ConfirmQuit({ reason, viaCtrlC, width }: { reason: string; viaCtrlC: boolean; width: number }) {
  const inner = Math.max(10, width - 4);
  return (
    <Box flexDirection="column" borderStyle="double" borderColor="yellow" paddingX={1} width={width}>
      <Text bold>{cut('Quit ftui?', inner)}</Text>
      <Text>{cut(reason, inner)}</Text>
      <Text>{cut(viaCtrlC ? 'y or ctrl+c again: quit anyway   n / esc: stay' : 'y: quit anyway   n / esc: stay', inner)}</Text>
    </Box>
  );
}
