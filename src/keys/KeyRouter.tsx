// The one place ftui reads the keyboard. It listens to the strings Ink's stdin handling emits
// (not to useInput, which hands a burst of bytes over as one "input" and so typed three
// Backspaces as text), decodes each into keys (./decode.ts), and routes every key in order:
// first to the shell (help, quit, screens, modals), then to the screen on show. State is read
// fresh for every key, so a key that opens a field or a modal changes where the next one goes,
// and a whole burst is drawn as one frame.
import { useStdin } from 'ink';
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { Store } from '../store/store.js';
import type { ScreenId } from '../store/slices/ui.js';
import { KeyDecoder, type KeyPress } from './decode.js';
import { createKeyRouting, type KeyRouting } from './routing.js';

export type KeyHandler = (press: KeyPress) => void;

const RegistryContext = createContext<KeyRouting | null>(null);

/**
 * Starts the router. `shell` sees every key first and returns true when it used it; otherwise the
 * key goes to the handler of the screen in `state.ui.screen`, when no modal is open. `screen` is
 * the screen the shell has just drawn.
 */
export function useKeyRouter(store: Store, shell: (press: KeyPress) => boolean, screen: ScreenId): KeyRouting {
  const { internal_eventEmitter: emitter, setRawMode, isRawModeSupported } = useStdin();
  const shellRef = useRef(shell);
  shellRef.current = shell;
  const routing = useMemo(() => createKeyRouting(store, (press) => shellRef.current(press)), [store]);

  useEffect(() => {
    if (!isRawModeSupported) return;
    setRawMode(true);
    return () => setRawMode(false);
  }, [isRawModeSupported, setRawMode]);

  useEffect(() => {
    const decoder = new KeyDecoder();
    const onInput = (event: string) => routing.route(decoder.push(event));
    emitter.on('input', onInput);
    return () => {
      emitter.removeListener('input', onInput);
    };
  }, [emitter, routing]);

  // After every commit of the shell, once the screens' own effects (their handlers) have run.
  useEffect(() => routing.drawn(screen));

  return routing;
}

export function KeyRegistry({ registry, children }: { registry: KeyRouting; children: ReactNode }) {
  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>;
}

/**
 * A screen's keys: `handle` gets each key the shell did not use while `screen` is on show and no
 * modal is open. Handlers should read state from the store when called, not from the render.
 */
export function useScreenKeys(screen: ScreenId, handle: KeyHandler): void {
  const registry = useContext(RegistryContext);
  const ref = useRef(handle);
  ref.current = handle;
  useEffect(() => {
    if (registry === null) return;
    registry.register(screen, ref);
    return () => registry.unregister(screen, ref);
  }, [registry, screen]);
}
