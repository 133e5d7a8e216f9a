// The Dataset screen's lines in full (z): the file's path, the message line, the selected
// example's first user line (or why the line is not valid JSON), the editor's error. Y copies the path.
import { summarize } from '../../core/dataset/example.js';
import { rowTooLong } from '../../core/dataset/rowResults.js';
import type { AppState } from '../../store/state.js';
import { firstOf, item, type ScreenDetails } from '../detailItems.js';

export function datasetDetails(state: AppState): ScreenDetails {
  const { dataset } = state;
  const row = dataset.rows.length > 0 && dataset.cursor < dataset.rows.length ? dataset.rows.get(dataset.cursor) : null;
  // A line over the limit is never decoded; a big one is summarised only if it is not huge.
  const summary = row && rowTooLong(row) === null ? summarize(row.text) : null;
  const items = [
    ...item('File', dataset.filePath, true),
    ...item('Message', dataset.message?.text),
    ...item('Editor', dataset.editor?.error),
    ...item(`Example ${dataset.cursor + 1}`, summary?.title),
    ...item('Find', dataset.filter?.query),
    ...item('Default system prompt', dataset.defaultSystemPrompt, true),
  ];
  return { items, primary: firstOf(items, ['File']) };
}
