// Find across a dataset's rows, as the Dataset screen's / does it: examples whose messages (their
// text and their tool calls) contain a text, ignoring case, optionally only in messages of one
// role ("role:assistant refund"). A line that is not a JSON object is searched as text.
//
// Most rows are ruled out without decoding or parsing them: a text in a message is in the line's
// bytes too, unless JSON escaped it, so a row whose bytes lack it (and any escape) cannot match.
// Only the rows left are parsed.
import { readableExample, type ReadableMessage } from './exampleMessages.js';
import { scanForMatch } from './findScan.js';
import type { Row } from './row.js';
import { MAX_LINE_BYTES } from '../validate/lineReader.js';

export const FIND_ROLES = ['user', 'assistant', 'system', 'tool'] as const;
export type FindRole = (typeof FIND_ROLES)[number];

export interface FindQuery {
  /** The text looked for; empty with a role: examples that have a message of that role. */
  text: string;
  role: FindRole | null;
}

const ROLE_PREFIX = /^\s*role:(\w*)\s*/i;

/** "role:assistant refund" -> { role: 'assistant', text: 'refund' }; no prefix, any role. */
export function parseFindQuery(input: string): FindQuery {
  const m = ROLE_PREFIX.exec(input);
  const role = m ? FIND_ROLES.find((r) => r === m[1]!.toLowerCase()) : undefined;
  if (!m || role === undefined) return { text: input.trim(), role: null };
  return { text: input.slice(m[0].length).trim(), role };
}

/** The find field's text with the next role (any → user → assistant → system → tool → any), for tab. */
export function cycleFindRole(input: string): string {
  const { role } = parseFindQuery(input);
  const rest = input.replace(ROLE_PREFIX, '');
  const next = role === null ? FIND_ROLES[0] : FIND_ROLES[FIND_ROLES.indexOf(role) + 1];
  return next === undefined ? rest : `role:${next} ${rest}`;
}

/** "refund" in assistant messages, for the screen's headline. */
export function describeFind(query: FindQuery): string {
  const what = query.text === '' ? '' : `"${query.text}"`;
  if (query.role === null) return what;
  return what === '' ? `examples with a ${query.role} message` : `${what} in ${query.role} messages`;
}

// Outside ASCII only two characters lowercase to ASCII letters: İ (to i and a combining dot) and
// the Kelvin sign (to k).
const DOTTED_I = Buffer.from('İ');
const KELVIN = Buffer.from('\u212A');
/** The same two written as JSON escapes. */
const FOLDING_ESCAPE = /\\u(?:0130|212a)/i;
const NO_STARTS: readonly number[] = Object.freeze([]);
/** The same, in a line's bytes (the escape's letters without case, as the pattern's i flag reads them). */
const FOLDING_ESCAPES = [foldedSearch('\\u0130'), foldedSearch('\\u212a')];
const hasFoldingEscape = (bytes: Uint8Array): boolean => FOLDING_ESCAPES.some((search) => search(bytes, true).length > 0);

/**
 * A search for `needle` (printable ASCII, lowercase) in bytes, ASCII letters matched without case:
 * every start, overlapping ones too (only the first with `first`). The same places a
 * case-insensitive pattern finds in the bytes read as Latin-1, without making that string: a find
 * looks through every line, and a string per line was some 170 MB of garbage per find on the
 * 170 MB bench file. Boyer-Moore-Horspool, its shifts taken from the needle's bytes in either case.
 */
export function foldedSearch(needle: string): (bytes: Uint8Array, first?: boolean) => readonly number[] {
  const pattern = Buffer.from(needle, 'latin1');
  const m = pattern.length;
  const shift = new Int32Array(256).fill(m);
  for (let i = 0; i < m - 1; i++) {
    const c = pattern[i]!;
    shift[c] = m - 1 - i;
    if (c >= 0x61 && c <= 0x7a) shift[c - 0x20] = m - 1 - i;
  }
  return (bytes, first = false) => {
    if (m === 0) return NO_STARTS;
    let starts: number[] | null = null;
    const last = bytes.length - m;
    let at = 0;
    while (at <= last) {
      let j = m - 1;
      for (; j >= 0; j--) {
        const b = bytes[at + j]!;
        if ((b >= 0x41 && b <= 0x5a ? b | 0x20 : b) !== pattern[j]) break;
      }
      if (j < 0) {
        (starts ??= []).push(at);
        if (first) break;
      }
      at += shift[bytes[at + m - 1]!]!;
    }
    return starts ?? NO_STARTS;
  };
}
/**
 * Needles JSON never escapes: printable ASCII without the characters some writers escape
 * (" \ / and the HTML-safe < > & '). For these, a line whose bytes lack the needle cannot match.
 */
const PLAIN = /^[\x20-\x7e]*$/;
const ESCAPABLE = /["\\/<>&']/;

/** The text a message is found by: its content and its tool calls as the editor shows them. */
function messageMatches(m: ReadableMessage, needle: string): boolean {
  if (m.text.toLowerCase().includes(needle)) return true;
  return m.calls.some((c) => c.toLowerCase().includes(needle));
}

export type RowMatcher = (row: Row) => boolean;

/** A pattern that matches `text` as it is written. */
function literal(text: string, flags: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), flags);
}

/** Every place the pattern (global, case-insensitive) matches in `s`, overlapping ones too. */
function matchStarts(pattern: RegExp, s: string): number[] {
  const starts: number[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(s); m !== null; m = pattern.exec(s)) {
    starts.push(m.index);
    pattern.lastIndex = m.index + 1;
  }
  return starts;
}

