import { assertNever } from '../assertNever.js';

/**
 * The open dataset. Minimal for the shell (path and unsaved mark); the Dataset screen's
 * examples, cursor, editor and undo history grow here.
 */
export interface DatasetState {
  filePath: string | null;
  dirty: boolean;
}

export type DatasetAction =
  | { type: 'dataset/opened'; filePath: string }
  | { type: 'dataset/edited' }
  | { type: 'dataset/saved' };

export const initialDatasetState: DatasetState = { filePath: null, dirty: false };

export function isDatasetAction(action: { type: string }): action is DatasetAction {
  return action.type.startsWith('dataset/');
}

export function reduceDataset(state: DatasetState, action: DatasetAction): DatasetState {
  switch (action.type) {
    case 'dataset/opened':
      return { filePath: action.filePath, dirty: false };
    case 'dataset/edited':
      return state.dirty ? state : { ...state, dirty: true };
    case 'dataset/saved':
      return state.dirty ? { ...state, dirty: false } : state;
    default:
      return assertNever(action);
  }
}

export function datasetHasUnsavedWork(state: DatasetState): boolean {
  return state.dirty;
}

/** True while a text field of the Dataset screen has the keyboard. */
export function datasetTextFocused(_state: DatasetState): boolean {
  return false;
}
