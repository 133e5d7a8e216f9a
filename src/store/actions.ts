import type { AppAction } from './slices/app.js';
import type { ConnectionAction } from './slices/connection.js';
import type { DatasetAction } from './slices/dataset.js';
import type { UiAction } from './slices/ui.js';

/** Every action in ftui. Each `type` is '<slice>/<verb>'; the prefix routes it to its slice. */
export type Action = AppAction | UiAction | ConnectionAction | DatasetAction;
