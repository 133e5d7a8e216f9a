import { Box, Text } from 'ink';
import { Waiting } from '../../components/Waiting.js';
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
import { appendExample } from './appendExample.js';
import { layoutField } from '../../components/fieldLayout.js';
import { TextFieldView } from '../../components/TextFieldView.js';

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
  const fieldWidth = Math.max(10, inner - fieldPrefix.length);
  // The field being typed in (message or corrected answer) is the shared text field; otherwise the draft, dimmed.
  const typingField = (focus === 'input' || focus === 'edit') && chat.field ? chat.field : null;
  const fieldLines = typingField ? [] : wrap(`${fieldPrefix}${chat.draft}`, inner);
  const maxFieldRows = Math.max(1, Math.floor((height - 6) / 3));
  const fieldRows = typingField ? Math.min(maxFieldRows, layoutField(typingField, fieldWidth, maxFieldRows).length) : Math.min(fieldLines.length, maxFieldRows);
  const systemField = focus === 'system' && chat.field ? chat.field : null;
  const systemRows = systemField ? Math.min(3, layoutField(systemField, inner - 8, 3).length) : 1;
  const systemLines = systemField ? [] : [cut(`System: ${chat.systemPrompt || '(none; s to set one)'}`, inner)];

  // title, system prompt, separator; transcript; status, field, hints
  const transcriptRows = Math.max(1, height - 4 - systemRows - fieldRows);
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
      {systemField ? (
        <Box>
          <Text bold>System: </Text>
          <TextFieldView field={systemField} width={inner - 8} maxRows={3} />
        </Box>
      ) : null}
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
      {chat.stream !== null && chat.error === null && chat.models.error === null ? (
        <Waiting text={chat.stream.text === '' ? 'Waiting for the first token… (x stops)' : 'Replying… (x stops)'} width={inner} color="yellow" />
      ) : (
        <Text color={status.color} dimColor={status.color === undefined}>
          {cut(status.text, inner)}
        </Text>
      )}
      {typingField ? (
        <Box>
          <Text color={focus === 'edit' ? 'green' : undefined}>{fieldPrefix}</Text>
          <TextFieldView field={typingField} width={fieldWidth} maxRows={fieldRows} color={focus === 'edit' ? 'green' : undefined} />
        </Box>
      ) : null}
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

/** A key in the focused field: enter sends (or finishes), esc leaves, the rest edits (alt+enter: new line). */
function handleTyping(press: KeyPress, chat: ChatState, datasetPath: string | null, dispatch: Dispatch): void {
  if (press.name === 'enter') {
    if (chat.focus === 'input') dispatch({ type: 'chat/send' });
    else if (chat.focus === 'edit') appendExample(exampleFromLastExchange(chat, chat.edit?.text ?? ''), datasetPath, dispatch);
    else dispatch({ type: 'chat/focus', focus: 'none' });
    return;
  }
  if (press.name === 'esc') {
    dispatch(chat.focus === 'edit' ? { type: 'chat/cancelEdit' } : { type: 'chat/focus', focus: 'none' });
    return;
  }
  dispatch({ type: 'chat/fieldKey', key: press });
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
