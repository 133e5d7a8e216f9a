import { Box, Text } from 'ink';
import { connectionLabel } from './connectionLabel.js';
import { cut } from './fitLine.js';
import type { ConnectionState } from '../store/slices/connection.js';

export interface ConnectionChoice {
  label: string;
  detail: string;
  /** A saved profile's name, or the protocol of a sandbox started in this process. */
  profile?: string;
  sandbox?: string;
}

/** The connections the user can switch to: saved profiles first, then the local sandboxes. */
export function connectionChoices(profiles: readonly string[], sandboxAvailable: boolean, sandboxes: readonly { protocol: string; label: string; detail: string }[] = []): ConnectionChoice[] {
  return [
    ...profiles.map((name) => ({ label: name, detail: 'saved profile', profile: name })),
    ...(sandboxAvailable ? [{ label: 'Sandbox', detail: 'a local imitation of the API; trains nothing', sandbox: 'openai' }, ...sandboxes.map((s) => ({ label: s.label, detail: s.detail, sandbox: s.protocol }))] : []),
  ];
}

export function ConnectionPicker({ choices, selected, current, width }: { choices: readonly ConnectionChoice[]; selected: number; current: ConnectionState; width: number }) {
  const inner = Math.max(10, width - 4);
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={width}>
      <Text bold>{cut('Switch connection', inner)}</Text>
      <Text dimColor>{cut(`Now: ${connectionLabel(current)}`, inner)}</Text>
      {choices.length === 0 ? (
        <Text>{cut('No saved profiles. Add them to profiles.json (see README, "Connecting"); keys stay in environment variables.', inner)}</Text>
      ) : (
        choices.map((c, i) => (
          <Text key={c.label} inverse={i === selected}>
            {cut(`${i === selected ? '▸' : ' '} ${c.label} — ${c.detail}`, inner)}
          </Text>
        ))
      )}
      <Text dimColor>{cut('enter connect · esc keep the current one', inner)}</Text>
    </Box>
  );
}
