// The conversion the findings offer for a file that is one JSON array (or one pretty-printed
// document) instead of JSONL: one compact example per line, written atomically.
import { stat } from 'node:fs/promises';
import { exceedsDepth, MAX_DEPTH } from './structure.js';
import { readWholeDocument } from './validateFile.js';

/** Writes `source` as JSONL to `target`; the number of examples written, or null when `source` is not a whole JSON value. */
export async function writeJsonl(source: string, target: string): Promise<number | null> {
  const { size } = await stat(source);
  const whole = await readWholeDocument(source, size);
  if (whole === null) return null;
  const examples = Array.isArray(whole) ? whole : [whole];
  const deep = examples.findIndex(exceedsDepth);
  if (deep >= 0) throw new Error(`example ${deep + 1} is nested more than ${MAX_DEPTH} levels deep and cannot be written as one line.`);
  // Loaded here: `ftui validate` imports this module on every run and writes JSONL on few (~7 ms of start-up).
  const { default: writeFileAtomic } = await import('write-file-atomic');
  await writeFileAtomic(target, examples.map((e) => `${JSON.stringify(e)}\n`).join(''), 'utf8');
  return examples.length;
}
