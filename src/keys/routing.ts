// Where each key goes, without React: to the shell first, then to the handler of the screen on
// show. A screen registers its handler in an effect, after its first render, so a key that comes
// in the same read as the key that switched to it ("1j" from Validate) finds no handler yet. Such
// a key waits, and every key after it waits too (a waiting "/" may open a field the next "q" must
// be typed into, not quit), until the screen registers; then they are routed in order, as if they
// had just come. Keys wait only for a screen the shell has not drawn yet (a render is on its way):
// a drawn screen without a handler never holds the shell's keys, and at most MAX_WAITING_KEYS wait.
import type { Store } from '../store/store.js';
import type { ScreenId } from '../store/slices/ui.js';
import type { KeyPress } from './decode.js';

export const MAX_WAITING_KEYS = 256;

type HandlerRef = { current: (press: KeyPress) => void };

/** A key held back; `screen` for the first one, which the shell has already seen and which was meant for that screen. */
interface Held {
  press: KeyPress;
  screen: ScreenId | null;
}

export interface KeyRouting {
  /** Routes the keys of one read, in order, drawn as one frame. */
  route(keys: readonly KeyPress[]): void;
  register(screen: ScreenId, handler: HandlerRef): void;
  unregister(screen: ScreenId, handler: HandlerRef): void;
  /** The shell has drawn `screen` and run the effects of that render. */
  drawn(screen: ScreenId): void;
  /** Keys waiting for a screen's handler (for tests). */
  waiting(): number;
}

export function createKeyRouting(store: Store, shell: (press: KeyPress) => boolean): KeyRouting {
  const screens = new Map<ScreenId, HandlerRef>();
  let drawnScreen: ScreenId | null = null;
  let waiting: { screen: ScreenId; keys: Held[] } | null = null;

  const deliver = (key: Held, mayWait: boolean): void => {
    if (waiting !== null) {
      if (mayWait && waiting.keys.length < MAX_WAITING_KEYS) {
        waiting.keys.push(key);
        return;
      }
      // Too many: the waiting keys go on without the screen's handler, then this one.
      release(false);
    }
    const { press } = key;
    if (key.screen === null && shell(press)) return;
    const { ui } = store.getState();
    if (ui.modal !== null || (key.screen !== null && key.screen !== ui.screen)) return;
    const handler = screens.get(ui.screen);
    if (handler !== undefined) handler.current(press);
    // The screen is not drawn yet: its handler comes with its first render.
    else if (mayWait && ui.screen !== drawnScreen) waiting = { screen: ui.screen, keys: [{ press, screen: ui.screen }] };
  };

  /**
   * Routes the waiting keys now, in order. With `mayWait`, a key that switches to another undrawn
   * screen makes the keys after it wait again; without, keys that find no handler are dropped.
   */
  const release = (mayWait: boolean): void => {
    const held = waiting;
    if (held === null) return;
    waiting = null;
    for (const key of held.keys) deliver(key, mayWait);
  };

  return {
    route: (keys) => store.batch(() => keys.forEach((press) => deliver({ press, screen: null }, true))),
    register: (screen, handler) => {
      screens.set(screen, handler);
      if (waiting?.screen === screen) store.batch(() => release(true));
    },
    unregister: (screen, handler) => {
      if (screens.get(screen) === handler) screens.delete(screen);
    },
    drawn: (screen) => {
      drawnScreen = screen;
      // Drawn without registering, or switched away from by something other than a key: the
      // waiting keys go on without that screen's handler, as they did before it was drawn.
      if (waiting !== null && (waiting.screen === screen || store.getState().ui.screen !== waiting.screen)) store.batch(() => release(true));
    },
    waiting: () => waiting?.keys.length ?? 0,
  };
}
