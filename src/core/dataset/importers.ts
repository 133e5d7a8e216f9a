// Bringing examples in from other shapes: JSONL, a JSON array (or one JSON object), or CSV with
// prompt/completion or system/user/assistant columns. Every problem is reported with its place;
// nothing is dropped without a word.
import { parse } from 'csv-parse/sync';
import { describeFsError, DatasetFileError } from './errors.js';
import { openRegularFile, UnreadableFileError } from '../regularFile.js';
import { parseExample, serializeExample } from './example.js';
import { exceedsDepth, MAX_DEPTH } from '../validate/structure.js';

export interface ImportProblem {
  /** 1-based line (JSONL), element (JSON array) or row (CSV, counting the header as row 1). */
  at: number;
  message: string;
}

export interface ImportResult {
  /** One JSONL line per example, ready to append. */
  lines: string[];
  problems: ImportProblem[];
  sourceFormat: 'jsonl' | 'json-array' | 'json-document' | 'csv';
}

interface CsvSkip {
  code: string;
  /** Records read before the one that failed, the header included. */
  records: number;
  lines: number;
  message: string;
}

function fromCsv(text: string): ImportResult {
  // A malformed record (a stray quote) is skipped and reported, not allowed to cost the good
  // rows around it. An unclosed quote still runs to the end of the file: that is what it means
  // in CSV, and the report says so.
  const skips: CsvSkip[] = [];
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        if (!error) return undefined;
        const skip = { code: String(error.code), records: Number(error.records ?? 0), lines: Number(error.lines ?? 0), message: error.message };
        // csv-parse can report the same broken record more than once.
        const last = skips.at(-1);
        if (!last || last.code !== skip.code || last.records !== skip.records || last.lines !== skip.lines) skips.push(skip);
        return undefined;
      },
    }) as string[][];
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    return { lines: [], problems: [{ at: e.lines ?? 1, message: `the CSV cannot be read: ${e.message ?? String(error)}` }], sourceFormat: 'csv' };
  }
  // Rows count every record, skipped ones too, so they match a spreadsheet's rows. csv-parse's
  // `records` counts only the good records read before a failure, so add the failures before it.
  const skipProblems: ImportProblem[] = skips.map((skip, k) => ({
    at: skip.records + k + 1,
    message:
      skip.code === 'CSV_QUOTE_NOT_CLOSED'
        ? `a quote opened here is never closed, so this row and every row after it are not imported: ${skip.message}`
        : `cannot be read, not imported (near line ${skip.lines} of the file): ${skip.message}`,
  }));
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const [prompt, completion, system, user, assistant] = ['prompt', 'completion', 'system', 'user', 'assistant'].map(col) as [number, number, number, number, number];
  const chat = user >= 0 && assistant >= 0;
  if (!chat && !(prompt >= 0 && completion >= 0)) {
    return { lines: [], problems: [{ at: 1, message: `the header needs columns prompt,completion or system,user,assistant (found: ${header.join(', ') || 'nothing'})` }, ...skipProblems], sourceFormat: 'csv' };
  }
  const lines: string[] = [];
  const problems: ImportProblem[] = [...skipProblems];
  const used = new Set(chat ? [system, user, assistant] : [system, prompt, completion]);
  const unused = header.filter((name, i) => !used.has(i) && name.length > 0);
  if (unused.length > 0) problems.push({ at: 1, message: `column${unused.length === 1 ? '' : 's'} ${unused.join(', ')} ${unused.length === 1 ? 'is' : 'are'} not imported (ftui reads ${chat ? 'system, user, assistant' : 'system, prompt, completion'})` });
  let skipsBefore = 0;
  records.forEach((record, index) => {
    while (skipsBefore < skips.length && (skips[skipsBefore] as CsvSkip).records <= index) skipsBefore++;
    if (index === 0) return;
    const row = index + 1 + skipsBefore;
    const cell = (c: number) => (c >= 0 ? (record[c] ?? '') : '');
    const question = chat ? cell(user) : cell(prompt);
    const answer = chat ? cell(assistant) : cell(completion);
    if (record.length < header.length) problems.push({ at: row, message: `has ${record.length} of ${header.length} columns` });
    if (record.length > header.length) problems.push({ at: row, message: `has ${record.length} cells but the header names ${header.length}; the cells past column ${header.length} are not imported` });
    if (!question.trim() || !answer.trim()) {
      problems.push({ at: row, message: `the ${chat ? 'user or assistant' : 'prompt or completion'} cell is empty; row not imported` });
      return;
    }
    const messages = [];
    if (cell(system).trim()) messages.push({ role: 'system', content: cell(system) });
    messages.push({ role: 'user', content: question }, { role: 'assistant', content: answer });
    lines.push(serializeExample({ messages }));
  });
  problems.sort((a, b) => a.at - b.at);
  return { lines, problems, sourceFormat: 'csv' };
}

function fromJson(text: string): ImportResult | null {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed.startsWith('[') && !trimmed.startsWith('{')) return null;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return null; // Perhaps JSONL: one object per line.
  }
  const items = Array.isArray(value) ? value : [value];
  const lines: string[] = [];
  const problems: ImportProblem[] = [];
  items.forEach((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) problems.push({ at: i + 1, message: 'is not an example object; not imported' });
    else if (exceedsDepth(item)) problems.push({ at: i + 1, message: `is nested more than ${MAX_DEPTH} levels deep; not imported` });
    else lines.push(serializeExample(item));
  });
  return { lines, problems, sourceFormat: Array.isArray(value) ? 'json-array' : 'json-document' };
}

function fromJsonl(text: string): ImportResult {
  const lines: string[] = [];
  const problems: ImportProblem[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line.trim()) return;
      const parsed = parseExample(line);
      // A valid line comes in as its own text: re-serialising would round integers past 2^53.
      if (parsed.ok) lines.push(line.trim());
      else {
        problems.push({ at: i + 1, message: `${parsed.message}; kept as it is, marked invalid` });
        lines.push(line);
      }
    });
  return { lines, problems, sourceFormat: 'jsonl' };
}

export async function importFile(path: string): Promise<ImportResult> {
  let text: string;
  try {
    // Only a regular file: a FIFO would never answer and /dev/zero would never end.
    const { handle } = await openRegularFile(path);
    try {
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new DatasetFileError(path, error instanceof UnreadableFileError ? error.reason : describeFsError(error));
  }
  if (/\.csv$/i.test(path)) return fromCsv(text);
  return fromJson(text) ?? fromJsonl(text);
}
