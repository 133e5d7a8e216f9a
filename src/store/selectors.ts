import { chatTextFocused, chatUnsavedWork } from './slices/chat.js';
import { datasetHasUnsavedWork, datasetTextFocused } from './slices/dataset.js';
import { jobsTextFocused, jobsUnsavedWork } from './slices/jobs.js';
import { validationTextFocused, validationUnsavedWork } from './slices/validation.js';
import type { AppState } from './state.js';

/**
 * Why quitting now would lose something, or null when it would not. Each slice that can hold
 * work the user would miss (unsaved edits, a running chat stream) answers for itself.
 */
export function selectUnsavedWork(state: AppState): string | null {
  if (datasetHasUnsavedWork(state.dataset)) return 'The dataset has unsaved changes.';
  return validationUnsavedWork(state.validation) ?? jobsUnsavedWork(state.jobs) ?? chatUnsavedWork(state.chat);
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
