/**
 * The terminal state ftui changes outside Ink: the alternate screen (Ink 6 has no option for
 * it; that arrives with Ink 7 on Node 22) and bracketed paste, so a paste arrives marked as one
 * (src/keys/decode.ts) instead of as keys. `restore` is safe to call from every exit path,
 * more than once.
 */
import { onFatalCleanup } from '../core/crashGuard.js';
import { BRACKETED_PASTE_OFF, BRACKETED_PASTE_ON } from '../keys/decode.js';

export interface TerminalGuard {
  restore(): void;
}

const ENTER_ALT_SCREEN = '\u001B[?1049h';
const LEAVE_ALT_SCREEN = '\u001B[?1049l';
const SHOW_CURSOR = '\u001B[?25h';

export function takeOverTerminal(stdout: NodeJS.WriteStream, stdin: NodeJS.ReadStream): TerminalGuard {
  let restored = false;
  const guard: TerminalGuard = {
    restore() {
      if (restored) return;
      restored = true;
      unregister();
      try {
        if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
      } catch {
        // The terminal is gone (closed window): there is nothing left to put back.
      }
      stdout.write(BRACKETED_PASTE_OFF + LEAVE_ALT_SCREEN + SHOW_CURSOR);
    },
  };
  // Registered before the first write, so a failure from here on still leaves the alternate screen.
  const unregister = onFatalCleanup(() => guard.restore());
  stdout.write(ENTER_ALT_SCREEN + BRACKETED_PASTE_ON);
  return guard;
}
