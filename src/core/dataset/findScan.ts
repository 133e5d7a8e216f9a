// Whether a find's match lies in a message's text, read straight from the line (its bytes as
// Latin-1, or its text) without decoding the UTF-8 or parsing the JSON: structural characters
// are ASCII, and UTF-8 never uses an ASCII byte inside a multi-byte character, so the line's
// structure can be followed in its Latin-1 form. Used by find.ts for needles JSON never escapes.
// The reading checks the grammar as it goes (what may come where, literals, numbers, escapes,
// control characters in strings), so a line JSON.parse refuses is never answered from here: it
// answers null whenever the line is not well-formed or not shaped as it expects (a repeated key,
// an escape in a key or a role, deep nesting), and the caller parses it then.

import { lowerBound } from '../sortedSearch.js';
import { TEXT_FIELDS } from './exampleMessages.js';

const ROOT_TEXT = new Set<string>(TEXT_FIELDS);

type Kind = 'root' | 'input' | 'messages' | 'message' | 'parts' | 'part' | 'calls' | 'call' | 'function' | 'other';

/** What may come next: a key (or the end, first), a colon, a value (or the end, first), a comma or the end. */
type Expect = 'keyOrEnd' | 'key' | 'colon' | 'valueOrEnd' | 'value' | 'commaOrEnd';

interface Frame {
  object: boolean;
  kind: Kind;
  /** In an object: the key whose value comes next (null between a comma and the next key). */
  key: string | null;
  expect: Expect;
  role: string | null;
  hit: boolean;
  partType: string | null;
  /** The keys seen, in the objects this reading looks into: a repeated one is left to JSON.parse (the last wins there). */
  keys: Set<string> | null;
}

// The scan reads characters by code rather than with global patterns: a pattern's exec makes a
// match array per structural character, and a find reads every line of the dataset (on the 170 MB
// bench file that was most of what a find allocated, and the young-generation collections it
// caused promoted the frames drawn meanwhile).
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Where the next structural character (a quote, a brace, a bracket, a colon or a comma) is at or after `from`; the length when none is. */
function nextStructural(s: string, from: number): number {
  for (let k = from; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === QUOTE || c === 0x7b || c === 0x7d || c === 0x5b || c === 0x5d || c === 0x3a || c === 0x2c) return k;
  }
  return s.length;
}

/** Whether s[from, to) is JSON whitespace only (or empty). */
function onlyWhitespace(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
  }
  return true;
}

/** Whether s[from, to) holds a control character (not allowed raw in a JSON string). */
function hasControl(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (s.charCodeAt(k) < 0x20) return true;
  return false;
}
const PRIMITIVE = /^[ \t\n\r]*(?:true|false|null|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)[ \t\n\r]*$/;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;
/** Deeper than this, the line is left to the parser (which also decides whether it is too deep to be an example). */
const MAX_SCAN_DEPTH = 64;

function childKind(parent: Frame | undefined, object: boolean): Kind | null {
  if (parent === undefined) return object ? 'root' : null;
  const key = parent.key;
  switch (parent.kind) {
    case 'root':
      if (key === 'messages' || key === 'preferred_output' || key === 'non_preferred_output') return object ? 'other' : 'messages';
      return key === 'input' && object ? 'input' : 'other';
    case 'input':
      return key === 'messages' && !object ? 'messages' : 'other';
    case 'messages':
      return object ? 'message' : 'other';
    case 'message':
      if (key === 'content' && !object) return 'parts';
      return key === 'tool_calls' && !object ? 'calls' : 'other';
    case 'parts':
      return object ? 'part' : 'other';
    case 'calls':
      return object ? 'call' : 'other';
    case 'call':
      return key === 'function' && object ? 'function' : 'other';
    default:
      return 'other';
  }
}

/**
 * True when a match (at one of `starts`, `length` long) lies wholly inside the text of a message
 * of `role` (any role when null): its content, a text part, or a tool call's id, name or
 * arguments, and not inside an escape sequence. With `anyText`, any message of the role counts.
 * False when none does; null when the line is not a well-formed example as far as this reading
 * goes (then it must be parsed to know).
 */
