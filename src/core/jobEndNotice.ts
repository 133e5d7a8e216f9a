// A watched job ended: ring the terminal's bell and, where the terminal supports it (iTerm2,
// WezTerm, Windows Terminal, kitty, foot…), raise a desktop notification with OSC 9. Terminals
// without OSC 9 ignore the sequence. Neither moves the cursor, so a full-screen app can send them.
import type { JobRecord } from './domain.js';

const BEL = '\u0007';

/** Text safe inside an OSC string: no control characters, bounded. */
function oscText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ').slice(0, 200);
}

export function jobEndMessage(job: JobRecord): string {
  if (job.status === 'succeeded') return `ftui: job ${job.id} succeeded${job.fineTunedModel ? `: ${job.fineTunedModel}` : ''}`;
  return `ftui: job ${job.id} ${job.status}`;
}

/** The bytes to write to the terminal when a watched job ends. */
export function jobEndNotice(job: JobRecord): string {
  return `\u001B]9;${oscText(jobEndMessage(job))}${BEL}${BEL}`;
}
