// The Validate screen's lines in full (z): the selected finding (its line, path, message and
// hint), the model and the files. Y copies the finding's line and path ("line 12 messages[2].content").
import type { AppState } from '../../store/state.js';
import { firstOf, item, type ScreenDetails } from '../detailItems.js';
import { findingLines } from './findingLines.js';

export function validateDetails(state: AppState): ScreenDetails {
  const { validation, dataset } = state;
  const lines = findingLines(validation.report, validation.filter?.query ?? '', validation.validationFile?.report ?? null);
  const line = lines[Math.min(validation.cursor, Math.max(0, lines.length - 1))];
  const items = [];
  if (line) {
    const { group, finding } = line;
    const where = finding ? `${line.source === 'validation' ? 'validation file, ' : ''}${finding.line === null ? 'the whole file' : `line ${finding.line}${finding.column ? `:${finding.column}` : ''}`}${finding.path ? ` ${finding.path}` : ''}` : null;
    items.push(
      ...item('Finding', `${group.severity} ${group.code} (${group.count})`, true),
      ...item('Where', where, true),
      ...item('Message', finding?.message),
      ...item('Fix', finding?.hint ?? group.hint),
      ...item('Lines', finding ? null : group.lines.slice(0, 200).join(', ') + (group.lines.length > 200 ? ' …' : '')),
    );
  }
  items.push(...item('Model', validation.model, true), ...item('Dataset', dataset.filePath, true), ...item('Validation file', validation.validationFile?.path, true));
  return { items, primary: firstOf(items, ['Where', 'Finding']) };
}
