// What makes two examples exact duplicates: the same JSON value, whatever the spacing or escapes.
// A 64-bit hash of the parsed value, walked once without recursion and without building its JSON
// text: JSON.stringify + SHA-1 was an eighth of `ftui validate`'s time. Equal values (as
// JSON.stringify would write them: keys in order, undefined members dropped, -0 as 0) hash alike;
// for different ones to collide among a million examples is a chance of about 1 in 30 million.

const TAG_NULL = 1;
const TAG_FALSE = 2;
const TAG_TRUE = 3;
const TAG_NUMBER = 4;
const TAG_STRING = 5;
const TAG_ARRAY = 6;
const TAG_OBJECT = 7;
const TAG_KEY = 8;
/** On the stack above an object's key: what comes next is a key, not a string value. */
const KEY = Symbol('key');

const float = new Float64Array(1);
const halves = new Int32Array(float.buffer);

// The two lanes, each a multiply then an xor-shift (different constants), for 64 bits together.
// Every step is a bijection of a lane's state for a given input, and of the input for a given
// state, so two inputs that differ in one step always leave different states behind.
let a = 0;
let b = 0;

function mix(x: number): void {
  a = Math.imul(a ^ x, 0x85ebca6b);
  a ^= a >>> 13;
  b = Math.imul(b ^ x, 0x5bd1e995);
  b ^= b >>> 15;
}

function text(s: string): void {
  const n = s.length;
  mix(TAG_STRING);
  mix(n);
  // Two UTF-16 units per step (the length, mixed above, tells a last lone unit from a pair): half
  // the steps of one unit at a time, on what is most of the hash's work. The xor-shifts carry the
  // second unit's bits, which a multiply only moves upwards, down to the low bits. The lanes are
  // in locals for the loop: a module variable is loaded and stored in memory at every step.
  let ha = a;
  let hb = b;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const x = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
    ha = Math.imul(ha ^ x, 0x85ebca6b);
    ha ^= ha >>> 13;
    hb = Math.imul(hb ^ x, 0x5bd1e995);
    hb ^= hb >>> 15;
  }
  a = ha;
  b = hb;
  if (i < n) mix(s.charCodeAt(i));
}

export function exampleHash(value: unknown): string {
  a = 0x811c9dc5;
  b = 0x9e3779b9;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === KEY) {
      mix(TAG_KEY);
      text(stack.pop() as string);
    } else if (typeof v === 'string') {
      text(v);
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) {
        mix(TAG_NULL);
        continue;
      }
      float[0] = v === 0 ? 0 : v;
      mix(TAG_NUMBER);
      mix(halves[0] as number);
      mix(halves[1] as number);
    } else if (typeof v === 'boolean') {
      mix(v ? TAG_TRUE : TAG_FALSE);
    } else if (Array.isArray(v)) {
      mix(TAG_ARRAY);
      mix(v.length);
      // Pushed in reverse so they are taken in order; JSON.stringify writes an undefined item as null.
      for (let i = v.length - 1; i >= 0; i--) {
        const item: unknown = v[i];
        stack.push(item === undefined || typeof item === 'function' ? null : item);
      }
    } else if (typeof v === 'object' && v !== null) {
      // Members JSON.stringify leaves out (undefined, functions) are skipped, and not counted.
      const record = v as Record<string, unknown>;
      const keys = Object.keys(record);
      let members = 0;
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        const member = record[key];
        if (member === undefined || typeof member === 'function') continue;
        stack.push(member, key, KEY);
        members++;
      }
      mix(TAG_OBJECT);
      mix(members);
    } else {
      mix(TAG_NULL);
    }
  }
  return hashText(a, b);
}

// The 64 bits as five characters of 14 bits each, from U+4E00 (well-formed, no surrogates): the
// hash is a Map key for every example, and two toString(36) and a join took 0.5 µs an example
// and gave a 15-character string V8 keeps as two parts until the Map flattens it to hash it.
const BASE = 0x4e00;
function hashText(a: number, b: number): string {
  return String.fromCharCode(
    BASE + (a & 0x3fff),
    BASE + ((a >>> 14) & 0x3fff),
    BASE + ((a >>> 28) | ((b & 0x3ff) << 4)),
    BASE + ((b >>> 10) & 0x3fff),
    BASE + (b >>> 24),
  );
}
