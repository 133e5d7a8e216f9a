import { Box, Text } from 'ink';
import { useEffect, useRef } from 'react';
import { cut } from '../../components/fitLine.js';
import { layoutField } from '../../components/fieldLayout.js';
import { TextFieldView } from '../../components/TextFieldView.js';
import { Waiting } from '../../components/Waiting.js';
import { sharedSystemPrompt } from '../../core/dataset/sharedSystemPrompt.js';
import { useProvider } from '../../effects/providerContext.js';
import { useScreenKeys } from '../../keys/KeyRouter.js';
import { isStreaming, lastAssistant, shownReply, type ChatState } from '../../store/slices/chat.js';
import { useAppState, useDispatch, useStoreApi } from '../../store/StoreProvider.js';
import { explainError } from '../explainError.js';
import { shutdownDate } from '../jobs/jobFacts.js';
import { NeedsConnection } from '../NeedsConnection.js';
import type { ScreenProps } from '../types.js';
import { handleChatKey } from './chatKeys.js';
import { ModelPicker } from './ModelPicker.js';
import { replyFigures, transcriptLines, wrap, type Line } from './transcript.js';
import { commandFor } from '../../keys/bindings.js';
import { chatBindings } from './bindings.js';
import { billing, deploymentFor, type DeployState } from '../../store/slices/deploy.js';
import { DeployPanel, deploymentLine, stopLine, stopVerb } from '../deploy/DeployPanel.js';
import { deployCommand, handleDeployKey } from '../deploy/deployKeys.js';

const FIELD_PREFIX = { input: '› ', edit: 'corrected reply: ', path: '', system: '', none: '› ' } as const;
const PATH_LABEL = { preferences: 'Preference pairs go to (DPO file): ', save: 'Save the conversation to: ', load: 'Open a saved conversation: ' } as const;

