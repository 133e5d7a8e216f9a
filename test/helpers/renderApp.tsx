// The whole app rendered with ink-testing-library, driven one key at a time as a person types,
// on a clock the test moves by hand. Nothing here waits for an amount of time: keys wait for the
// app to settle (see settle.ts) and outcomes that involve I/O are waited for as conditions.
import { render } from 'ink-testing-library';
import { App } from '../../src/app.js';
import type { TerminalSize } from '../../src/components/useTerminalSize.js';
import { manualClock, type ManualClock } from '../../src/core/clock.js';
import { defaultServices, type ProviderServices } from '../../src/effects/providerContext.js';
import { PASTE_END, PASTE_START } from '../../src/keys/decode.js';
import { ProviderRoot } from '../../src/effects/ProviderRoot.js';
import { initialAppState, type AppState } from '../../src/store/state.js';
import { createStore, type Store } from '../../src/store/store.js';
import { StoreProvider } from '../../src/store/StoreProvider.js';
import { settle, until, WAIT_LIMIT_MS } from './settle.js';

/**
 * Lets Ink's input handling and React's renders and effects finish before the next key or
 * assertion. It waits for no I/O (a save, a provider call): wait for those with `waitFor`.
 * The argument is ignored (it used to be a number of milliseconds to sleep).
 */
export const tick = (_ms?: number): Promise<void> => settle();

export interface RenderedApp {
  store: Store;
  /** The clock the app's polling, elapsed time, autosave and chat batching run on: it moves only with advance(). */
  clock: ManualClock;
  lastFrame(): string;
  /** Everything the app wrote to its stdout, in order: frames, and sequences such as OSC 52. */
  writes(): readonly string[];
  /** Writes one key and waits for the app to have handled it, as a person types one key at a time. */
  press(...keys: string[]): Promise<void>;
  /** Pastes text as a terminal with bracketed paste on delivers it: between ESC[200~ and ESC[201~. */
  paste(text: string): Promise<void>;
  /** Writes a string all at once, as several keys arrive in one read (a held key, fast typing, tmux). */
  burst(text: string): Promise<void>;
  /** Waits until the frame satisfies `predicate` (a string: contains it), and returns that frame. */
  waitFor(predicate: string | RegExp | ((frame: string) => boolean), timeoutMs?: number): Promise<string>;
  /** Waits until `check` holds (a file was written, the store says so), failing with the last frame. */
  until<T>(check: () => T | false | null | undefined, timeoutMs?: number): Promise<T>;
  unmount(): void;
}

export interface ServicesForTest extends Partial<ProviderServices> {
  /** The manual clock to run the app on, e.g. the test sandbox's, so one advance moves both. A fresh one by default. */
  clock?: ManualClock;
}

/** The app with no provider (no key), on a manual clock. */
export function renderApp(state: Partial<AppState> = {}, size: TerminalSize = { columns: 100, rows: 30 }): Promise<RenderedApp> {
  return renderWithServices(state, {}, size);
}

/**
 * The app as runTui renders it: the Jobs and Chat screens get their provider (a fake, a
 * sandbox-backed one, or none) through ProviderRoot.
 */
export async function renderWithServices(
  state: Partial<AppState>,
  { clock = manualClock(), ...services }: ServicesForTest,
  size: TerminalSize = { columns: 100, rows: 30 },
): Promise<RenderedApp> {
  const store = createStore({ ...initialAppState, ...state });
  const view = render(
    <StoreProvider store={store}>
      <ProviderRoot services={{ ...defaultServices, now: () => clock.now(), timers: clock, ...services }}>
        <App size={size} />
      </ProviderRoot>
    </StoreProvider>,
  );
  await settle();
  return driveView(view, store, clock);
}

/** Keys and frames for an app rendered with ink-testing-library. */
export function driveView(view: ReturnType<typeof render>, store: Store, clock: ManualClock = manualClock()): RenderedApp {
  const lastFrame = () => view.lastFrame() ?? '';
  return {
    store,
    clock,
    lastFrame,
    writes: () => view.stdout.frames,
    async press(...keys) {
      for (const key of keys) {
        // Whatever arrived meanwhile (a provider's answer) is rendered and its handlers are in place first.
        await settle();
        view.stdin.write(key);
        await settle();
      }
    },
    async paste(text) {
      await settle();
      view.stdin.write(`${PASTE_START}${text}${PASTE_END}`);
      await settle();
    },
    async burst(text) {
      await settle();
      view.stdin.write(text);
      await settle();
    },
    waitFor(predicate, timeoutMs = WAIT_LIMIT_MS) {
      const test =
        typeof predicate === 'function' ? predicate : typeof predicate === 'string' ? (f: string) => f.includes(predicate) : (f: string) => predicate.test(f);
      return until(() => {
        const frame = lastFrame();
        return test(frame) ? frame : null;
      }, () => `waiting for ${typeof predicate === 'function' ? 'a frame' : String(predicate)}; last frame:\n${lastFrame()}`, timeoutMs);
    },
    until(check, timeoutMs = WAIT_LIMIT_MS) {
      return until(check, () => `waiting for ${check.toString().slice(0, 200)}; last frame:\n${lastFrame()}`, timeoutMs);
    },
    unmount: view.unmount,
  };
}