/**
 * A piece of a needle that is not written by the needle's own means: a line that lacks it cannot
 * match, so most lines are ruled out from their bytes. Its longest run of plain ASCII (found
 * without case, never escaped by JSON), or else of characters without case (東京: found as UTF-8,
 * or possibly as \\uXXXX escapes). Null when the needle has neither.
 */
function anchorOf(needle: string): ((bytes: Buffer) => boolean) | null {
  const longest = (re: RegExp) => (needle.match(re) ?? []).sort((a, b) => b.length - a.length)[0];
  // Printable ASCII without the characters some writers escape (" & ' / < > \\).
  const ascii = longest(/[ !#-%(-.0-;=?-[\]-~]+/g);
  if (ascii !== undefined && ascii.length >= 2) {
    const search = foldedSearch(ascii);
    return (bytes) => search(bytes, true).length > 0;
  }
  const caseless = [...needle].filter((c) => c.charCodeAt(0) > 0x7f && c.toLowerCase() === c && c.toUpperCase() === c);
  if (caseless.length === 0) return null;
  const set = new Set(caseless);
  let run = '';
  let best = '';
  for (const c of needle) {
    run = set.has(c) ? run + c : '';
    if (run.length > best.length) best = run;
  }
  const encoded = Buffer.from(best);
  return (bytes) => bytes.includes(encoded) || bytes.includes(UNICODE_ESCAPE);
}

const UNICODE_ESCAPE = Buffer.from('\\u');

/**
 * A predicate for rows that match `query`. A needle JSON never escapes is looked for in the line
 * as it is (its bytes read as Latin-1: no UTF-8 decoding, ASCII letters matched without case) and
 * the line's structure tells whether a match is in a message's text (findScan.ts); other needles,
 * and lines that reading cannot settle, are decoded and parsed.
 */
export function compileFind(query: FindQuery): RowMatcher {
  const needle = query.text.toLowerCase();
  const role = query.role;
  const word = needle === '' ? (role ?? '') : needle;
  const plain = PLAIN.test(word) && !ESCAPABLE.test(word);
  const pattern = plain && word !== '' ? literal(word, 'gi') : null;
  const search = pattern !== null ? foldedSearch(word) : null;
  // Where JSON may have written the needle otherwise: \u00e9 for é; \" \n \\ for quotes, control characters, backslashes.
  const nonAscii = /[^\u0000-\u007f]/.test(needle);
  const escapable = ESCAPABLE.test(needle) || /[\u0000-\u001f\u007f]/.test(needle);
  const anchor = pattern === null ? anchorOf(needle) : null;
  // Only a needle with i, k or a combining dot above can be matched by İ or the Kelvin sign.
  const folds = /[ik\u0307]/.test(needle);
  /** The line holds a character that lowercases into ASCII (as it is, or escaped): it is read the long way. */
  const folding = (row: Row, bytes: Buffer | undefined): boolean =>
    folds && (bytes ? bytes.includes(DOTTED_I) || bytes.includes(KELVIN) || hasFoldingEscape(bytes) : /[\u0130\u212A]/.test(row.text) || FOLDING_ESCAPE.test(row.text));

  /** The reference reading: the example parsed, its messages searched. */
  const parsed = (row: Row): boolean => {
    const example = readableExample(row.text);
    if (example.kind === 'text') return role === null && example.text.toLowerCase().includes(needle);
    if (example.kind === 'big') return false;
    return example.messages.some((m) => (role === null || m.role === role) && (needle === '' || messageMatches(m, needle)));
  };

  return (row) => {
    const bytes = row.bytes;
    // A line over the line limit is kept byte for byte and never decoded (it cannot be opened either).
    if ((bytes?.length ?? 0) > MAX_LINE_BYTES) return false;
    if (word === '') return parsed(row);
    if (pattern !== null && search !== null) {
      if (folding(row, bytes)) return parsed(row);
      // A loaded line is read as Latin-1 only when its bytes hold the needle.
      const starts = bytes ? search(bytes) : matchStarts(pattern, row.text);
      if (starts.length === 0) return false;
      const s = bytes ? bytes.toString('latin1') : row.text;
      return scanForMatch(s, starts, word.length, role, needle, needle === '') ?? parsed(row);
    }
    // Other needles are looked for in the decoded text; JSON may have escaped them (\u00e9 for é,
    // \" for "), so a line with escapes of that kind is parsed even when its text lacks the needle.
    if (anchor !== null && bytes && !folding(row, bytes) && !anchor(bytes)) return false;
    const text = row.text;
    if (!text.toLowerCase().includes(needle) && !(nonAscii && text.includes('\\u')) && !(escapable && text.includes('\\'))) return false;
    return parsed(row);
  };
}

/** Indexes of the rows that match `query` ("role:assistant refund", or a FindQuery). */
export function findRows(rows: Iterable<Row>, query: string | FindQuery): number[] {
  const matches = compileFind(typeof query === 'string' ? parseFindQuery(query) : query);
  const found: number[] = [];
  let i = 0;
  for (const row of rows) {
    if (matches(row)) found.push(i);
    i++;
  }
  return found;
}

/** Where `text` contains the needle, ignoring case, as [start, end) ranges, for highlighting. */
export function matchRanges(text: string, needle: string): Array<[number, number]> {
  if (needle === '') return [];
  const ranges: Array<[number, number]> = [];
  const lower = text.toLowerCase();
  const target = needle.toLowerCase();
  // Lowercasing keeps offsets for nearly all text; where it does not (İ), the ranges are approximate.
  for (let at = lower.indexOf(target); at !== -1 && ranges.length < 10_000; at = lower.indexOf(target, at + target.length)) {
    ranges.push([at, Math.min(text.length, at + target.length)]);
  }
  return ranges;
}
