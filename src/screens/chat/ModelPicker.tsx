import { Box, Text } from 'ink';
import { Waiting } from '../../components/Waiting.js';
import { cut } from '../../components/fitLine.js';
import type { ModelRecord } from '../../core/domain.js';
import { isShutDown, shutdownAt, type ChatState } from '../../store/slices/chat.js';
import { explainError } from '../explainError.js';
import { formatUtc } from '../jobs/formatTime.js';

/** What the list says about a model besides its name: its base, when it shuts down, what it needs. */
export function modelTags(model: ModelRecord, now: number): string[] {
  const tags: string[] = [];
  if (model.fineTuned) tags.push(model.baseModel ? `fine-tune of ${model.baseModel}` : 'fine-tune');
  const at = shutdownAt(model);
  if (at !== null) tags.push(isShutDown(model, now) ? `SHUT DOWN ${formatUtc(at).slice(0, 10)}` : `shuts down ${formatUtc(at).slice(0, 10)}`);
  if (model.needsDeployment) tags.push('needs a deployment before chat');
  return tags;
}

/** The provider's models, fine-tuned first, shut-down ones last and marked, windowed to the rows there are. */
export function ModelPicker({ chat, width, height, now }: { chat: ChatState; width: number; height: number; now: number }) {
  const cursor = chat.picker?.cursor ?? 0;
  const side = chat.picker?.side ?? 0;
  const list = chat.models.list;
  const current = side === 0 ? chat.model : chat.compare.model;
  const rows = Math.max(1, height - 3);
  const start = Math.max(0, Math.min(cursor - Math.floor(rows / 2), list.length - rows));
  const under = list[cursor];
  // The row under the cursor in full: a long fine-tune name can cut its own row's details.
  const detail = under ? `(${modelTags(under, now).join(' · ') || 'the service\'s own model'})` : ' ';
  return (
    <Box flexDirection="column" paddingX={1} height={height} overflowY="hidden">
      <Text bold>{cut(`${side === 0 ? 'Chat with' : 'Compare with'} which model? (${list.length}) — enter choose · esc close`, width)}</Text>
      {chat.models.error ? (
        <Text color="red">{cut(explainError(chat.models.error), width)}</Text>
      ) : chat.notice?.level === 'error' ? (
        <Text color="red">{cut(chat.notice.text, width)}</Text>
      ) : (
        <Text dimColor>{cut(detail, width)}</Text>
      )}
      <Box flexDirection="column" height={rows}>
        {list.length === 0 ? chat.models.loading ? <Waiting text="Loading models…" width={width} /> : <Text dimColor>No models.</Text> : null}
        {list.slice(start, start + rows).map((m, i) => {
          const index = start + i;
          const dead = isShutDown(m, now);
          const tags = modelTags(m, now);
          const text = `${index === cursor ? '▸' : ' '} ${m.id}${tags.length ? `  ${tags.join(' · ')}` : ''}${m.id === current ? '  (current)' : ''}`;
          return (
            <Text key={m.id} inverse={index === cursor} color={dead ? 'red' : m.fineTuned ? 'green' : undefined} dimColor={dead || m.needsDeployment === true}>
              {cut(text, width)}
            </Text>
          );
        })}
      </Box>
    </Box>
  );
}
