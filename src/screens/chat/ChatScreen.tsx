import { Box, Text } from 'ink';
import { useEffect } from 'react';
import { cut } from '../../components/fitLine.js';
import { useProvider } from '../../effects/providerContext.js';
import { commandFor } from '../../keys/bindings.js';
import type { KeyPress } from '../../keys/decode.js';
import { useScreenKeys } from '../../keys/KeyRouter.js';
import { useAppState, useDispatch, useStoreApi } from '../../store/StoreProvider.js';
import { exampleFromLastExchange, lastExchange, type ChatState } from '../../store/slices/chat.js';
import type { Dispatch } from '../../store/store.js';
import { explainError } from '../explainError.js';
import { shutdownDate } from '../jobs/jobFacts.js';
import { NeedsConnection } from '../NeedsConnection.js';
import type { ScreenProps } from '../types.js';
import { chatBindings, type ChatCommand } from './bindings.js';
import { ModelPicker } from './ModelPicker.js';
import { transcriptLines, wrap } from './transcript.js';
import { editText } from '../editText.js';
import { appendExample } from './appendExample.js';

export function ChatScreen({ width, height }: ScreenProps) {
  const store = useStoreApi();
  const connection = useAppState((s) => s.connection);
  const chat = useAppState((s) => s.chat);
  const datasetPath = useAppState((s) => s.dataset.filePath);
  const { provider, services, connectSandbox } = useProvider();
  const dispatch = useDispatch();
  const connected = connection.keyPresent && provider !== null;

  useEffect(() => {
    if (connected && chat.models.requestId === 0) dispatch({ type: 'chat/modelsRequested' });
  }, [connected, chat.models.requestId, dispatch]);

  useScreenKeys('chat', (press) => {
    // Read fresh: an earlier key of the same burst may have changed the focus.
    const { chat, dataset } = store.getState();
    if (connected && chat.focus !== 'none' && chat.picker === null) return handleTyping(press, chat, dataset.filePath, dispatch);
    const command = commandFor(chatBindings, press.name);
    if (!connected) {
      if (command === 'sandbox') connectSandbox();
      return;
    }
    handleCommand(command, chat, dataset.filePath, dispatch);
  });

  if (!connected) {
    return <NeedsConnection what="Chat with a model" connection={connection} width={width} height={height} sandboxAvailable={services.startSandbox !== null} />;
  }

  const inner = Math.max(20, width - 2);
  const sandbox = connection.kind === 'sandbox';
  const shutdown = shutdownDate(chat.model, chat.models.list);
  const title = `${sandbox ? 'SANDBOX · ' : ''}Chat with ${chat.model ?? '(no model yet)'}`;
  // Fine-tune names are long: the shutdown date gets a line of its own so it is never cut off.
  const rule = shutdown ? cut(`── this model shuts down ${shutdown} ${'─'.repeat(inner)}`, inner).replace(/…$/, '─') : '─'.repeat(inner);

  if (chat.picker !== null) {
    return <ModelPicker chat={chat} width={inner} height={height} />;
  }

  const focus = chat.focus;
  // The field being typed in (message, or the corrected answer), wrapped and scrolled to its end.
  const fieldPrefix = focus === 'edit' ? 'corrected answer: ' : '› ';
  const fieldText = focus === 'edit' ? (chat.edit?.text ?? '') : chat.draft;
  const fieldLines = wrap(`${fieldPrefix}${fieldText}${focus === 'input' || focus === 'edit' ? '▍' : ''}`, inner);
  const fieldRows = Math.min(fieldLines.length, Math.max(1, Math.floor((height - 6) / 3)));
  const systemLines = focus === 'system' ? wrap(`System: ${chat.systemPrompt}▍`, inner).slice(-3) : [cut(`System: ${chat.systemPrompt || '(none; s to set one)'}`, inner)];

  // title, system prompt, separator; transcript; status, field, hints
  const transcriptRows = Math.max(1, height - 4 - systemLines.length - fieldRows);
  const lines = transcriptLines(chat, inner);
  const shown = lines.slice(-transcriptRows);

  let status: { text: string; color?: string } = { text: ' ' };
  if (chat.error !== null) status = { text: explainError(chat.error), color: 'red' };
  else if (chat.models.error !== null) status = { text: explainError(chat.models.error), color: 'red' };
  else if (chat.stream !== null) status = { text: 'Replying… (x stops)', color: 'yellow' };
  else if (chat.saved !== null) status = { text: chat.saved, color: 'green' };
  else if (chat.usage !== null) status = { text: `Last reply: ${chat.usage.promptTokens} prompt + ${chat.usage.completionTokens} completion tokens` };

  return (
    <Box flexDirection="column" paddingX={1} height={height} overflowY="hidden">
      <Text bold>{cut(title, inner)}</Text>
      {systemLines.map((line, i) => (
        <Text key={i} dimColor={focus !== 'system'} bold={focus === 'system'}>
          {line}
        </Text>
      ))}
      <Text dimColor>{rule}</Text>
      <Box flexDirection="column" height={transcriptRows}>
        {shown.length === 0 ? <Text dimColor>{cut('No messages yet. Press enter (or i) to write one.', inner)}</Text> : null}
        {shown.map((line, i) => (
          <Text key={i} color={line.role === 'user' ? 'cyan' : undefined} bold={line.first}>
            {line.text || ' '}
          </Text>
        ))}
      </Box>
      <Text color={status.color} dimColor={status.color === undefined}>
        {cut(status.text, inner)}
      </Text>
      {fieldLines.slice(-fieldRows).map((line, i) => (
        <Text key={i} color={focus === 'edit' ? 'green' : undefined} dimColor={focus !== 'input' && focus !== 'edit'}>
          {line || ' '}
        </Text>
      ))}
      <Text dimColor>{cut(hints(chat), inner)}</Text>
    </Box>
  );
}

