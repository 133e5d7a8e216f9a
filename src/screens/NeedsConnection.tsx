import { Box, Text } from 'ink';
import { cut } from '../components/fitLine.js';
import type { ConnectionState } from '../store/slices/connection.js';

/**
 * What Jobs and Chat show without an API key: plainly how to connect, and the sandbox as a way
 * to try every screen with no key and no cost. Dataset and Validate need no connection.
 */
export function NeedsConnection({
  what,
  connection,
  width,
  height = 24,
  sandboxAvailable = false,
}: {
  what: string;
  connection: ConnectionState;
  width: number;
  height?: number;
  sandboxAvailable?: boolean;
}) {
  const inner = Math.max(10, width - 2);
  const lines: { text: string; bold?: boolean; color?: string }[] = [
    connection.keyPresent
      ? { text: `${what} need a provider for this connection, and this build of ftui has none to offer.`, bold: true }
      : { text: `${what} need a connection to a fine-tuning API, and no key is set.`, bold: true },
    { text: '' },
    { text: 'To connect, quit (q) and start ftui again with one of:' },
    { text: `  export ${connection.keyEnv}=sk-...        # OpenAI` },
    { text: '  ftui --base-url https://HOST/v1      # Azure OpenAI, OpenAI-compatible' },
    { text: '  ftui --api-key-env MY_KEY            # key from another variable' },
    { text: '  or a provider profile (base URL + key variable) in the config file' },
    { text: '' },
  ];
  if (sandboxAvailable) {
    lines.push({ text: 'Or press S to start the local sandbox: a server in this process that speaks', bold: true });
    lines.push({ text: 'the same protocol. It trains nothing, costs nothing, and says SANDBOX.' });
    lines.push({ text: "ctrl+o: your saved profiles, and a sandbox of Together AI's protocol too." });
  }
  if (connection.message !== null) {
    lines.push({ text: '' });
    lines.push({ text: connection.message, color: connection.status === 'error' ? 'red' : 'yellow' });
  }
  lines.push({ text: '' });
  lines.push({ text: 'The Dataset (1) and Validate (2) screens work fully offline.' });
  return (
    <Box flexDirection="column" paddingX={1} height={height} overflowY="hidden">
      {lines.slice(0, Math.max(1, height)).map((line, i) => (
        <Text key={i} bold={line.bold ?? false} color={line.color}>
          {cut(line.text, inner) || ' '}
        </Text>
      ))}
    </Box>
  );
}
