// renderWithServices now lives with renderApp (one render helper, one clock); these names stay for
// the tests that import them from here.
import type { RenderedApp } from './renderApp.js';
import { WAIT_LIMIT_MS } from './settle.js';

export { renderWithServices } from './renderApp.js';

/** Waits until `predicate` holds for the frame, failing with the last frame; see RenderedApp.waitFor. */
export function waitFor(app: RenderedApp, predicate: (frame: string) => boolean, ms = WAIT_LIMIT_MS): Promise<string> {
  return app.waitFor(predicate, ms);
}
