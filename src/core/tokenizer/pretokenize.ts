// tiktoken's split patterns, as hand-written scanners that return where the piece starting at `i`
// ends. They follow the Rust regex's leftmost-first semantics alternative by alternative, with
// its classes (charClass.ts: Unicode 16, \s = White_Space), and allocate nothing:
//
// o200k_base:
//   [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?
//   |[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?
//   |\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+
// cl100k_base:
//   (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*
//   |\s*[\r\n]+|\s+(?!\S)|\s+
//
// test/unit/tokenizer checks them against a RegExp built from the same classes and against
// tiktoken itself. Lone surrogates are read as U+FFFD, as tiktoken reads them (its bindings
// encode text to UTF-8 with replacement).
import { CHAR_CLASS } from './charClassIds.js';

/** End (exclusive, in UTF-16 units) of the piece that starts at `i`; `i` < text.length. */
export type PieceScanner = (text: string, i: number, classes: Uint8Array) => number;

const OTHER = CHAR_CLASS.other;
const UPPER = CHAR_CLASS.upper;
const LOWER = CHAR_CLASS.lower;
const LETTER = CHAR_CLASS.letter;
const MARK = CHAR_CLASS.mark;
const NUMBER = CHAR_CLASS.number;
const SPACE = CHAR_CLASS.space;
const CR = 13;
const LF = 10;
const APOSTROPHE = 0x27;

/** The code point at `i`; a surrogate without its pair reads as U+FFFD. */
export function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return c;
  if (c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return 0xfffd;
}

const width = (cp: number): number => (cp > 0xffff ? 2 : 1);
// [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}] and [\p{Ll}\p{Lm}\p{Lo}\p{M}]
const isUp = (k: number): boolean => k === UPPER || k === LETTER || k === MARK;
const isLo = (k: number): boolean => k === LOWER || k === LETTER || k === MARK;
const isLetter = (k: number): boolean => k === UPPER || k === LOWER || k === LETTER;
// [^\r\n\p{L}\p{N}]
const isPrefix = (cp: number, k: number): boolean => (k === OTHER || k === MARK || k === SPACE) && cp !== CR && cp !== LF;
// [^\s\p{L}\p{N}]
const isSymbol = (k: number): boolean => k === OTHER || k === MARK;

/** (?i:'s|'t|'re|'ve|'m|'ll|'d) at `i`: its end, or -1. Case folding also takes U+017F (ſ) for s. */
function contraction(text: string, i: number): number {
  if (text.charCodeAt(i) !== APOSTROPHE || i + 1 >= text.length) return -1;
  const c = text.charCodeAt(i + 1) | 0x20;
  if (c === 0x73 /* s */ || c === 0x74 /* t */ || c === 0x6d /* m */ || c === 0x64 /* d */) return i + 2;
  if (text.charCodeAt(i + 1) === 0x17f) return i + 2;
  if (i + 2 >= text.length) return -1;
  const d = text.charCodeAt(i + 2) | 0x20;
  if ((c === 0x72 /* r */ || c === 0x76) /* v */ && d === 0x65 /* e */) return i + 3;
  if (c === 0x6c /* l */ && d === 0x6c) return i + 3;
  return -1;
}

function withContraction(text: string, end: number): number {
  const c = contraction(text, end);
  return c === -1 ? end : c;
}

/** [UP]*[LO]+ from `j`: its end, or -1. */
function upperThenLower(text: string, j: number, classes: Uint8Array): number {
  const n = text.length;
  let p = j;
  let lastLowerEnd = -1;
  let k = -1;
  while (p < n) {
    const cp = codePointAt(text, p);
    k = classes[cp] as number;
    if (!isUp(k)) break;
    p += width(cp);
    if (k !== UPPER) lastLowerEnd = p;
  }
  // Greedy [UP]* stopped at p; [LO]+ continues from there when it can (only Ll is LO but not UP) ...
  if (p < n && k === LOWER) {
    while (p < n) {
      const cp = codePointAt(text, p);
      if (!isLo(classes[cp] as number)) break;
      p += width(cp);
    }
    return p;
  }
  // ... or [UP]* gives characters back until the last one it kept is LO, which [LO]+ then takes alone.
  return lastLowerEnd;
}