export function ChatScreen({ width, height }: ScreenProps) {
  const store = useStoreApi();
  const connection = useAppState((s) => s.connection);
  const chat = useAppState((s) => s.chat);
  const deploy = useAppState((s) => s.deploy);
  const dataset = useAppState((s) => s.dataset);
  const { provider, services, connectSandbox } = useProvider();
  const dispatch = useDispatch();
  const connected = connection.keyPresent && provider !== null;
  const layout = useRef({ lines: 0, rows: 1 });

  useEffect(() => {
    if (connected && chat.models.requestId === 0) dispatch({ type: 'chat/modelsRequested' });
  }, [connected, chat.models.requestId, dispatch]);

  // The model is tried the way it was trained: the system prompt the open dataset's examples share.
  const followDataset = chat.systemSource.kind !== 'user';
  useEffect(() => {
    if (!followDataset || dataset.filePath === null || dataset.status !== 'ready') return;
    // The same look as a new example's on the Dataset screen (the first rows of the file).
    const shared = sharedSystemPrompt(dataset.rows);
    dispatch({ type: 'chat/datasetSystemPrompt', path: dataset.filePath, prompt: shared && { text: shared.prompt, shared: shared.count, of: shared.of } });
  }, [followDataset, dataset.filePath, dataset.status, dataset.rows, dispatch]);

  // Deployments left up (from this session or earlier) are listed, so they can be stopped here.
  const canDeploy = connected && provider.capabilities.deployments;
  useEffect(() => {
    if (canDeploy && deploy.listRequest === 0) dispatch({ type: 'deploy/listRequested' });
  }, [canDeploy, deploy.listRequest, dispatch]);

  useScreenKeys('chat', (press) => {
    // While a deployment offer or a stop question is open, its keys decide; D and X start them.
    const { chat, deploy } = store.getState();
    if (connected && handleDeployKey(press.name, deploy, dispatch)) return;
    const command = commandFor(chatBindings, press.name);
    if (connected && chat.focus === 'none' && chat.picker === null && (command === 'deploy' || command === 'stopDeployment')) {
      // Only a model that cannot answer without a deployment is offered one.
      if (command === 'deploy' && chat.models.list.find((m) => m.id === chat.model)?.needsDeployment !== true) return;
      return deployCommand(command, chat.model, deploy, provider.capabilities.deployments, dispatch);
    }
    handleChatKey(press, { store, connected, now: services.now, connectSandbox, layout: layout.current });
  });

  if (!connected) {
    return <NeedsConnection what="Chat with a model" connection={connection} width={width} height={height} sandboxAvailable={services.startSandbox !== null} />;
  }

  const inner = Math.max(20, width - 2);
  if (chat.picker !== null) return <ModelPicker chat={chat} width={inner} height={height} now={services.now()} />;
  if (deploy.offer !== null) return <DeployPanel deploy={deploy} width={width} height={height} />;

  const focus = chat.focus;
  const header = headerLines(chat, connection.kind === 'sandbox', inner);

  // The field being typed in: the message, the correction or a path, wrapped, at most a third of the screen.
  const typingField = focus !== 'none' && focus !== 'system' && chat.field ? chat.field : null;
  const prefix = focus === 'path' && chat.path ? PATH_LABEL[chat.path.purpose] : FIELD_PREFIX[focus];
  const fieldWidth = Math.max(10, inner - prefix.length);
  const maxFieldRows = Math.max(1, Math.floor((height - 6) / 3));
  const draftLines = typingField ? [] : wrap(`› ${chat.draft}`, inner);
  const fieldRows = typingField ? Math.min(maxFieldRows, layoutField(typingField, fieldWidth, maxFieldRows).length) : Math.min(draftLines.length, maxFieldRows);
  const systemField = focus === 'system' && chat.field ? chat.field : null;
  const systemRows = systemField ? Math.min(3, layoutField(systemField, inner - 8, 3).length) : 1;

  const fineTuned = (model: string) => chat.models.list.find((m) => m.id === model)?.fineTuned ?? model.startsWith('ft:');
  const streaming = isStreaming(chat.turns);
  // The deployment behind the chosen model (a stopped one too, so it is plain why it no longer
  // answers), or that it cannot answer before one: shown where the rule goes.
  const deployment = deploymentFor(deploy, chat.model) ?? deploy.deployments.find((d) => d.chatModel === chat.model);
  const needsDeploy = chat.models.list.find((m) => m.id === chat.model)?.needsDeployment === true && deployment?.state !== 'ready';
  const deployInfo = deployment ? deploymentLine(deployment) : needsDeploy ? 'This fine-tune answers only once deployed: D shows what it costs and deploys it' : null;
  const status = deployStatus(deploy) ?? statusLine(chat, fineTuned);
  // A long message (a path, a model name) gets a second row rather than being cut.
  const wrapped = streaming && chat.notice === null ? [] : wrap(status.text, inner);
  const statusRows = wrapped.length > 2 ? [wrapped[0]!, cut(wrapped.slice(1).join(' '), inner)] : wrapped;
  // title, system prompt, rule; transcript; status, field, hints
  const transcriptRows = Math.max(1, height - 3 - Math.max(1, statusRows.length) - systemRows - fieldRows);
  const lines = transcriptLines(chat.turns, { width: inner, fineTuned });
  const bottom = Math.max(0, lines.length - transcriptRows);
  const top = chat.scrollTop === null ? bottom : Math.min(chat.scrollTop, bottom);
  layout.current = { lines: lines.length, rows: transcriptRows };
  const shown = lines.slice(top, top + transcriptRows);
  const below = lines.length - (top + shown.length);
  const rule =
    below > 0
      ? cut(`── ${below} more line${below === 1 ? '' : 's'} below · G follows the end ${'─'.repeat(inner)}`, inner).replace(/…$/, '─')
      : deployInfo !== null
        ? cut(`── ${deployInfo} ${'─'.repeat(inner)}`, inner).replace(/…$/, '─')
        : header.rule;

  return (
    <Box flexDirection="column" paddingX={1} height={height} overflowY="hidden">
      <Text bold>{header.title}</Text>
      {systemField ? (
        <Box>
          <Text bold>System: </Text>
          <TextFieldView field={systemField} width={inner - 8} maxRows={3} />
        </Box>
      ) : (
        <Text dimColor>{header.system}</Text>
      )}
      <Text dimColor={deployInfo === null || below > 0} color={below === 0 && deployment && billing(deployment) ? 'yellow' : undefined}>
        {rule}
      </Text>
      <Box flexDirection="column" height={transcriptRows}>
        {shown.length === 0 ? <Text dimColor>{cut(emptyHint(chat), inner)}</Text> : null}
        {shown.map((line, i) => (
          <LineView key={top + i} line={line} />
        ))}
      </Box>
      {streaming && chat.notice === null ? (
        <Waiting text={waitingText(chat)} width={inner} color="yellow" />
      ) : (
        statusRows.map((row, i) => (
          <Text key={i} color={status.color} dimColor={status.color === undefined}>
            {row || ' '}
          </Text>
        ))
      )}
      {typingField ? (
        <Box>
          <Text color={focus === 'edit' ? 'green' : undefined} bold={focus === 'path'}>
            {prefix}
          </Text>
          <TextFieldView field={typingField} width={fieldWidth} maxRows={fieldRows} color={focus === 'edit' ? 'green' : undefined} />
        </Box>
      ) : null}
      {draftLines.slice(-fieldRows).map((line, i) => (
        <Text key={i} dimColor>
          {line || ' '}
        </Text>
      ))}
      <Text dimColor>{cut(hints(chat) + (chat.focus !== 'none' ? '' : needsDeploy ? ' · D deploy' : deployment && billing(deployment) ? ` · X ${stopVerb(deploy)} deployment` : ''), inner)}</Text>
    </Box>
  );
}

