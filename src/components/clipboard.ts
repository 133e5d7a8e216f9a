// Copying to the clipboard the way terminal apps do over SSH and in tmux: an OSC 52 sequence
// written to the app's own stdout (the terminal decides whether to allow it; tmux needs
// `set -g set-clipboard on`). The text is always shown too, for terminals that ignore it.

/** Terminals cap what one OSC 52 may carry (xterm ~100 kB of base64); longer texts are not sent. */
export const OSC52_MAX_BYTES = 74_000;

/** The sequence that asks the terminal to put `text` on the clipboard, or null when it is too long. */
export function osc52(text: string): string | null {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length > OSC52_MAX_BYTES) return null;
  return `\u001B]52;c;${bytes.toString('base64')}\u0007`;
}

/** Writes the sequence to `out` (Ink's stdout); false when the text is too long to send. */
export function copyToClipboard(out: { write(data: string): unknown }, text: string): boolean {
  const sequence = osc52(text);
  if (sequence === null) return false;
  out.write(sequence);
  return true;
}
