import { render } from 'ink-testing-library';
import { App } from '../../src/app.js';
import { PASTE_END, PASTE_START } from '../../src/keys/decode.js';
import type { TerminalSize } from '../../src/components/useTerminalSize.js';
import { initialAppState, type AppState } from '../../src/store/state.js';
import { createStore, type Store } from '../../src/store/store.js';
import { StoreProvider } from '../../src/store/StoreProvider.js';

/** Lets Ink's input handling and React's commit run before the next key or assertion. */
export const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RenderedApp {
  store: Store;
  lastFrame(): string;
  /** Writes one key and waits for it to be handled, as a person types one key at a time. */
  press(...keys: string[]): Promise<void>;
  /** Pastes text as a terminal with bracketed paste on delivers it: between ESC[200~ and ESC[201~. */
  paste(text: string): Promise<void>;
  /** Writes a string all at once, as several keys arrive in one read (a held key, fast typing, tmux). */
  burst(text: string): Promise<void>;
  unmount(): void;
}

export async function renderApp(
  state: Partial<AppState> = {},
  size: TerminalSize = { columns: 100, rows: 30 },
): Promise<RenderedApp> {
  const store = createStore({ ...initialAppState, ...state });
  const view = render(
    <StoreProvider store={store}>
      <App size={size} />
    </StoreProvider>,
  );
  await tick();
  return driveView(view, store);
}

/** Keys and frames for an app rendered with ink-testing-library, one key at a time as a person types. */
export function driveView(view: ReturnType<typeof render>, store: Store): RenderedApp {
  return {
    store,
    lastFrame: () => view.lastFrame() ?? '',
    async press(...keys) {
      for (const key of keys) {
        view.stdin.write(key);
        // A lone Esc waits for a possible escape sequence before it is delivered.
        await tick(key === '\u001B' ? 60 : 20);
      }
    },
    async paste(text) {
      view.stdin.write(`${PASTE_START}${text}${PASTE_END}`);
      await tick();
    },
    async burst(text) {
      view.stdin.write(text);
      await tick();
    },
    unmount: view.unmount,
  };
}
