import { initialChatState, type ChatState } from './slices/chat.js';
import { initialConnectionState, type ConnectionState } from './slices/connection.js';
import { initialDatasetState, type DatasetState } from './slices/dataset.js';
import { initialDeployState, type DeployState } from './slices/deploy.js';
import { initialJobsState, type JobsState } from './slices/jobs.js';
import { initialUiState, type UiState } from './slices/ui.js';
import { initialValidationState, type ValidationState } from './slices/validation.js';
import { initialWeightsState, type WeightsState } from './slices/weights.js';

/** All of ftui's state. Each field is a slice with its own reducer in ./slices. */
export interface AppState {
  ui: UiState;
  connection: ConnectionState;
  dataset: DatasetState;
  validation: ValidationState;
  jobs: JobsState;
  chat: ChatState;
  deploy: DeployState;
  weights: WeightsState;
}

export const initialAppState: AppState = {
  ui: initialUiState,
  connection: initialConnectionState,
  dataset: initialDatasetState,
  validation: initialValidationState,
  jobs: initialJobsState,
  chat: initialChatState,
  deploy: initialDeployState,
  weights: initialWeightsState,
};
