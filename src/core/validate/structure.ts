// What JSON.parse accepts but the rest of ftui, or the service, cannot take as it is: nesting too
// deep to walk safely (JSON.stringify, the duplicate hash and the editor all recurse and would
// overflow the stack), strings with lone surrogates (UTF-8 cannot encode them; the service's
// parsers replace or reject them) and objects with the same key twice (JSON.parse silently keeps
// the last one; other parsers keep the first or refuse). Every walk here is iterative.

/** Deepest nesting of arrays and objects a line may have; a deeper line is one finding and is not analysed further. */
export const MAX_DEPTH = 100;
// Enough to show where the problems are without a line full of them drowning the report.
const MAX_REPORTED = 5;

export interface StructureFacts {
  /** Deeper than MAX_DEPTH: nothing else was looked at. */
  tooDeep: boolean;
  /** Paths of strings (or object keys) holding a lone surrogate, at most MAX_REPORTED. */
  loneSurrogates: string[];
  /** Number of keys over all objects, for the cheap check that rules duplicates out. */
  keys: number;
}

/** A path segment as the findings write it: `.key` for a plain name, `["odd key"]` otherwise, `[i]` for an index. */
function segment(key: string | number): string {
  if (typeof key === 'number') return `[${key}]`;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

export function joinPath(segments: ReadonlyArray<string | number>): string {
  const text = segments.map(segment).join('');
  return text.startsWith('.') ? text.slice(1) : text;
}

// Node 20 has String.prototype.isWellFormed (a native scan); the ES2023 lib we compile against does not declare it.
const isWellFormed = (String.prototype as unknown as { isWellFormed: (this: string) => boolean }).isWellFormed;
const wellFormed = (text: string): boolean => isWellFormed.call(text);

interface Frame {
  value: object;
  depth: number;
  parent: Frame | null;
  key: string | number;
}

/** The path of a frame's child, built only when there is something to report. */
function pathTo(frame: Frame | null, key: string | number): Array<string | number> {
  const path: Array<string | number> = [key];
  for (let f = frame; f !== null && f.parent !== null; f = f.parent) path.unshift(f.key);
  return path;
}

/**
 * The key count of a value within MAX_DEPTH whose strings and keys are all well formed, or -1:
 * the usual case, walked without the frames (and paths) only a finding needs.
 */
function plainKeyCount(value: object): number {
  const nodes: object[] = [value];
  const depths: number[] = [0];
  let keys = 0;
  while (nodes.length > 0) {
    const node = nodes.pop() as object;
    const depth = depths.pop() as number;
    if (depth >= MAX_DEPTH) return -1;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item: unknown = node[i];
        if (typeof item === 'string') {
          if (!wellFormed(item)) return -1;
        } else if (typeof item === 'object' && item !== null) {
          nodes.push(item);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    const record = node as Record<string, unknown>;
    const names = Object.keys(record);
    keys += names.length;
    for (let k = 0; k < names.length; k++) {
      const key = names[k] as string;
      if (!wellFormed(key)) return -1;
      const item = record[key];
      if (typeof item === 'string') {
        if (!wellFormed(item)) return -1;
      } else if (typeof item === 'object' && item !== null) {
        nodes.push(item);
        depths.push(depth + 1);
      }
    }
  }
  return keys;
}

/** Walks a parsed value once, without recursion (twice when there is something to report). */
export function inspectValue(value: unknown): StructureFacts {
  if (typeof value === 'object' && value !== null) {
    const keys = plainKeyCount(value);
    // Nothing found: the facts the full walk below would give. Otherwise it finds the same again, with paths.
    if (keys >= 0) return { tooDeep: false, loneSurrogates: [], keys };
  }
  const facts: StructureFacts = { tooDeep: false, loneSurrogates: [], keys: 0 };
  const lone = (frame: Frame | null, key: string | number | null) => {
    if (facts.loneSurrogates.length < MAX_REPORTED) facts.loneSurrogates.push(key === null ? '' : joinPath(pathTo(frame, key)));
  };
  if (typeof value === 'string') {
    if (!wellFormed(value)) lone(null, null);
    return facts;
  }
  if (typeof value !== 'object' || value === null) return facts;
  const stack: Frame[] = [{ value, depth: 0, parent: null, key: '' }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const { value: node, depth } = frame;
    if (depth >= MAX_DEPTH) {
      facts.tooDeep = true;
      return facts;
    }
    // Strings are checked in order here; nested values are pushed last-first so they pop in order.
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item: unknown = node[i];
        if (typeof item === 'string' && !wellFormed(item)) lone(frame, i);
      }
      for (let i = node.length - 1; i >= 0; i--) {
        const item: unknown = node[i];
        if (typeof item === 'object' && item !== null) stack.push({ value: item, depth: depth + 1, parent: frame, key: i });
      }
      continue;
    }
    const record = node as Record<string, unknown>;
    const keys = Object.keys(record);
    facts.keys += keys.length;
    for (const key of keys) {
      const item = record[key];
      if (!wellFormed(key) || (typeof item === 'string' && !wellFormed(item))) lone(frame, key);
    }
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k] as string;
      const item = record[key];
      if (typeof item === 'object' && item !== null) stack.push({ value: item, depth: depth + 1, parent: frame, key });
    }
  }
  return facts;
}

