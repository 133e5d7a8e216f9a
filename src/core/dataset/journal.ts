// The draft journal: unsaved work, written every few seconds and on exit, so a crash or a kill
// loses at most one interval of typing. Rows still as they are in the file are written as
// references to their line (runs of them as one range), so a draft of a huge dataset with a few
// edits stays small and quick to write. Atomic like a save: after a kill the draft always parses.
import { createHash } from 'node:crypto';
import { access, mkdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { appPaths } from '../paths.js';
import { readLines } from '../validate/lineReader.js';
import type { FileFormat } from './format.js';
import type { LoadedDataset } from './load.js';
import { newRowId, type Row } from './row.js';
import { placementAt } from './placement.js';
import { encodeRows, type EncodableLine } from './save.js';

export interface DraftMeta {
  datasetPath: string;
  savedAt: number;
  /** The file the references point into, as it was when the draft was written; null for a new file. */
  base: { mtimeMs: number; sizeBytes: number } | null;
  format: FileFormat;
  rows: number;
  /** Screen state worth restoring with the rows (e.g. the text being typed); opaque here. */
  extra?: unknown;
}

export interface Draft {
  meta: DraftMeta;
  /** Each entry: an original line index, or the text of a new or edited row. */
  entries: Array<number | string>;
}

const VERSION = 1;

export function draftPathFor(datasetPath: string, env: NodeJS.ProcessEnv = process.env): string {
  const key = createHash('sha1').update(resolve(datasetPath)).digest('hex').slice(0, 20);
  return join(appPaths(env).data, 'drafts', `${key}.draft`);
}

/** The draft as journal lines (header first), each without its \n. */
function draftLines(rows: readonly Row[], meta: Omit<DraftMeta, 'rows'>): EncodableLine[] {
  const lines: EncodableLine[] = [{ text: JSON.stringify({ ftuiDraft: VERSION, ...meta, rows: rows.length }) }];
  let runStart = -1;
  let runEnd = -1;
  const flush = () => {
    if (runStart >= 0) lines.push({ text: runStart === runEnd ? `=${runStart}` : `=${runStart}-${runEnd}` });
    runStart = runEnd = -1;
  };
  // Lines of the file at meta.base, as recorded by the load or save that left it on disk; never
  // Row.origin, which is stale once a save has moved rows (see placement.ts).
  const lineOf = placementAt(meta.datasetPath, meta.base);
  for (const row of rows) {
    const line = lineOf?.(row);
    if (line !== undefined) {
      if (runStart >= 0 && line === runEnd + 1) runEnd = line;
      else {
        flush();
        runStart = runEnd = line;
      }
    } else {
      flush();
      // One entry is one journal line: a text with a line break in it (which no caller should
      // produce, but a draft must survive anything) is stored JSON-quoted instead.
      lines.push(row.text.includes('\n') ? { text: JSON.stringify(row.text) } : { prefix: '+', text: row.text });
    }
  }
  flush();
  return lines;
}

export function encodeDraft(rows: readonly Row[], meta: Omit<DraftMeta, 'rows'>): string {
  return `${draftLines(rows, meta)
    .map((line) => (line.prefix ?? '') + line.text)
    .join('\n')}\n`;
}

// Everything restoring relies on, checked so a damaged draft is reported, not half-applied.
function headerProblem(h: Record<string, unknown>): string | null {
  const format = h.format as Record<string, unknown> | null | undefined;
  const base = h.base as Record<string, unknown> | null | undefined;
  if (typeof h.datasetPath !== 'string') return 'no dataset path';
  if (typeof h.savedAt !== 'number') return 'no time it was saved';
  if (!Number.isInteger(h.rows) || (h.rows as number) < 0) return 'no row count';
  if (typeof format !== 'object' || format === null || typeof format.bom !== 'boolean' || typeof format.finalNewline !== 'boolean' || (format.lineEnding !== '\n' && format.lineEnding !== '\r\n')) {
    return 'no file format';
  }
  if (base !== null && (typeof base !== 'object' || typeof base.mtimeMs !== 'number' || typeof base.sizeBytes !== 'number')) return 'no base file';
  return null;
}

/** Decodes a draft one journal line at a time, so a big draft can be read as a stream. */
class DraftDecoder {
  private header: (DraftMeta & { ftuiDraft?: number }) | null = null;
  private readonly entries: Array<number | string> = [];
  private lineNumber = 0;

  push(line: string): void {
    this.lineNumber++;
    const header = this.header;
    if (header === null) {
      const parsed = JSON.parse(line) as DraftMeta & { ftuiDraft?: number };
      if (parsed?.ftuiDraft !== VERSION) throw new Error('not an ftui draft of a known version');
      const problem = headerProblem(parsed as unknown as Record<string, unknown>);
      if (problem) throw new Error(`the draft header is damaged: ${problem}`);
      this.header = parsed;
      return;
    }
    const entries = this.entries;
    if (line.startsWith('+')) entries.push(line.slice(1));
    else if (line.startsWith('"')) entries.push(JSON.parse(line) as string);
    else {
      const m = /^=(\d+)(?:-(\d+))?$/.exec(line);
      if (!m) throw new Error(`draft line ${this.lineNumber} is damaged`);
      const from = Number(m[1]);
      const to = m[2] === undefined ? from : Number(m[2]);
      // A damaged range must not make us build millions of entries before the count check.
      if (to < from || entries.length + (to - from + 1) > header.rows) throw new Error(`draft line ${this.lineNumber} is damaged`);
      for (let n = from; n <= to; n++) entries.push(n);
    }
  }

  finish(): Draft {
    const header = this.header;
    if (header === null) throw new Error('the draft is empty');
    if (this.entries.length !== header.rows) throw new Error(`the draft should hold ${header.rows} rows but holds ${this.entries.length}`);
    const { ftuiDraft: _version, ...meta } = header;
    return { meta, entries: this.entries };
  }
}

export function decodeDraft(text: string): Draft {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const decoder = new DraftDecoder();
  for (const line of lines) decoder.push(line);
  return decoder.finish();
}

export async function writeDraft(rows: readonly Row[], meta: Omit<DraftMeta, 'rows'>, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const path = draftPathFor(meta.datasetPath, env);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  // Encoded like a save, straight into one buffer: a draft of a new dataset holds every row's
  // text, and joining it into one string first would hold the dataset twice more.
  await writeFileAtomic(path, encodeRows(draftLines(rows, meta), { bom: false, lineEnding: '\n', finalNewline: true }), { mode: 0o600 });
  return path;
}

export type DraftRead = { kind: 'none' } | { kind: 'draft'; draft: Draft } | { kind: 'damaged'; path: string; reason: string };

export async function readDraft(datasetPath: string, env: NodeJS.ProcessEnv = process.env): Promise<DraftRead> {
  const path = draftPathFor(datasetPath, env);
  try {
    await access(path);
  } catch {
    return { kind: 'none' };
  }
  // Line by line: each restored row gets a string of its own rather than a slice of one string
  // holding the whole draft, which would stay in memory as long as any of those rows does.
  const decoder = new DraftDecoder();
  let damage: unknown = null;
  try {
    await readLines(path, (line) => {
      if (damage !== null) return;
      try {
        // The reader takes a \r before the \n as part of the line end; in a draft it is text.
        decoder.push(line.crlf ? `${line.text}\r` : line.text);
      } catch (error) {
        damage = error;
      }
      // A draft is ours and holds whatever the user typed: no line of it is too long to restore.
    }, undefined, undefined, { maxLineBytes: Infinity });
  } catch {
    return { kind: 'none' };
  }
  try {
    if (damage !== null) throw damage;
    return { kind: 'draft', draft: decoder.finish() };
  } catch (error) {
    return { kind: 'damaged', path, reason: error instanceof Error ? error.message : String(error) };
  }
}

export async function discardDraft(datasetPath: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await rm(draftPathFor(datasetPath, env), { force: true });
}

/** A draft is worth offering when it was written after the file was last changed. */
export function draftIsNewer(draft: Draft, loaded: LoadedDataset): boolean {
  return loaded.mtimeMs === null || draft.meta.savedAt > loaded.mtimeMs;
}

/**
 * The rows the draft describes. References need the file to be as it was when the draft was
 * written; if it changed since, they cannot be trusted and this throws (the draft is kept).
 */
export function restoreRows(draft: Draft, loaded: LoadedDataset): Row[] {
  const usesFile = draft.entries.some((e) => typeof e === 'number');
  if (usesFile) {
    const base = draft.meta.base;
    if (!base || base.mtimeMs !== loaded.mtimeMs || base.sizeBytes !== loaded.sizeBytes) {
      throw new Error('the file changed after the draft was written, so the draft cannot be applied to it');
    }
  }
  return draft.entries.map((entry) => {
    if (typeof entry === 'string') return { id: newRowId(), text: entry, origin: null };
    const original = loaded.rows[entry];
    if (!original) throw new Error(`the draft refers to line ${entry + 1}, which the file does not have`);
    return original;
  });
}
