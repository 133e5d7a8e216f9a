import { Box, Text } from 'ink';
import { cut } from '../components/fitLine.js';
import type { ConnectionState } from '../store/slices/connection.js';

/**
 * What Jobs and Chat show without an API key: plainly how to connect. Dataset and Validate
 * need no connection, so the user is pointed there too.
 */
export function NeedsConnection({ what, connection, width }: { what: string; connection: ConnectionState; width: number }) {
  const inner = Math.max(10, width - 2);
  const lines = [
    `${what} need a connection to a fine-tuning API, and no key is set.`,
    '',
    'To connect, quit (q) and start ftui again with:',
    `  export ${connection.keyEnv}=sk-...            # OpenAI`,
    '  export OPENAI_BASE_URL=https://host/v1   # Azure OpenAI or any OpenAI-compatible service',
    '  ftui --api-key-env MY_KEY_VAR            # read the key from another variable',
    '',
    'The Dataset (1) and Validate (2) screens work fully offline.',
  ];
  return (
    <Box flexDirection="column" paddingX={1}>
      {lines.map((line, i) => (
        <Text key={i} bold={i === 0}>
          {cut(line, inner) || ' '}
        </Text>
      ))}
    </Box>
  );
}
