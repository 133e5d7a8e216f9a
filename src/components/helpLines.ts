// The ? overlay's content as lines: the screen's keys, the text-field keys, the global keys,
// each description word-wrapped beside its keys so nothing is cut mid-word. The overlay scrolls
// through these (j/k, PgUp/PgDn), so every binding is reachable at 80x24.
import { bindingsFor, displayKey } from '../keys/bindings.js';
import type { KeyScope } from '../keys/types.js';
import { SCREENS, type ScreenId } from '../store/slices/ui.js';
import { wrapWords } from './wrapWords.js';

export interface HelpLine {
  text: string;
  heading: boolean;
}

export function helpLines(screen: ScreenId, width: number): HelpLine[] {
  const title = SCREENS.find((s) => s.id === screen)!.title;
  const sections: { heading: string; scope: KeyScope }[] = [
    { heading: `${title} screen`, scope: screen },
    { heading: 'In a text field', scope: 'textField' },
    { heading: 'Everywhere', scope: 'global' },
  ];
  const all = sections.flatMap((s) => bindingsFor(s.scope));
  const keyWidth = Math.min(24, Math.max(...all.map((b) => b.keys.map(displayKey).join(' / ').length)) + 2);
  const lines: HelpLine[] = [];
  for (const section of sections) {
    const bindings = bindingsFor(section.scope);
    if (bindings.length === 0) continue;
    if (lines.length > 0) lines.push({ text: '', heading: false });
    lines.push({ text: section.heading, heading: true });
    for (const b of bindings) {
      const keys = b.keys.map(displayKey).join(' / ');
      // Keys longer than their column get a line of their own.
      const first = keys.length + 2 > keyWidth ? [{ text: keys, heading: false }] : [];
      const wrapped = wrapWords(b.description, Math.max(10, width - keyWidth));
      lines.push(...first);
      wrapped.forEach((part, i) => lines.push({ text: `${(i === 0 && first.length === 0 ? keys : '').padEnd(keyWidth)}${part}`, heading: false }));
    }
  }
  return lines;
}
