// Building blocks of the detail view's items (see screens/details.ts).
import type { DetailItem } from '../store/slices/ui.js';

export interface ScreenDetails {
  items: DetailItem[];
  /** The item Y copies without opening the view (an id or a model name), or null when there is none. */
  primary: number | null;
}

/** Builds an item, leaving out empty ones so the view lists only what there is. */
export function item(label: string, text: string | null | undefined, copyable = false): DetailItem[] {
  return text === null || text === undefined || text.trim() === '' ? [] : [{ label, text, copyable }];
}

/** The index of the first copyable item with one of these labels, in order of preference. */
export function firstOf(items: readonly DetailItem[], labels: readonly string[]): number | null {
  for (const label of labels) {
    const at = items.findIndex((i) => i.label === label && i.copyable);
    if (at >= 0) return at;
  }
  return null;
}
