// Re-validates the open dataset shortly after each change (of the rows or the chosen model),
// in the background, and publishes the report and the per-row marks. Mounted once by the shell,
// so the report is current whichever screen is showing.
import { useEffect } from 'react';
import { useStoreApi } from '../store/StoreProvider.js';
import { createAnalyzer, resolveModel, validatePath } from '../core/validate/index.js';
import { validateDataset } from './datasetValidator.js';
import { useProvider } from './providerContext.js';

const SETTLE_MS = 150;

export function useValidationRunner(): void {
  const store = useStoreApi();
  const fileRules = useProvider().provider?.capabilities.fileRules;
  useEffect(() => {
    let generation = 0;
    let timer: NodeJS.Timeout | null = null;
    let lastKey = '';

    const start = () => {
      const { dataset, validation } = store.getState();
      // A model only the connected service knows waits for what it says about it (useServiceModels).
      if (resolveModel(validation.model) === undefined) return;
      const id = ++generation;
      const cancelled = () => id !== generation;
      store.dispatch({ type: 'validation/started', total: dataset.rows.length });
      void validateDataset(
        {
          rows: dataset.rows,
          count: dataset.rows.length,
          path: dataset.filePath,
          format: dataset.format,
          bytesOnDisk: dataset.dirty ? null : (dataset.base?.sizeBytes ?? null),
          fileRules,
        },
        validation.model,
        cancelled,
        (done, total) => {
          if (!cancelled()) store.dispatch({ type: 'validation/progress', done, total });
        },
      )
        .then((output) => {
          if (!output || cancelled()) return;
          store.dispatch({ type: 'validation/report', report: output.report, revision: dataset.revision, hashes: output.hashes });
          store.dispatch({ type: 'dataset/marks', marks: output.marks });
        })
        .catch((error: unknown) => {
          if (!cancelled()) store.dispatch({ type: 'dataset/message', level: 'error', text: `Validation stopped: ${error instanceof Error ? error.message : String(error)}` });
        });
    };

    const check = () => {
      const { dataset, validation } = store.getState();
      if (dataset.status !== 'ready') return;
      const key = `${dataset.revision}:${validation.model}:${validation.service?.version ?? 0}:${dataset.format.bom}:${dataset.format.lineEnding}`;
      if (key === lastKey) return;
      lastKey = key;
      if (timer) clearTimeout(timer);
      timer = setTimeout(start, SETTLE_MS);
    };
    check();
    const unsubscribe = store.subscribe(check);
    return () => {
      generation++;
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [store, fileRules]);

  // A validation file, when one is chosen: checked as `ftui validate --validation-file` checks it,
  // against the dataset's current content (so again after each new report of the dataset).
  useEffect(() => {
    let generation = 0;
    let lastKey = '';
    const check = () => {
      const { validation } = store.getState();
      const file = validation.validationFile;
      const hashes = validation.trainingHashes;
      if (!file || !hashes) {
        if (lastKey) generation++;
        lastKey = '';
        return;
      }
      const key = `${file.path}\0${validation.model}\0${validation.revision}\0${validation.service?.version ?? 0}`;
      if (key === lastKey) return;
      lastKey = key;
      const id = ++generation;
      const { path } = file;
      const revision = validation.revision;
      validatePath(path, createAnalyzer({ model: validation.model }), { role: 'validation', trainingHashes: hashes })
        .then(({ report }) => {
          if (id === generation) store.dispatch({ type: 'validation/fileReport', path, report, revision });
        })
        .catch((error: unknown) => {
          if (id === generation) store.dispatch({ type: 'dataset/message', level: 'error', text: `Validation file ${path}: ${error instanceof Error ? error.message : String(error)}` });
        });
    };
    check();
    const unsubscribe = store.subscribe(check);
    return () => {
      generation++;
      unsubscribe();
    };
  }, [store]);
}
