import { BRACKETED_PASTE_OFF, BRACKETED_PASTE_ON } from '../keys/decode.js';

/**
 * The terminal state ftui changes outside Ink: the alternate screen (Ink 6 has no option for
 * it; that arrives with Ink 7 on Node 22) and bracketed paste, so a paste arrives marked as one
 * (src/keys/decode.ts) instead of as keys. `restore` is safe to call from every exit path,
 * more than once.
 */
export interface TerminalGuard {
  restore(): void;
}

const ENTER_ALT_SCREEN = '\u001B[?1049h';
const LEAVE_ALT_SCREEN = '\u001B[?1049l';
const SHOW_CURSOR = '\u001B[?25h';

export function takeOverTerminal(stdout: NodeJS.WriteStream, stdin: NodeJS.ReadStream): TerminalGuard {
  stdout.write(ENTER_ALT_SCREEN + BRACKETED_PASTE_ON);
  let restored = false;
  return {
    restore() {
      if (restored) return;
      restored = true;
      if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
      stdout.write(BRACKETED_PASTE_OFF + LEAVE_ALT_SCREEN + SHOW_CURSOR);
    },
  };
}