export function scanForMatch(s: string, starts: readonly number[], length: number, role: string | null, needle: string, anyText = false): boolean | null {
  const stack: Frame[] = [];
  let rootDone = false;
  let rootKeys: Set<string> | null = null;
  let found = false;
  /** Values in the arrays messages are read from (an entry that is not an object is an empty message). */
  let messageCount = 0;
  /** A match in a top-level text field (prompt, completion, text), read when there are no messages. */
  let rootTextHit = false;

  const escaped = (at: number): boolean => {
    let run = 0;
    while (s.charCodeAt(at - 1 - run) === 0x5c) run++;
    if (run % 2 === 1) return true;
    // Inside a \uXXXX: a backslash-u (itself not escaped) up to five characters back.
    for (let d = 2; d <= 5; d++) {
      const p = at - d;
      if (p < 0 || s.charCodeAt(p) !== 0x5c || s.charCodeAt(p + 1) !== 0x75) continue;
      let before = 0;
      while (s.charCodeAt(p - 1 - before) === 0x5c) before++;
      if (before % 2 === 0) return true;
    }
    return false;
  };
  const matchIn = (from: number, to: number): boolean => {
    for (let k = lowerBound(starts, from); k < starts.length && starts[k]! + length <= to; k++) if (!escaped(starts[k]!)) return true;
    return false;
  };
  const nearestMessage = (): Frame | undefined => {
    for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.kind === 'message') return stack[k];
    return undefined;
  };
  /** A value (a string, an object, an array, or a literal in the gap before `at`) may come now. */
  const expectsValue = (top: Frame | undefined): boolean => (top === undefined ? !rootDone : top.expect === 'value' || top.expect === 'valueOrEnd');
  /** A value has been read: what comes next. */
  const afterValue = (top: Frame | undefined): void => {
    if (top === undefined) rootDone = true;
    else {
      top.expect = 'commaOrEnd';
      if (top.kind === 'messages') messageCount++;
    }
  };

  let i = 0;
  for (;;) {
    const at = nextStructural(s, i);
    let top = stack.at(-1);
    // Between tokens: whitespace, or a literal or number where a value may come.
    if (!onlyWhitespace(s, i, at)) {
      if (!expectsValue(top) || !PRIMITIVE.test(s.slice(i, at)) || top === undefined) return null;
      afterValue(top);
    }
    if (at === s.length) break;
    const c = s[at];
    if (c === '"') {
      let j = at + 1;
      let end = -1;
      let plain = true;
      for (;;) {
        let q = j;
        while (q < s.length && s.charCodeAt(q) !== QUOTE && s.charCodeAt(q) !== BACKSLASH) q++;
        if (q === s.length) return null;
        if (s.charCodeAt(q) === BACKSLASH) {
          ESCAPE.lastIndex = q;
          if (!ESCAPE.test(s)) return null;
          plain = false;
          j = ESCAPE.lastIndex;
          continue;
        }
        end = q;
        break;
      }
      i = end + 1;
      if (hasControl(s, at + 1, end)) return null;
      if (top === undefined) return null;
      if (top.object && (top.expect === 'key' || top.expect === 'keyOrEnd')) {
        // A key written with escapes could be any key: parse.
        if (!plain) return null;
        const key = s.slice(at + 1, end);
        if (top.keys !== null) {
          if (top.keys.has(key)) return null;
          top.keys.add(key);
        }
        top.key = key;
        top.expect = 'colon';
        continue;
      }
      if (!expectsValue(top)) return null;
      const key = top.object ? top.key : null;
      if (top.kind === 'message' && key === 'role') {
        if (!plain) return null;
        top.role = s.slice(at + 1, end);
      } else if (top.kind === 'part' && key === 'type') {
        if (!plain) return null;
        top.partType = s.slice(at + 1, end);
      }
      const searched = (top.kind === 'message' && key === 'content') || (top.kind === 'part' && key === 'text') || (top.kind === 'call' && key === 'id') || (top.kind === 'function' && (key === 'name' || key === 'arguments'));
      if (top.kind === 'root' && key !== null && ROOT_TEXT.has(key) && role === null && matchIn(at + 1, end)) rootTextHit = true;
      if (searched && matchIn(at + 1, end)) {
        if (top.kind === 'part') top.hit = true;
        else {
          const message = nearestMessage();
          if (message) message.hit = true;
        }
      }
      afterValue(top);
      continue;
    }
    i = at + 1;
    switch (c) {
      case '{':
      case '[': {
        const object = c === '{';
        if (!expectsValue(top)) return null;
        if (stack.length >= MAX_SCAN_DEPTH) return null;
        // Arguments given as an object are searched as their JSON text by the editor's reading: parse those.
        if (top?.kind === 'function' && top.key === 'arguments') return null;
        const kind = childKind(top, object);
        if (kind === null) return null;
        if (kind === 'root') rootKeys = new Set();
        stack.push({ object, kind, key: null, expect: object ? 'keyOrEnd' : 'valueOrEnd', role: null, hit: false, partType: null, keys: object && kind !== 'other' ? (kind === 'root' ? rootKeys : new Set()) : null });
        break;
      }
      case '}':
      case ']': {
        if (top === undefined || top.object !== (c === '}')) return null;
        if (top.expect !== 'commaOrEnd' && top.expect !== (top.object ? 'keyOrEnd' : 'valueOrEnd')) return null;
        const frame = stack.pop()!;
        top = stack.at(-1);
        afterValue(top);
        if (frame.kind === 'part') {
          // A part that is not text reads as "[image]".
          const hit = frame.partType === 'text' ? frame.hit : needle !== '' && '[image]'.includes(needle);
          const message = nearestMessage();
          if (hit && message) message.hit = true;
        } else if (frame.kind === 'message') {
          if ((frame.hit || anyText) && (role === null || frame.role === role)) found = true;
        }
        break;
      }
      case ':':
        if (top === undefined || top.expect !== 'colon') return null;
        top.expect = 'value';
        break;
      case ',':
        if (top === undefined || top.expect !== 'commaOrEnd') return null;
        top.expect = top.object ? 'key' : 'value';
        if (top.object) top.key = null;
        break;
    }
  }
  if (!rootDone || stack.length !== 0) return null;
  // The example's messages come from `messages` when it has them, else from input and the outputs:
  // with both kinds of keys, which one counts is left to the parser.
  if (rootKeys?.has('messages') && (rootKeys.has('input') || rootKeys.has('preferred_output') || rootKeys.has('non_preferred_output'))) return null;
  if (found) return true;
  return messageCount === 0 && rootTextHit;
}
