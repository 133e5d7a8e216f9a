import { initialConnectionState, type ConnectionState } from './slices/connection.js';
import { initialDatasetState, type DatasetState } from './slices/dataset.js';
import { initialUiState, type UiState } from './slices/ui.js';

/** All of ftui's state. Each field is a slice with its own reducer in ./slices. */
export interface AppState {
  ui: UiState;
  connection: ConnectionState;
  dataset: DatasetState;
}

export const initialAppState: AppState = {
  ui: initialUiState,
  connection: initialConnectionState,
  dataset: initialDatasetState,
};