/**
 * Whether a parsed value nests deeper than MAX_DEPTH: checked before anything that recurses
 * (JSON.stringify, the editor, the fixes) touches a value from a file.
 */
export function exceedsDepth(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const stack: Array<[object, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [object, number];
    if (depth >= MAX_DEPTH) return true;
    for (const item of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof item === 'object' && item !== null) stack.push([item as object, depth + 1]);
    }
  }
  return false;
}

const SPACE = /\s/;

/** Whether the character at `i` is one that `\s` matches (any of them: the check must be exact). */
function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return SPACE.test(text[i] as string);
}

/**
 * Cheap upper bound on the keys written in a JSON text: every key is a string followed by a
 * colon. Counts what the `/"\s*:/g` matches would, without a match array per key: each such
 * match is one colon whose nearest character before it, skipping `\s`, is a quote.
 */
export function keyLikeCount(text: string): number {
  let n = 0;
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    let i = colon - 1;
    while (i >= 0 && isSpaceAt(text, i)) i--;
    if (i >= 0 && text.charCodeAt(i) === 0x22) n++;
  }
  return n;
}

export interface DuplicateKey {
  /** Path of the object that has the key twice. */
  path: string;
  key: string;
}

interface ScanFrame {
  object: boolean;
  keys: Set<string> | null;
  key: string | null;
  index: number;
  expectKey: boolean;
}

/**
 * Keys written twice in the same object of a JSON text that JSON.parse accepted (`keys`: the
 * parsed value's key count, from inspectValue). When no more `"…":` appear in the text than the
 * value has keys, there can be no duplicate and the text is not scanned.
 */
export function duplicateKeys(text: string, keys: number): DuplicateKey[] {
  if (keyLikeCount(text) <= keys) return [];
  const found: DuplicateKey[] = [];
  const frames: ScanFrame[] = [];
  const pathOf = (): string =>
    joinPath(frames.slice(0, -1).map((f) => (f.object ? (f.key as string) : f.index)));
  let i = 0;
  while (i < text.length && found.length < MAX_REPORTED) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // The closing quote is the next one not escaped by an odd run of backslashes.
      let end = text.indexOf('"', i + 1);
      for (;;) {
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === 0x5c) slashes++;
        if (slashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      const top = frames[frames.length - 1];
      if (top?.object && top.expectKey) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        if (top.keys!.has(key)) found.push({ path: pathOf(), key });
        else top.keys!.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = end + 1;
      continue;
    }
    if (c === 0x7b) frames.push({ object: true, keys: new Set(), key: null, index: 0, expectKey: true });
    else if (c === 0x5b) frames.push({ object: false, keys: null, key: null, index: 0, expectKey: false });
    else if (c === 0x7d || c === 0x5d) frames.pop();
    else if (c === 0x2c) {
      const top = frames[frames.length - 1];
      if (top?.object) top.expectKey = true;
      else if (top) top.index++;
    }
    i++;
  }
  return found;
}
