import type { Action } from './actions.js';
import { isAppAction, reduceApp } from './slices/app.js';
import { isConnectionAction, reduceConnection } from './slices/connection.js';
import { isDatasetAction, reduceDataset } from './slices/dataset.js';
import { isDeployAction, reduceDeploy } from './slices/deploy.js';
import { isChatAction, reduceChat } from './slices/chat.js';
import { isJobsAction, reduceJobs } from './slices/jobs.js';
import { isValidationAction, reduceValidation } from './slices/validation.js';
import { isUiAction, reduceUi } from './slices/ui.js';
import { isWeightsAction, reduceWeights } from './slices/weights.js';
import type { AppState } from './state.js';

/**
 * The one reducer. Pure: no I/O, no clocks, no randomness. Each slice reducer sees only its
 * own slice and returns it unchanged (same object) when nothing changed, so selectors of
 * untouched slices keep their identity and screens that read them do not re-render.
 */
export function reducer(state: AppState, action: Action): AppState {
  if (isAppAction(action)) return reduceApp(state, action);
  if (isUiAction(action)) return patch(state, 'ui', reduceUi(state.ui, action));
  if (isConnectionAction(action)) return patch(state, 'connection', reduceConnection(state.connection, action));
  if (isDatasetAction(action)) return patch(state, 'dataset', reduceDataset(state.dataset, action));
  if (isValidationAction(action)) return patch(state, 'validation', reduceValidation(state.validation, action));
  if (isJobsAction(action)) return patch(state, 'jobs', reduceJobs(state.jobs, action));
  if (isChatAction(action)) return patch(state, 'chat', reduceChat(state.chat, action));
  if (isDeployAction(action)) return patch(state, 'deploy', reduceDeploy(state.deploy, action));
  if (isWeightsAction(action)) return patch(state, 'weights', reduceWeights(state.weights, action));
  return unrouted(action);
}

function patch<K extends keyof AppState>(state: AppState, key: K, slice: AppState[K]): AppState {
  return slice === state[key] ? state : { ...state, [key]: slice };
}

/** Fails to compile when an action type has no route above. */
function unrouted(action: never): never {
  throw new Error(`no slice handles ${JSON.stringify(action)}`);
}
