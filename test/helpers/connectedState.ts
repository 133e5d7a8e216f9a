// The app connected to an OpenAI-compatible service that nothing answers at (127.0.0.1:1), on a
// given screen: screen tests that need a connection hand it a fake provider of their own.
import { initialAppState, type AppState } from '../../src/store/state.js';

export function connectedState(screen: AppState['ui']['screen'], more: Partial<AppState> = {}): Partial<AppState> {
  return {
    ui: { ...initialAppState.ui, screen },
    connection: { ...initialAppState.connection, kind: 'custom', keyPresent: true, baseUrl: 'http://127.0.0.1:1/v1' },
    ...more,
  };
}
