// renderApp with a provider: the Jobs and Chat screens get their provider (a sandbox-backed one,
// or none) through ProviderRoot, exactly as runTui gives it to them.
import { render } from 'ink-testing-library';
import { App } from '../../src/app.js';
import type { TerminalSize } from '../../src/components/useTerminalSize.js';
import { defaultServices, type ProviderServices } from '../../src/effects/providerContext.js';
import { ProviderRoot } from '../../src/effects/ProviderRoot.js';
import { initialAppState, type AppState } from '../../src/store/state.js';
import { createStore } from '../../src/store/store.js';
import { StoreProvider } from '../../src/store/StoreProvider.js';
import { driveView, tick, type RenderedApp } from './renderApp.js';

export async function renderWithServices(
  state: Partial<AppState>,
  services: Partial<ProviderServices>,
  size: TerminalSize = { columns: 100, rows: 30 },
): Promise<RenderedApp> {
  const store = createStore({ ...initialAppState, ...state });
  const view = render(
    <StoreProvider store={store}>
      <ProviderRoot services={{ ...defaultServices, ...services }}>
        <App size={size} />
      </ProviderRoot>
    </StoreProvider>,
  );
  await tick();
  return driveView(view, store);
}

/** Waits until `predicate` holds (polling every 20 ms), failing with the last frame after `ms`. */
export async function waitFor(app: RenderedApp, predicate: (frame: string) => boolean, ms = 5000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const frame = app.lastFrame();
    if (predicate(frame)) return frame;
    if (Date.now() > deadline) throw new Error(`timed out; last frame:\n${frame}`);
    await tick(20);
  }
}
