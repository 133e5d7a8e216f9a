// Which texts may be analysed on the interface thread. Tokenizing costs time that grows faster
// than the length of one pre-tokenised chunk (a run of letters without a space, a run of spaces),
// so a text is quick only when it is short AND has no long run of one kind: then no chunk is
// long and the whole text costs a few milliseconds. Anything else is analysed on a worker.

/** Longest text analysed where it is asked for. */
export const QUICK_MAX_CHARS = 32_000;
/** Longest run of non-space (or of space) characters a quick text may have. */
const QUICK_MAX_RUN = 1_000;

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** True when analysing `text` could hold the thread up long enough for a person to feel it. */
export function analysisMayBeSlow(text: string): boolean {
  if (text.length > QUICK_MAX_CHARS) return true;
  let run = 0;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const s = isSpace(text.charCodeAt(i));
    if (s === space) {
      if (++run >= QUICK_MAX_RUN) return true;
    } else {
      space = s;
      run = 1;
    }
  }
  return false;
}
