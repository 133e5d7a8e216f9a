// The Chat screen's lines in full (z): the models (long fine-tune names are cut in the title),
// the system prompt, the status line and a failed reply's error. Y copies the chat model's name.
import type { AppState } from '../../store/state.js';
import { lastAssistant, shownReply } from '../../store/slices/chat.js';
import { deploymentFor } from '../../store/slices/deploy.js';
import { deploymentLine } from '../deploy/DeployPanel.js';
import { explainError } from '../explainError.js';
import { firstOf, item, type ScreenDetails } from '../detailItems.js';

export function chatDetails(state: AppState): ScreenDetails {
  const { chat, deploy } = state;
  const last = lastAssistant(chat.turns);
  const failed = last?.columns.map((_, c) => shownReply(last, c)).find((r) => r?.state === 'failed');
  const deployment = deploymentFor(deploy, chat.model);
  const items = [
    ...item('Model', chat.model, true),
    ...item('Compared with', chat.compare.on ? chat.compare.model : null, true),
    ...item('Status', chat.notice?.text),
    ...item('Reply failed', failed?.error ? explainError(failed.error) : null),
    ...item('Models', chat.models.error ? explainError(chat.models.error) : null),
    ...item('Deployment', deployment ? deploymentLine(deployment) : null),
    ...item('Deployment', deploy.error ? explainError(deploy.error) : null),
    ...item('System prompt', chat.systemPrompt, true),
  ];
  return { items, primary: firstOf(items, ['Model']) };
}
