// Which safe fix the Validate screen offers for the selected finding, and applying one as a
// single undoable change to the dataset.
import { availableFixes, type FixId, type FixPlan, type Lines } from '../../core/validate/fixes.js';
import type { Store } from '../../store/store.js';
import type { FindingLine } from './findingLines.js';

/** Which fix answers which finding, so `f` offers the relevant one first. */
const FIX_FOR: Partial<Record<string, FixId>> = {
  duplicate_example: 'dropDuplicates',
  missing_content: 'trimBlankMessages',
  weight_on_non_assistant: 'moveWeight',
  blank_line: 'dropBlankLines',
  not_jsonl_json_array: 'jsonArrayToJsonl',
  not_jsonl_json_document: 'jsonArrayToJsonl',
  file_bom: 'stripBomAndCrlf',
  crlf_line_endings: 'stripBomAndCrlf',
};

/** The rows' texts, decoded one at a time as the fixes read them. */
function rowLines(store: Store): Lines {
  const rows = store.getState().dataset.rows.toArray();
  return { length: rows.length, at: (index) => rows[index]?.text };
}

/** The fixes on offer for the selected finding first, then the rest; the file-format fix when it applies. */
export function fixesFor(store: Store, selected: FindingLine | undefined): FixPlan[] {
  const { dataset } = store.getState();
  const plans = availableFixes(rowLines(store));
  if (dataset.format.bom || dataset.format.lineEnding === '\r\n') plans.push(formatPlan(store));
  const wanted = selected ? FIX_FOR[selected.group.code] : undefined;
  return plans.sort((a, b) => Number(b.id === wanted) - Number(a.id === wanted));
}

export function formatPlan(store: Store): FixPlan {
  const { format } = store.getState().dataset;
  return { id: 'stripBomAndCrlf', description: `Save without ${[format.bom ? 'the byte order mark' : '', format.lineEnding === '\r\n' ? 'CRLF line ends' : ''].filter(Boolean).join(' and ')}`, changes: [] };
}

export function applyFix(store: Store, fix: FixPlan): void {
  if (fix.id === 'stripBomAndCrlf') {
    const { format } = store.getState().dataset;
    store.dispatch({ type: 'dataset/setFormat', format: { ...format, bom: false, lineEnding: '\n' }, description: fix.description });
  } else {
    store.dispatch({ type: 'dataset/replaceLines', changes: fix.changes, description: fix.description });
  }
  store.dispatch({ type: 'validation/closeFix' });
}
