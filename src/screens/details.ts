// What the detail view (z) shows for the screen on show, and what y (in it) or Y (anywhere)
// copies: each screen says which of its lines may be cut to fit (ids, model names, errors,
// events, checkpoints, paths, findings), and the shell adds the notice line and the connection.
import { connectionLabel } from '../components/connectionLabel.js';
import type { AppState } from '../store/state.js';
import { item, type ScreenDetails } from './detailItems.js';
import { SCREENS } from '../store/slices/ui.js';
import { chatDetails } from './chat/details.js';
import { datasetDetails } from './dataset/details.js';
import { jobsDetails } from './jobs/details.js';
import { validateDetails } from './validate/details.js';

export function screenDetails(state: AppState): ScreenDetails & { title: string } {
  const title = SCREENS.find((s) => s.id === state.ui.screen)!.title;
  const own = ownDetails(state);
  const c = state.connection;
  const shared = [
    ...item('Notice', state.ui.notice?.text),
    ...item('Connection', [connectionLabel(c), c.baseUrl, c.message].filter(Boolean).join(' · ')),
    ...item('Base URL', c.baseUrl, true),
  ];
  return { title, items: [...own.items, ...shared], primary: own.primary };
}

function ownDetails(state: AppState): ScreenDetails {
  switch (state.ui.screen) {
    case 'dataset':
      return datasetDetails(state);
    case 'validate':
      return validateDetails(state);
    case 'jobs':
      return jobsDetails(state);
    case 'chat':
      return chatDetails(state);
  }
}

