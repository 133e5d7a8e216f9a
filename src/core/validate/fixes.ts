// Safe fixes the Validate screen offers: each looks at the dataset's lines and returns what it
// would change, so the screen can preview it and apply it as one undoable edit. None of them
// guesses at content: they remove what carries nothing, or move what is clearly misplaced.
import { parseExample } from '../dataset/example.js';
import { exampleHash } from './exampleHash.js';
import { isPlainObject } from './context.js';
import { exceedsDepth } from './structure.js';

export interface LineChange {
  /** 0-based line index. */
  index: number;
  /** The new text, or null to remove the line. */
  text: string | null;
}

export interface FixPlan {
  id: FixId;
  description: string;
  changes: LineChange[];
}

export type FixId = 'trimBlankMessages' | 'dropDuplicates' | 'jsonArrayToJsonl' | 'moveWeight' | 'dropBlankLines' | 'stripBomAndCrlf';

/**
 * The dataset's lines, read one at a time: an array of strings, or the open dataset's rows, whose
 * text is decoded from the file's bytes when read (decoding all of a big dataset at once would
 * hold it twice over in memory).
 */
export interface Lines {
  readonly length: number;
  at(index: number): string | undefined;
}

function eachLine(lines: Lines, visit: (text: string, index: number) => void): void {
  for (let index = 0; index < lines.length; index++) visit(lines.at(index) ?? '', index);
}

function parseObject(text: string): Record<string, unknown> | null {
  const parsed = parseExample(text);
  return parsed.ok ? parsed.value : null;
}

/**
 * The example's messages when every one of them is an object; null otherwise. A list holding a
 * number or a string (message_not_object) is the user's to fix by hand: a fix copying or testing
 * its entries as objects would throw on it, or rewrite "abc" as {"0":"a",...}.
 */
function messagesOf(value: Record<string, unknown>): Array<Record<string, unknown>> | null {
  const messages = value.messages;
  return Array.isArray(messages) && messages.every(isPlainObject) ? (messages as Array<Record<string, unknown>>) : null;
}

function plan(id: FixId, description: string, changes: LineChange[]): FixPlan | null {
  return changes.length === 0 ? null : { id, description: `${description} (${changes.length} line${changes.length === 1 ? '' : 's'})`, changes };
}

/** Removes messages whose content is only whitespace (an assistant turn with tool calls keeps its place). */
export function trimBlankMessages(lines: Lines): FixPlan | null {
  const changes: LineChange[] = [];
  eachLine(lines, (text, index) => {
    const value = parseObject(text);
    const messages = value && messagesOf(value);
    if (!value || !messages) return;
    const kept = messages.filter((m) => {
      const blank = typeof m?.content === 'string' && m.content.trim().length === 0;
      return !blank || 'tool_calls' in m || 'function_call' in m;
    });
    if (kept.length !== messages.length) changes.push({ index, text: JSON.stringify({ ...value, messages: kept }) });
  });
  return plan('trimBlankMessages', 'Remove messages that are only whitespace', changes);
}

/**
 * Keeps the first of each set of identical lines. "Identical" is the engine's duplicate_example:
 * the same JSON value, whatever its spacing, including values that are not examples.
 */
export function dropDuplicates(lines: Lines): FixPlan | null {
  const seen = new Set<string>();
  const changes: LineChange[] = [];
  eachLine(lines, (text, index) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return;
    }
    // The hash serialises the value, which a line too deep would overflow; such a line is an error of its own.
    if (exceedsDepth(value)) return;
    const hash = exampleHash(value);
    if (seen.has(hash)) changes.push({ index, text: null });
    else seen.add(hash);
  });
  return plan('dropDuplicates', 'Remove exact duplicate examples, keeping the first', changes);
}

/** Blank lines carry nothing. */
export function dropBlankLines(lines: Lines): FixPlan | null {
  const changes: LineChange[] = [];
  eachLine(lines, (text, index) => {
    if (!text.trim()) changes.push({ index, text: null });
  });
  return plan('dropBlankLines', 'Remove blank lines', changes);
}

/** A whole JSON array (or one pretty-printed example) spread over the lines becomes one example per line. */
export function jsonArrayToJsonl(lines: Lines): FixPlan | null {
  const first = lines.at(0) ?? '';
  if (lines.length === 0 || !/^\s*[[{]/.test(first)) return null;
  if (lines.length === 1 && !/^\s*\[/.test(first)) return null;
  // JSONL: a whole value on the first line and more after it. Joining a big JSONL dataset only to
  // watch the parse fail would cost its size twice over.
  if ((lines.at(1) ?? '').trim() && parseObject(first) !== null) return null;
  const all: string[] = [];
  eachLine(lines, (text) => all.push(text));
  let value: unknown;
  try {
    value = JSON.parse(all.join('\n'));
  } catch {
    return null;
  }
  const items = Array.isArray(value) ? value : [value];
  // An example too deep cannot be written back out one per line; the findings say which it is.
  if (items.some(exceedsDepth)) return null;
  const changes: LineChange[] = all.map((_, index) => ({ index, text: null }));
  // The first line takes all examples; the reducer applies changes by index, so join them into it.
  changes[0] = { index: 0, text: items.map((item) => JSON.stringify(item)).join('\n') };
  return { id: 'jsonArrayToJsonl', description: `Convert the JSON ${Array.isArray(value) ? 'array' : 'document'} to JSONL (${items.length} example${items.length === 1 ? '' : 's'})`, changes };
}

/**
 * A `weight` on a user or system message almost always meant the assistant reply after it: move
 * it there (unless that reply has its own weight), or drop it when there is no such reply.
 */
export function moveWeight(lines: Lines): FixPlan | null {
  const changes: LineChange[] = [];
  eachLine(lines, (text, index) => {
    const value = parseObject(text);
    const messages = value && messagesOf(value);
    if (!value || !messages || !messages.some((m) => m.role !== 'assistant' && 'weight' in m)) return;
    const fixed = messages.map((m) => ({ ...m }));
    fixed.forEach((m, i) => {
      if (m.role === 'assistant' || !('weight' in m)) return;
      const weight = m.weight;
      delete m.weight;
      const next = fixed.slice(i + 1).find((n) => n.role === 'assistant');
      if (next && !('weight' in next) && (weight === 0 || weight === 1)) next.weight = weight;
    });
    changes.push({ index, text: JSON.stringify({ ...value, messages: fixed }) });
  });
  return plan('moveWeight', 'Move a weight from a user or system message to the assistant reply after it', changes);
}

/** The fixes that would change something on these lines. */
export function availableFixes(lines: Lines): FixPlan[] {
  return [jsonArrayToJsonl(lines), dropBlankLines(lines), trimBlankMessages(lines), dropDuplicates(lines), moveWeight(lines)].filter((p): p is FixPlan => p !== null);
}
