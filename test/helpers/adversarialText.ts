// Text that tokenizers get wrong: the characters where JavaScript and Rust disagree on white
// space, surrogates, marks, joiners, scripts, and property names that trip object lookups.
import { seededRandom } from '../../src/core/seededRandom.js';

export const ADVERSARIAL_STRINGS: readonly string[] = [
  '',
  'hello world',
  ' \u0085䃲', // NEL: white space to Rust's \s, not to JavaScript's
  'x\ufeffy', // BOM: white space to JavaScript's \s, not to Rust's
  '\ufeff{"a": 1}',
  'a\u0085\u0085b \u0085 \u0085\n',
  '\u00a0\u00a0x \u2028\u2029y\u3000\u3000z \u180e \u200b \u2060',
  '\ud800', // lone surrogates: tiktoken reads them as U+FFFD
  'ab\udc00cd \ud83d',
  '\ud83d\ude00\ud83d',
  '<|endoftext|>',
  'say <|endoftext|> and <|fim_prefix|><|im_start|>',
  'e\u0301 cafe\u0301 \u0301\u0301abc \u0301ABC x\u0308\u0323y',
  'क्षत्रिय देवनागरी ภาษาไทย', // combining marks in Indic and Thai
  '👩‍👩‍👧‍👦 👨🏽‍💻 🏳️‍🌈 ❤️‍🔥 1️⃣',
  '你好，世界。日本語の文章、한국어 문장',
  '\u{20000}\u{2A6D6}\u{2EBF0}', // CJK extensions B and I, outside the BMP
  '__proto__ toString constructor hasOwnProperty valueOf prototype',
  '{"__proto__": {"toString": 1}}',
  "don't I'LL we've they're she'd I'm it's 'S 'ſ don'ſt",
  "''s '''t x''ll",
  'ǅungla ǈ ǋ Ǉ', // titlecase letters
  'ʰʲ ˈstress ᵃᵇ', // modifier letters
  '٣٤٥ ½⅓ Ⅻ 12345678 0.5e-10 ①②',
  '   \n\n   x \r\n\r\n  \t\t\n y  ',
  'tab\there\r\rcr\n\n\n',
  'path/to/file.txt //comment /**/ \n/ \r\n//',
  'https://user:pass@example.com/a?b=c&d=e#f',
  '\u0000\u0001\u001f\u007f',
  '\ufffd\ufffe\uffff',
  'A\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030a\u030b\u030c',
  'HTTPServerError XMLHttpRequest iPhone eBay McDONALD',
  'ΑΒΓ αβγ ΣΊΣΥΦΟΣ ς',
  'مرحبا بالعالم שלום עולם',
  '\u{10D50}\u{10D70}\u{1E5D1} \u{10940}\u{323B0}', // letters new in Unicode 16, and in 17 (not letters to tiktoken)
];

/** Characters from every class the patterns tell apart, for random strings. */
const ALPHABET = [
  'a', 'b', 'z', 'A', 'Z', 's', 'S', 't', 'e', 'l', 'L', 'r', 'v', 'm', 'd', 'D',
  '0', '7', '9', '٣', '½', 'Ⅻ',
  ' ', ' ', ' ', '\t', '\n', '\r', '\u000b', '\u000c', '\u0085', '\u00a0', '\u1680', '\u2000', '\u2028', '\u3000', '\ufeff', '\u180e', '\u200b',
  "'", "'", 'ſ', '/', '.', ',', '!', '-', '_', '{', '"', '<', '|', '>', '\\',
  '\u0301', '\u0308', '\u093f', '\u0e31', '\u20dd',
  'ǅ', 'ʰ', 'ª', 'é', 'ß', 'İ', 'ı', 'K',
  '中', '文', 'の', '한',
  '😀', '👩', '\u200d', '\ufe0f', '\u{1F3FD}', '\u{20000}',
  '\ud800', '\udc00',
  'é', '£', '€', '\u0000', '\u007f',
  ' the', 'ing', 'tion', '://', '<|endoftext|>',
];

/** Seeded random strings from `alphabet` (ALPHABET unless given), up to `maxParts` parts long. */
export function randomStrings(seed: number, count: number, maxParts: number, alphabet: readonly string[] = ALPHABET): string[] {
  const rand = seededRandom(seed);
  return Array.from({ length: count }, () => {
    let s = '';
    const parts = 1 + Math.floor(rand() * maxParts);
    for (let i = 0; i < parts; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
    return s;
  });
}

/** A deterministic string of `length` characters drawn from `alphabet`. */
export function longWord(length: number, alphabet: string, seed = 7): string {
  const rand = seededRandom(seed);
  const chars = Array.from(alphabet);
  let s = '';
  while (s.length < length) s += chars[Math.floor(rand() * chars.length)];
  return s;
}
