// The classes tiktoken's split patterns tell apart. Every code point is in exactly one.
// o200k's letter runs take [Lu Lt Lm Lo M]* then [Ll Lm Lo M]+, so letters are kept by case;
// marks are in both of those sets but not in \p{L}, which is what cl100k uses.
export const CHAR_CLASS = {
  other: 0,
  /** Lu, Lt */
  upper: 1,
  /** Ll */
  lower: 2,
  /** Lm, Lo: both cases for o200k */
  letter: 3,
  /** Mn, Mc, Me */
  mark: 4,
  /** Nd, Nl, No */
  number: 5,
  /** Unicode White_Space, which is what Rust's \s means (JavaScript's \s differs: U+0085, U+FEFF) */
  space: 6,
} as const;
