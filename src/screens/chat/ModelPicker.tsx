import { Box, Text } from 'ink';
import { Waiting } from '../../components/Waiting.js';
import { cut } from '../../components/fitLine.js';
import type { ChatState } from '../../store/slices/chat.js';
import { explainError } from '../explainError.js';
import { shutdownDate } from '../jobs/jobFacts.js';

/** The provider's models, fine-tuned first, windowed to the rows there are. */
export function ModelPicker({ chat, width, height }: { chat: ChatState; width: number; height: number }) {
  const cursor = chat.picker?.cursor ?? 0;
  const list = chat.models.list;
  const rows = Math.max(1, height - 3);
  const start = Math.max(0, Math.min(cursor - Math.floor(rows / 2), list.length - rows));
  return (
    <Box flexDirection="column" paddingX={1} height={height} overflowY="hidden">
      <Text bold>{cut(`Choose a model (${list.length}) — enter choose · esc close`, width)}</Text>
      {chat.models.error ? <Text color="red">{cut(explainError(chat.models.error), width)}</Text> : <Text> </Text>}
      <Box flexDirection="column" height={rows}>
        {list.length === 0 ? chat.models.loading ? <Waiting text="Loading models…" width={width} /> : <Text dimColor>No models.</Text> : null}
        {list.slice(start, start + rows).map((m, i) => {
          const index = start + i;
          const date = shutdownDate(m.id, list);
          const text = `${index === cursor ? '▸' : ' '} ${m.id}${date ? `  shuts down ${date}` : ''}${m.id === chat.model ? '  (current)' : ''}`;
          return (
            <Text key={m.id} inverse={index === cursor} color={m.id.startsWith('ft:') ? 'green' : undefined}>
              {cut(text, width)}
            </Text>
          );
        })}
      </Box>
    </Box>
  );
}
