import { cut } from '../../components/fitLine.js';

/**
 * A message's text as at most `maxLines` lines cut to the width, for display (the field being
 * typed in is drawn by components/TextFieldView). When lines are left out, the last shown line
 * says how many.
 */
export function textLines(text: string, width: number, maxLines: number): string[] {
  const lines = text.split('\n');
  if (lines.length <= maxLines || maxLines <= 0) return lines.slice(0, Math.max(0, maxLines)).map((l) => cut(l, width));
  const shown = lines.slice(0, maxLines - 1).map((l) => cut(l, width));
  const hidden = lines.length - (maxLines - 1);
  shown.push(cut(`… (${hidden} more line${hidden === 1 ? '' : 's'})`, width));
  return shown;
}