function hints(chat: ChatState): string {
  if (chat.focus === 'edit') return 'enter adds the corrected example to the dataset · esc cancels';
  if (chat.focus !== 'none') return 'enter finishes · esc leaves the field';
  return 'enter write · m model · s system · a add example · e correct · n new chat';
}

function handleTyping(press: KeyPress, chat: ChatState, datasetPath: string | null, dispatch: Dispatch): void {
  const value = chat.focus === 'system' ? chat.systemPrompt : chat.focus === 'edit' ? (chat.edit?.text ?? '') : chat.draft;
  const result = editText(value, press);
  const submit = (text: string) => {
    if (chat.focus === 'input') dispatch({ type: 'chat/send' });
    else if (chat.focus === 'edit') appendExample(exampleFromLastExchange(chat, text), datasetPath, dispatch);
    else dispatch({ type: 'chat/focus', focus: 'none' });
  };
  switch (result.kind) {
    case 'change':
      if (chat.focus === 'system') dispatch({ type: 'chat/setSystemPrompt', text: result.value });
      else if (chat.focus === 'edit') dispatch({ type: 'chat/setEdit', text: result.value });
      else dispatch({ type: 'chat/setDraft', text: result.value });
      return;
    case 'submit':
      submit(value);
      return;
    case 'cancel':
      dispatch(chat.focus === 'edit' ? { type: 'chat/cancelEdit' } : { type: 'chat/focus', focus: 'none' });
      return;
    case 'none':
      return;
  }
}

function handleCommand(command: ChatCommand | null, chat: ChatState, datasetPath: string | null, dispatch: Dispatch): void {
  if (chat.picker !== null) {
    switch (command) {
      case 'up':
        return dispatch({ type: 'chat/movePicker', delta: -1 });
      case 'down':
        return dispatch({ type: 'chat/movePicker', delta: 1 });
      case 'write': {
        const model = chat.models.list[chat.picker.cursor];
        if (model !== undefined) dispatch({ type: 'chat/pickModel', model: model.id });
        return;
      }
      case 'back':
      case 'model':
        return dispatch({ type: 'chat/closePicker' });
      default:
        return;
    }
  }
  switch (command) {
    case 'write':
      return dispatch({ type: 'chat/focus', focus: 'input' });
    case 'system':
      return dispatch({ type: 'chat/focus', focus: 'system' });
    case 'model':
      return dispatch({ type: 'chat/openPicker' });
    case 'stop':
    case 'back':
      return dispatch({ type: 'chat/stopStream' });
    case 'append':
      return appendExample(exampleFromLastExchange(chat), datasetPath, dispatch);
    case 'correct':
      if (lastExchange(chat) !== undefined) dispatch({ type: 'chat/startEdit' });
      return;
    case 'newChat':
      return dispatch({ type: 'chat/clear' });
    case 'refresh':
      return dispatch({ type: 'chat/modelsRequested' });
    default:
      return;
  }
}
