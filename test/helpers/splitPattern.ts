// tiktoken's split patterns as JavaScript RegExps, with every class spelled out from the same
// pinned Unicode 16 table the scanners use (so neither JavaScript's \s nor its ICU version leaks
// in). A second, independent reading of the patterns to check the hand-written scanners against.
import { charClasses } from '../../src/core/tokenizer/charClass.js';
import { CHAR_CLASS } from '../../src/core/tokenizer/charClassIds.js';

function classSource(ids: readonly number[]): string {
  const table = charClasses();
  const hex = (cp: number) => `\\u{${cp.toString(16)}}`;
  let out = '';
  for (let cp = 0; cp < table.length; ) {
    if (!ids.includes(table[cp] as number)) {
      cp++;
      continue;
    }
    const start = cp;
    while (cp < table.length && ids.includes(table[cp] as number)) cp++;
    out += cp - 1 === start ? hex(start) : `${hex(start)}-${hex(cp - 1)}`;
  }
  return out;
}

export function splitRegExps(): { o200k_base: RegExp; cl100k_base: RegExp } {
  const C = CHAR_CLASS;
  const L = classSource([C.upper, C.lower, C.letter]);
  const UP = classSource([C.upper, C.letter, C.mark]);
  const LO = classSource([C.lower, C.letter, C.mark]);
  const N = classSource([C.number]);
  const S = classSource([C.space]);
  const contraction = "(?:'[sS\\u017f]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])";
  const prefix = `[^\\r\\n${L}${N}]`;
  const symbols = `[^${S}${L}${N}]`;
  const spaces = `[${S}]*[\\r\\n]+|[${S}]+(?![^${S}])|[${S}]+`;
  const o200k = `${prefix}?[${UP}]*[${LO}]+${contraction}?|${prefix}?[${UP}]+[${LO}]*${contraction}?|[${N}]{1,3}| ?${symbols}+[\\r\\n/]*|${spaces}`;
  const cl100k = `${contraction}|${prefix}?[${L}]+|[${N}]{1,3}| ?${symbols}+[\\r\\n]*|${spaces}`;
  return { o200k_base: new RegExp(o200k, 'gu'), cl100k_base: new RegExp(cl100k, 'gu') };
}

/** The pieces a RegExp from splitRegExps cuts `text` into. */
export function splitWith(regexp: RegExp, text: string): string[] {
  return Array.from(text.matchAll(regexp), (m) => m[0]);
}
