import { render } from 'ink';
import { resolve } from 'node:path';
import { App } from '../app.js';
import { ErrorBoundary } from '../components/ErrorBoundary.js';
import { onFatalCleanup, onFatalSave, setFatalInterceptor, stopOnUnexpectedError } from '../core/crashGuard.js';
import { defaultServices, type ProviderServices } from '../effects/providerContext.js';
import { ProviderRoot } from '../effects/ProviderRoot.js';
import type { ConnectionState } from '../store/slices/connection.js';
import { initialAppState } from '../store/state.js';
import { createStore } from '../store/store.js';
import { StoreProvider } from '../store/StoreProvider.js';
import { tuneHeapForFrames } from './heapTuning.js';
import { isTerminalGone } from './hangup.js';
import { takeOverTerminal } from './terminal.js';
import { openDataset, writeDraftNow } from '../effects/datasetFiles.js';

export interface TuiOptions {
  file?: string | undefined;
  connection: Omit<ConnectionState, 'status' | 'message'>;
  /** The provider and what the Jobs and Chat screens need besides it (see src/effects/providerContext.tsx). */
  services?: Partial<ProviderServices> | undefined;
}

const EXIT_HANGUP = 129;
const EXIT_INTERRUPT = 130;
const EXIT_TERMINATED = 143;

/** Runs the full-screen app until the user quits; resolves with the process exit code. */
export async function runTui(options: TuiOptions): Promise<number> {
  tuneHeapForFrames();
  const store = createStore({ ...initialAppState, connection: { ...options.connection, status: 'unknown', message: null } });
  // With no file, a new untitled dataset: a starts writing, o opens a file, D the sandbox demo.
  if (options.file !== undefined) void openDataset(store, resolve(options.file));
  else store.dispatch({ type: 'dataset/untitled' });

  const terminal = takeOverTerminal(process.stdout, process.stdin);
  let instance: ReturnType<typeof render> | null = null;
  onFatalCleanup(() => instance?.unmount());
  // Even an unexpected error keeps what was typed since the last autosave.
  onFatalSave(() => writeDraftNow(store));

  // Every way out other than quitting keeps unsaved work: the draft is written before we go.
  let ending = false;
  const endWithDraft = (code: number) => {
    if (ending) return;
    ending = true;
    try {
      // On a closed terminal these writes fail quietly (the error listeners below take them).
      instance?.unmount();
      terminal.restore();
    } catch {
      // Nothing to put back on a terminal that is gone; the draft matters more.
    }
    void writeDraftNow(store).finally(() => process.exit(code));
  };
  // Closing the terminal window is a normal way to end, not a crash: the kernel hangs up
  // (SIGHUP) and every read or write on the terminal fails with EIO. Nothing may be written to
  // it any more, no crash log is due, and the exit is quiet.
  let hungUp = false;
  const hangUp = () => {
    hungUp = true;
    endWithDraft(EXIT_HANGUP);
  };
  for (const stream of [process.stdout, process.stderr, process.stdin]) stream.on('error', hangUp);
  // Once the terminal is gone, whatever else fails is its consequence (a write Ink still had
  // queued): the draft is being written and we leave quietly.
  setFatalInterceptor((error) => {
    if (!hungUp && !isTerminalGone(error)) return false;
    hangUp();
    return true;
  });
  process.on('SIGHUP', hangUp);
  process.on('SIGTERM', () => endWithDraft(EXIT_TERMINATED));
  process.on('SIGINT', () => endWithDraft(EXIT_INTERRUPT));

  instance = render(
    <StoreProvider store={store}>
      <ErrorBoundary onFatal={stopOnUnexpectedError}>
        <ProviderRoot services={{ ...defaultServices, ...options.services }}>
          <App />
        </ProviderRoot>
      </ErrorBoundary>
    </StoreProvider>,
    { exitOnCtrlC: false, patchConsole: true, maxFps: 30 },
  );
  try {
    await instance.waitUntilExit();
  } finally {
    terminal.restore();
  }
  if (await writeDraftNow(store)) {
    process.stderr.write(`Unsaved dataset changes are kept in a draft; open ${store.getState().dataset.filePath} again to restore them.\n`);
  }
  return 0;
}
