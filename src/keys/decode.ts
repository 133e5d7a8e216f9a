// Turns what the terminal sends into the keys it stands for. Ink 6 hands its input listeners one
// string per escape sequence and one string per run of other bytes, so a burst that arrives in
// one read (a held Backspace, fast typing, tmux send-keys) is a single run: "\x7f\x7f\x7f" is
// three Backspaces, not text. Here every control byte becomes the key it is, every escape
// sequence is named, and only printable characters or a bracketed paste ever become text.

export interface KeyPress {
  /**
   * The key as binding tables name it: 'a', 'G', '?', 'space', 'enter', 'esc', 'tab', 'shift+tab',
   * 'backspace', 'delete', 'up', 'ctrl+left', 'alt+b', 'alt+enter', 'ctrl+j', 'pgdn', 'ctrl+s'…
   * Null for a paste and for escape sequences we do not know: no binding matches those.
   */
  name: string | null;
  /** What the key types: printable characters, or a paste's text. Null for keys that type nothing. */
  text: string | null;
  /** True for a bracketed paste: its text may hold newlines and tabs, and never runs a command. */
  paste: boolean;
}

export const PASTE_START = '\u001B[200~';
export const PASTE_END = '\u001B[201~';
/** Terminal modes: bracketed paste on and off (restored on every exit path, see src/tui/terminal.ts). */
export const BRACKETED_PASTE_ON = '\u001B[?2004h';
export const BRACKETED_PASTE_OFF = '\u001B[?2004l';

const ESC = '\u001B';

const press = (name: string | null, text: string | null = null, paste = false): KeyPress => ({ name, text, paste });

/** Control bytes: \r is Enter, \n is ctrl+j, \x7f and \b are Backspace, \x01..\x1a are ctrl+letter. */
function controlName(code: number): string | null {
  switch (code) {
    case 0x0d:
      return 'enter';
    case 0x0a:
      return 'ctrl+j';
    case 0x09:
      return 'tab';
    case 0x7f:
    case 0x08:
      return 'backspace';
    case 0x00:
      return 'ctrl+space';
    case 0x1b:
      return 'esc';
  }
  if (code >= 0x01 && code <= 0x1a) return `ctrl+${String.fromCharCode(code + 96)}`;
  return null;
}

/** C0 and C1 controls and DEL: never text typed at a keyboard. */
export function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** Pasted text as it may enter a field: line ends become \n, tab stays, other control characters go. */
export function cleanPaste(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '');
}

const FINAL_KEYS: Record<string, string> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', Z: 'shift+tab' };
const TILDE_KEYS: Record<string, string> = { '1': 'home', '2': 'insert', '3': 'delete', '4': 'end', '5': 'pgup', '6': 'pgdn', '7': 'home', '8': 'end' };

/** xterm's modifier parameter (1 + shift 1, alt 2, ctrl 4) as a name prefix. */
function modifiers(param: string | undefined): string {
  const value = param === undefined ? 0 : Number(param) - 1;
  if (!(value > 0)) return '';
  let prefix = '';
  if (value & 4) prefix += 'ctrl+';
  if (value & 2) prefix += 'alt+';
  if (value & 1) prefix += 'shift+';
  return prefix;
}

/** One escape sequence (as Ink splits them) to a key name, or null for one we do not know. */
export function escapeName(sequence: string): string | null {
  if (sequence === ESC) return 'esc';
  // ESC ESC [ A: some terminals send alt+arrow as the arrow with an extra escape.
  if (sequence.startsWith(ESC + ESC)) {
    const inner = escapeName(sequence.slice(1));
    return inner === null || inner.includes('+') ? inner : `alt+${inner}`;
  }
  const csi = /^\u001B\[(\[?)([0-9;]*)([@-~])$/.exec(sequence);
  if (csi) {
    const [, legacy, params = '', final = ''] = csi;
    // ESC [ [ A … are the Linux console's function keys, which ftui binds to nothing.
    if (legacy) return null;
    const parts = params.split(';');
    if (final === '~') {
      const base = TILDE_KEYS[parts[0] ?? ''];
      return base === undefined ? null : modifiers(parts[1]) + base;
    }
    const base = FINAL_KEYS[final];
    if (base === undefined) return null;
    if (base === 'shift+tab') return base;
    return modifiers(parts.length > 1 ? parts[1] : undefined) + base;
  }
  const ss3 = /^\u001BO([A-DHF])$/.exec(sequence);
  if (ss3) return FINAL_KEYS[ss3[1]!] ?? null;
  // ESC followed by one character: alt+that key.
  const rest = sequence.slice(1);
  if ([...rest].length === 1) {
    const code = rest.codePointAt(0)!;
    if (code === 0x0d) return 'alt+enter';
    if (code === 0x7f || code === 0x08) return 'alt+backspace';
    if (code === 0x20) return 'alt+space';
    if (isControl(code)) return null;
    return `alt+${rest}`;
  }
  return null;
}

/**
 * An escape sequence as Ink splits it, as keys. Esc followed at once by a control key (Esc then
 * ctrl+s, or two Escapes, in one read) is those two keys: terminals send alt only with printable
 * keys, Enter and Backspace.
 */
function escapeKeys(sequence: string): KeyPress[] {
  const rest = sequence.slice(1);
  if (rest.length === 1 && isControl(rest.charCodeAt(0)) && escapeName(sequence) === null) return [press('esc'), ...decodeRun(rest)];
  if (rest === ESC) return [press('esc'), press('esc')];
  return [press(escapeName(sequence))];
}

/**
 * A stateful decoder: a bracketed paste can span several reads, so its text is gathered until
 * the closing marker. Feed it each string Ink emits, in order.
 */
export class KeyDecoder {
  private pasting: string[] | null = null;

  push(event: string): KeyPress[] {
    if (this.pasting !== null) {
      const end = event.indexOf(PASTE_END);
      if (end === -1) {
        this.pasting.push(event);
        return [];
      }
      this.pasting.push(event.slice(0, end));
      const text = cleanPaste(this.pasting.join(''));
      this.pasting = null;
      const after = event.slice(end + PASTE_END.length);
      return [...(text === '' ? [] : [press(null, text, true)]), ...(after ? this.push(after) : [])];
    }
    if (event.startsWith(PASTE_START)) {
      this.pasting = [];
      const after = event.slice(PASTE_START.length);
      return after ? this.push(after) : [];
    }
    if (event.startsWith(ESC)) return escapeKeys(event);
    return decodeRun(event);
  }

  /** True while a paste has started and not ended. */
  get inPaste(): boolean {
    return this.pasting !== null;
  }
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * A run without escapes: each control byte is its key, and each printable grapheme is a key of
 * its own that types itself (an emoji with its modifiers and joiners stays whole).
 */
function decodeRun(run: string): KeyPress[] {
  const out: KeyPress[] = [];
  let text = '';
  const flush = () => {
    for (const { segment } of graphemes.segment(text)) out.push(press(segment === ' ' ? 'space' : segment, segment));
    text = '';
  };
  for (const ch of run) {
    const code = ch.codePointAt(0)!;
    if (isControl(code)) {
      flush();
      const name = controlName(code);
      if (name !== null) out.push(press(name));
    } else {
      text += ch;
    }
  }
  flush();
  return out;
}
