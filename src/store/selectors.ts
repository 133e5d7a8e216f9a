import { datasetHasUnsavedWork, datasetTextFocused } from './slices/dataset.js';
import type { AppState } from './state.js';

/**
 * Why quitting now would lose something, or null when it would not. Each slice that can hold
 * work the user would miss (unsaved edits, a running chat stream) adds its reason here.
 */
export function selectUnsavedWork(state: AppState): string | null {
  if (datasetHasUnsavedWork(state.dataset)) return 'The dataset has unsaved changes.';
  return null;
}

/**
 * True while a text field has the keyboard: then q, j, k, ?, /, digits and tab are text, not
 * commands. Each slice with a text field adds its check here.
 */
export function selectTextFocused(state: AppState): boolean {
  return datasetTextFocused(state.dataset);
}
