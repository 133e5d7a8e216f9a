// The system prompt most examples of a dataset start with, for a new example when the dataset has
// no default set. Looks at up to `sample` rows (the first ones): enough to see what the file does,
// without parsing a large dataset on a key press.
import { parseExample } from './example.js';

export function sharedSystemPrompt(rows: Iterable<{ readonly text: string }>, sample = 2000): { prompt: string; count: number; of: number } | null {
  const counts = new Map<string, number>();
  let seen = 0;
  for (const { text } of rows) {
    if (seen >= sample) break;
    seen++;
    if (!text.includes('"system"')) continue;
    const parsed = parseExample(text);
    if (!parsed.ok || !Array.isArray(parsed.value.messages)) continue;
    const first = parsed.value.messages[0] as { role?: unknown; content?: unknown } | undefined;
    if (first?.role === 'system' && typeof first.content === 'string' && first.content.trim() !== '') counts.set(first.content, (counts.get(first.content) ?? 0) + 1);
  }
  let best: { prompt: string; count: number; of: number } | null = null;
  for (const [prompt, count] of counts) if (best === null || count > best.count) best = { prompt, count, of: seen };
  // "Most of its examples": more than half of those looked at.
  return best !== null && best.count * 2 > best.of ? best : null;
}
