import type { AppAction } from './slices/app.js';
import type { ChatAction } from './slices/chat.js';
import type { ConnectionAction } from './slices/connection.js';
import type { DatasetAction } from './slices/dataset.js';
import type { DeployAction } from './slices/deploy.js';
import type { JobsAction } from './slices/jobs.js';
import type { UiAction } from './slices/ui.js';
import type { ValidationAction } from './slices/validation.js';
import type { WeightsAction } from './slices/weights.js';

/** Every action in ftui. Each `type` is '<slice>/<verb>'; the prefix routes it to its slice. */
export type Action =
  | AppAction
  | UiAction
  | ConnectionAction
  | DatasetAction
  | ValidationAction
  | JobsAction
  | ChatAction
  | DeployAction
  | WeightsAction;
