// Checks on free text (message content, text parts, tool-call arguments): tokenizer control
// strings, a stray byte order mark, control characters, likely credentials and contact details. Each check runs at
// most once per text and reports its first hit, so a long document costs one pass per pattern.
import type { ExampleContext } from '../context.js';

const SPECIAL_TOKEN = /<\|(?:endoftext|endofprompt|fim_prefix|fim_middle|fim_suffix|im_start|im_end|im_sep)\|>/;

// `needs`: strings every match contains, all of them; most texts hold none, and a string search
// is far cheaper than the pattern (the URL one alone was ~4% of validating a file). Each is
// chosen to be cheap to search for: "sk-" alone cost as much as four of the others (an "s" is
// in every text, so a search stops at every one), where "-" first rules most texts out.
export const SECRETS: ReadonlyArray<{ name: string; needs: readonly string[]; pattern: RegExp }> = [
  { name: 'an OpenAI API key', needs: ['-', 'sk-'], pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/ },
  { name: 'an AWS access key id', needs: ['IA'], pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { name: 'a GitHub token', needs: ['_'], pattern: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{50,}/ },
  { name: 'a Slack token', needs: ['-', 'xox'], pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { name: 'a Google API key', needs: ['Iza'], pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { name: 'a private key', needs: ['-', '-----BEGIN '], pattern: /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/ },
  { name: 'a password in a URL', needs: ['@', '://'], pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:[^\s/@]+@[^\s/]+/i },
];

/**
 * Whether `text` holds every string of `needs`. The answers for "-" and "@", which several
 * checks start with, are kept in `seen` for the text (bit 1 and 2: searched; 4 and 8: found).
 */
function holdsAll(text: string, needs: readonly string[], seen: { bits: number }): boolean {
  for (let i = 0; i < needs.length; i++) {
    const literal = needs[i] as string;
    const bit = literal === '-' ? 1 : literal === '@' ? 2 : 0;
    if (bit === 0) {
      if (!text.includes(literal)) return false;
      continue;
    }
    if ((seen.bits & bit) === 0) seen.bits |= bit | (text.includes(literal) ? bit << 2 : 0);
    if ((seen.bits & (bit << 2)) === 0) return false;
  }
  return true;
}

const AT = ['@'];
const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/;
// Needs separators or a leading +, so plain numbers in prose or data do not look like phones.
const PHONE = /(?:\+\d{1,3}[\s.-]?\(?\d{1,4}\)?[\s.-]\d{2,4}[\s.-]\d{2,4}(?:[\s.-]\d{2,4})?|\(\d{3}\)\s?\d{3}-\d{4}|\b\d{3}[.-]\d{3}[.-]\d{4})\b/;

// Control characters other than tab and line ends (C0, DEL, C1): a key captured as text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Keep the first and last characters so the user can find it without the report repeating it. */
function mask(text: string): string {
  if (text.length <= 8) return `${text.slice(0, 2)}…`;
  return `${text.slice(0, 4)}…${text.slice(-2)}`;
}

export function checkText(ctx: ExampleContext, text: string, path: string): void {
  // Cheap gates first: most texts contain none of these characters.
  if (text.includes('<|')) {
    const m = SPECIAL_TOKEN.exec(text);
    if (m) ctx.report('special_token_in_text', path, `The text contains the special token ${m[0]}.`);
  }
  if (text.includes('\uFEFF')) {
    ctx.report('bom_in_text', path, 'The text contains an invisible byte order mark (U+FEFF); token counts next to it can be off by a token or two.');
  }
  const control = ctx.controlFree ? null : CONTROL.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    const count = (text.match(new RegExp(CONTROL.source, 'g')) ?? []).length;
    const where = `character ${control.index + 1}`;
    ctx.report(
      'control_character_in_text',
      path,
      count === 1 ? `The text contains the control character U+${code} at ${where}.` : `The text contains ${count} control characters, the first U+${code} at ${where}.`,
    );
  }
  const seen = { bits: 0 };
  for (const { name, needs, pattern } of SECRETS) {
    if (!holdsAll(text, needs, seen)) continue;
    const m = pattern.exec(text);
    if (m) {
      ctx.report('possible_secret', path, `This looks like ${name} (${mask(m[0])}).`);
      break;
    }
  }
  if (holdsAll(text, AT, seen)) {
    const m = EMAIL.exec(text);
    if (m) ctx.report('contact_pii', path, `The text contains an email address (${mask(m[0])}).`);
  }
  const phone = PHONE.exec(text);
  if (phone) ctx.report('contact_pii', path, `The text contains what looks like a phone number (${mask(phone[0])}).`);
}
