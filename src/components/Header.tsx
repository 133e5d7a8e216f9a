import { Box, Text } from 'ink';
import { SCREENS, type ScreenId } from '../store/slices/ui.js';

/** The tab row: every screen with its number key, the current one highlighted. */
export function Header({ screen, width, sandbox }: { screen: ScreenId; width: number; sandbox: boolean }) {
  return (
    <Box width={width} height={1} flexShrink={0}>
      <Text bold> ftui </Text>
      {SCREENS.map((s, index) => {
        const current = s.id === screen;
        return (
          <Text key={s.id} inverse={current} bold={current} dimColor={!current}>
            {current ? '▸' : ' '}
            {index + 1} {s.title}{' '}
          </Text>
        );
      })}
      <Box flexGrow={1} />
      {sandbox ? (
        <Text color="black" backgroundColor="yellow" bold>
          {' SANDBOX '}
        </Text>
      ) : null}
    </Box>
  );
}
