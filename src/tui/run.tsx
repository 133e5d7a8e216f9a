import { render } from 'ink';
import { resolve } from 'node:path';
import { App } from '../app.js';
import { ErrorBoundary } from '../components/ErrorBoundary.js';
import { shortMessage, writeCrashLog } from '../core/crashLog.js';
import { defaultServices, type ProviderServices } from '../effects/providerContext.js';
import { ProviderRoot } from '../effects/ProviderRoot.js';
import type { ConnectionState } from '../store/slices/connection.js';
import { initialAppState } from '../store/state.js';
import { createStore } from '../store/store.js';
import { StoreProvider } from '../store/StoreProvider.js';
import { tuneHeapForFrames } from './heapTuning.js';
import { takeOverTerminal } from './terminal.js';
import { openDataset, writeDraftNow } from '../effects/datasetFiles.js';

export interface TuiOptions {
  file?: string | undefined;
  connection: Omit<ConnectionState, 'status' | 'message'>;
  /** The provider and what the Jobs and Chat screens need besides it (see src/effects/providerContext.tsx). */
  services?: Partial<ProviderServices> | undefined;
}

/** Runs the full-screen app until the user quits; resolves with the process exit code. */
export async function runTui(options: TuiOptions): Promise<number> {
  tuneHeapForFrames();
  const store = createStore({ ...initialAppState, connection: { ...options.connection, status: 'unknown', message: null } });
  if (options.file !== undefined) void openDataset(store, resolve(options.file));

  const terminal = takeOverTerminal(process.stdout, process.stdin);
  let instance: ReturnType<typeof render> | null = null;

  const fatal = (error: unknown) => {
    instance?.unmount();
    terminal.restore();
    let where = '';
    try {
      where = `\nDetails are in ${writeCrashLog(error)}`;
    } catch {
      // A crash log that cannot be written must not hide the original error.
    }
    process.stderr.write(`ftui stopped after an unexpected error: ${shortMessage(error)}${where}\n`);
    process.exit(1);
  };
  const onSignal = (code: number) => () => {
    instance?.unmount();
    terminal.restore();
    // Unsaved edits go to the draft journal before we go; the next start offers them back.
    void writeDraftNow(store).finally(() => process.exit(code));
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  process.on('SIGTERM', onSignal(143));
  process.on('SIGHUP', onSignal(129));

  instance = render(
    <StoreProvider store={store}>
      <ErrorBoundary onFatal={fatal}>
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