/** A stop waiting for y, or a deployment failure, before the chat's own status. */
function deployStatus(deploy: DeployState): { text: string; color?: string } | null {
  const stop = stopLine(deploy, deploy.deployments.find((x) => x.id === deploy.stop?.id)?.chatModel);
  if (stop !== null) return stop;
  return deploy.error !== null ? { text: explainError(deploy.error), color: 'red' } : null;
}

function LineView({ line }: { line: Line }) {
  // Most rows are one span: drawn as one Text, without a nested one per span (a long reply
  // streaming in redraws every row of it).
  if (line.length === 1) {
    const [span] = line as [Line[number]];
    return (
      <Text wrap="truncate-end" color={span.color} bold={span.bold} dimColor={span.dim} inverse={span.inverse}>
        {span.text || ' '}
      </Text>
    );
  }
  return (
    <Text wrap="truncate-end">
      {line.map((span, i) => (
        <Text key={i} color={span.color} bold={span.bold} dimColor={span.dim} inverse={span.inverse}>
          {span.text}
        </Text>
      ))}
      {line.length === 0 || line.every((s) => s.text === '') ? ' ' : ''}
    </Text>
  );
}

function headerLines(chat: ChatState, sandbox: boolean, inner: number): { title: string; system: string; rule: string } {
  const model = chat.model ?? '(no model yet: m chooses)';
  const what = chat.compare.on && chat.compare.model !== null ? `Compare ${model} with ${chat.compare.model}` : `Chat with ${model}`;
  const title = cut(`${sandbox ? 'SANDBOX · ' : ''}${what}`, inner);
  const source = chat.systemSource.kind === 'dataset' ? ` (shared by ${chat.systemSource.shared} of ${chat.systemSource.of} dataset examples)` : '';
  const system = cut(`System: ${chat.systemPrompt.replace(/\s*\n\s*/g, ' ⏎ ') || '(none; s to set one)'}${source}`, inner);
  const shutdown = shutdownDate(chat.model, chat.models.list);
  // Fine-tune names are long: the shutdown date gets a line of its own so it is never cut off.
  const rule = shutdown ? cut(`── this model shuts down ${shutdown} ${'─'.repeat(inner)}`, inner).replace(/…$/, '─') : '─'.repeat(inner);
  return { title, system, rule };
}

function emptyHint(chat: ChatState): string {
  if (chat.model === null && chat.models.loading) return 'Loading the models…';
  if (chat.compare.on) return 'No messages yet. Press enter (or i) to write one: both models answer it side by side.';
  return 'No messages yet. Press enter (or i) to write one; c compares with the base model.';
}

function waitingText(chat: ChatState): string {
  const last = lastAssistant(chat.turns);
  const waiting = last?.columns.filter((c) => c.some((r) => r.state === 'streaming' && r.text === '')).length ?? 0;
  return waiting > 0 ? 'Waiting for the first token… (x stops)' : 'Replying… (x stops)';
}

function statusLine(chat: ChatState, fineTuned: (model: string) => boolean): { text: string; color?: string } {
  if (chat.notice !== null) return { text: chat.notice.text, color: chat.notice.level === 'error' ? 'red' : chat.notice.level === 'success' ? 'green' : undefined };
  const last = lastAssistant(chat.turns);
  const failed = last?.columns.map((_, c) => shownReply(last, c)).find((r) => r?.state === 'failed');
  if (failed?.error) return { text: explainError(failed.error), color: 'red' };
  if (chat.models.error !== null) return { text: explainError(chat.models.error), color: 'red' };
  if (last === undefined) return { text: ' ' };
  if (last.columns.length > 1) return { text: '←/→ pick a reply · p prefer it (DPO pair) · a add the conversation · r ask again' };
  const reply = shownReply(last);
  if (reply?.usage) return { text: `Last reply: ${reply.usage.promptTokens} prompt + ${reply.usage.completionTokens} completion tokens · ${replyFigures(reply, fineTuned(reply.model), false)}` };
  return { text: ' ' };
}

function hints(chat: ChatState): string {
  switch (chat.focus) {
    case 'edit':
      return 'enter adds the conversation with this reply to the dataset · alt+enter new line · esc cancels';
    case 'path':
      return 'enter confirms · esc cancels';
    case 'input':
      return 'enter sends · alt+enter new line · PgUp/PgDn scroll · esc leaves the field';
    case 'system':
      return 'enter finishes · alt+enter new line · esc leaves the field';
    case 'none':
      return chat.compare.on
        ? 'enter write · ←/→ pick · p prefer · a add · r again · [ ] versions · C model 2 · ? more'
        : 'enter write · m model · c compare · a add · e correct · r again · s system · ? more';
  }
}