/** [UP]+[LO]* from `j`: its end, or -1. */
function upperRun(text: string, j: number, classes: Uint8Array): number {
  const n = text.length;
  let p = j;
  while (p < n) {
    const cp = codePointAt(text, p);
    if (!isUp(classes[cp] as number)) break;
    p += width(cp);
  }
  if (p === j) return -1;
  while (p < n) {
    const cp = codePointAt(text, p);
    if (!isLo(classes[cp] as number)) break;
    p += width(cp);
  }
  return p;
}

/** \p{L}+ from `j`: its end, or -1. */
function letterRun(text: string, j: number, classes: Uint8Array): number {
  const n = text.length;
  let p = j;
  while (p < n) {
    const cp = codePointAt(text, p);
    if (!isLetter(classes[cp] as number)) break;
    p += width(cp);
  }
  return p === j ? -1 : p;
}

/** \p{N}{1,3} at `i` (known to be a number). */
function numberRun(text: string, i: number, classes: Uint8Array): number {
  let p = i;
  for (let taken = 0; taken < 3 && p < text.length; taken++) {
    const cp = codePointAt(text, p);
    if (classes[cp] !== NUMBER) break;
    p += width(cp);
  }
  return p;
}

/** ` ?[^\s\p{L}\p{N}]+` then [\r\n]* (and '/' for o200k) at `i`: its end, or -1. */
function symbolRun(text: string, i: number, classes: Uint8Array, slash: boolean): number {
  const n = text.length;
  let p = i;
  if (text.charCodeAt(p) === 0x20) p++;
  const start = p;
  while (p < n) {
    const cp = codePointAt(text, p);
    if (!isSymbol(classes[cp] as number)) break;
    p += width(cp);
  }
  if (p === start) return -1;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c !== CR && c !== LF && !(slash && c === 0x2f)) break;
    p++;
  }
  return p;
}

/** \s*[\r\n]+ | \s+(?!\S) | \s+ at `i` (known to be white space). White_Space is all in the BMP. */
function spaceRun(text: string, i: number, classes: Uint8Array): number {
  const n = text.length;
  let p = i;
  let lastNewlineEnd = -1;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (classes[c] !== SPACE) break;
    p++;
    if (c === CR || c === LF) lastNewlineEnd = p;
  }
  // \s*[\r\n]+: greedy \s* gives back until [\r\n]+ can match; that ends after the run's last \r or \n.
  if (lastNewlineEnd !== -1) return lastNewlineEnd;
  // \s+(?!\S): the whole run at the end of the text, else all but its last character.
  if (p === n) return p;
  if (p - i >= 2) return p - 1;
  return p;
}

export const nextPieceO200k: PieceScanner = (text, i, classes) => {
  const cp = codePointAt(text, i);
  const k = classes[cp] as number;
  const prefixed = isPrefix(cp, k);
  if (prefixed || isUp(k) || isLo(k)) {
    // Alternatives in order: with the optional prefix taken, then without it; [UP]*[LO]+ before [UP]+[LO]*.
    let end = prefixed ? upperThenLower(text, i + width(cp), classes) : -1;
    if (end === -1 && (isUp(k) || isLo(k))) end = upperThenLower(text, i, classes);
    if (end === -1 && prefixed) end = upperRun(text, i + width(cp), classes);
    if (end === -1 && isUp(k)) end = upperRun(text, i, classes);
    if (end !== -1) return withContraction(text, end);
  }
  if (k === NUMBER) return numberRun(text, i, classes);
  const symbols = symbolRun(text, i, classes, true);
  if (symbols !== -1) return symbols;
  return spaceRun(text, i, classes);
};

export const nextPieceCl100k: PieceScanner = (text, i, classes) => {
  const contracted = contraction(text, i);
  if (contracted !== -1) return contracted;
  const cp = codePointAt(text, i);
  const k = classes[cp] as number;
  if (isPrefix(cp, k)) {
    const end = letterRun(text, i + width(cp), classes);
    if (end !== -1) return end;
  } else if (isLetter(k)) {
    return letterRun(text, i, classes);
  }
  if (k === NUMBER) return numberRun(text, i, classes);
  const symbols = symbolRun(text, i, classes, false);
  if (symbols !== -1) return symbols;
  return spaceRun(text, i, classes);
};
