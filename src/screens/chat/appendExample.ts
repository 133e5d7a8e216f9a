import type { Dispatch } from '../../store/store.js';

/**
 * Appends one training example (a JSONL line) to the open dataset through the dataset slice, so
 * it joins the editor's undo history and is saved with the rest; nothing is written behind the
 * Dataset screen's back.
 */
export function appendExample(line: string | null, datasetPath: string | null, dispatch: Dispatch): void {
  if (line === null) {
    dispatch({ type: 'chat/exampleSaved', message: 'Nothing to add yet: the last exchange needs a finished answer.' });
    return;
  }
  if (datasetPath === null) {
    dispatch({ type: 'chat/exampleSaved', message: 'No dataset is open: open or create one on the Dataset screen (1) first.' });
    return;
  }
  dispatch({ type: 'dataset/appendLines', lines: [line] });
  const name = datasetPath.split(/[\\/]/).at(-1) ?? datasetPath;
  dispatch({ type: 'chat/exampleSaved', message: `Added 1 example to ${name} (save it on the Dataset screen).` });
}
