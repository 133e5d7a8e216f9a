import stringWidth from 'string-width';
import { cut } from './fitLine.js';

/** Wraps text at spaces to lines of at most `width` columns; a word longer than a line is cut. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line === '' ? word : `${line} ${word}`;
    if (stringWidth(next) <= width) {
      line = next;
      continue;
    }
    if (line !== '') lines.push(line);
    line = stringWidth(word) > width ? cut(word, width) : word;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}
