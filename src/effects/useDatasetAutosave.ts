// Writes the draft journal every few seconds while the dataset has unsaved changes, so a crash or
// a kill loses at most one interval of typing.
import { useEffect } from 'react';
import { useStoreApi } from '../store/StoreProvider.js';
import { writeDraftNow } from './datasetFiles.js';
import { useProvider } from './providerContext.js';

export const AUTOSAVE_MS = 3000;

export function useDatasetAutosave(intervalMs = AUTOSAVE_MS, env: NodeJS.ProcessEnv = process.env): void {
  const store = useStoreApi();
  // Scheduled on the app's clock, so a test moves it to make a draft fall due instead of waiting
  // seconds; the draft's own time stays the wall clock, as it is compared with the file's mtime.
  const { timers } = useProvider().services;
  useEffect(() => {
    let written: unknown = null;
    let busy = false;
    const timer = timers.setInterval(() => {
      const { revision, editor } = store.getState().dataset;
      // Typing changes the editor, not the rows: either one changing is worth a new draft.
      const key = `${revision}:${editor === null ? '' : JSON.stringify([editor.messages, editor.field?.text])}`;
      if (busy || key === written) return;
      busy = true;
      void writeDraftNow(store, env).then((ok) => {
        if (ok) written = key;
        busy = false;
      });
    }, intervalMs);
    return () => timers.clear(timer);
  }, [store, intervalMs, env, timers]);
}
