// Writes the draft journal every few seconds while the dataset has unsaved changes, so a crash or
// a kill loses at most one interval of typing.
import { useEffect } from 'react';
import { useStoreApi } from '../store/StoreProvider.js';
import { writeDraftNow } from './datasetFiles.js';

export const AUTOSAVE_MS = 3000;

export function useDatasetAutosave(intervalMs = AUTOSAVE_MS, env: NodeJS.ProcessEnv = process.env): void {
  const store = useStoreApi();
  useEffect(() => {
    let written: unknown = null;
    let busy = false;
    const timer = setInterval(() => {
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
    return () => clearInterval(timer);
  }, [store, intervalMs, env]);
}
