import { perHour } from '../core/money.js';
import { chatTextFocused, chatUnsavedWork } from './slices/chat.js';
import { datasetHasUnsavedWork, datasetTextFocused } from './slices/dataset.js';
import { billing, deployUnsavedWork } from './slices/deploy.js';
import { jobsTextFocused, jobsUnsavedWork } from './slices/jobs.js';
import { validationTextFocused, validationUnsavedWork } from './slices/validation.js';
import type { AppState } from './state.js';

/**
 * Why quitting now would lose something, or null when it would not. Each slice that can hold
 * work the user would miss (unsaved edits, a running chat stream) answers for itself.
 */
export function selectUnsavedWork(state: AppState): string | null {
  if (datasetHasUnsavedWork(state.dataset)) return 'The dataset has unsaved changes.';
  return validationUnsavedWork(state.validation) ?? jobsUnsavedWork(state.jobs) ?? chatUnsavedWork(state.chat) ?? deployUnsavedWork(state.deploy);
}

/** What quitting should ask about: unsaved work, or a deployment left up and billing. */
export function selectQuitWarning(state: AppState): string | null {
  return selectUnsavedWork(state) ?? upAndBilling(state);
}

/** An endpoint left up keeps billing after ftui exits: say so before quitting. */
function upAndBilling(state: AppState): string | null {
  const up = state.deploy.deployments.filter(billing);
  if (up.length === 0) return null;
  const d = up[0]!;
  const cost = d.usdPerHour === null ? '' : ` (${perHour(d.usdPerHour)})`;
  const stops = d.autoStopMinutes === null ? 'it does not stop by itself' : `it stops itself after ${d.autoStopMinutes} idle minutes`;
  return `The deployment ${d.chatModel} is up and billed while it is${cost}; ${stops}. X on Chat stops it.`;
}

/**
 * True while a text field of the current screen has the keyboard: then q, j, k, ?, /, digits
 * and tab are text, not commands. Only the visible screen's fields count.
 */
export function selectTextFocused(state: AppState): boolean {
  switch (state.ui.screen) {
    case 'dataset':
      return datasetTextFocused(state.dataset);
    case 'validate':
      return validationTextFocused(state.validation);
    case 'jobs':
      return jobsTextFocused(state.jobs);
    case 'chat':
      return chatTextFocused(state.chat);
  }
}
