import stringWidth from 'string-width';
import type { ChatState } from '../../store/slices/chat.js';

export interface TranscriptLine {
  role: 'user' | 'assistant';
  text: string;
  /** The first line of a message carries its speaker. */
  first: boolean;
}

/** Wraps one paragraph to `width` columns at spaces, breaking words longer than a line. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      let w = word;
      while (stringWidth(w) > width) {
        if (line !== '') {
          out.push(line);
          line = '';
        }
        let head = '';
        for (const ch of w) {
          if (stringWidth(head + ch) > width) break;
          head += ch;
        }
        out.push(head);
        w = w.slice(head.length);
      }
      const candidate = line === '' ? w : `${line} ${w}`;
      if (stringWidth(candidate) > width) {
        out.push(line);
        line = w;
      } else line = candidate;
    }
    out.push(line);
  }
  return out;
}

// Finished messages never change (the store replaces, never edits, them), so each is wrapped
// once per width; while a reply streams only the reply itself is wrapped again.
const wrapped = new WeakMap<object, { width: number; lines: TranscriptLine[] }>();

function messageLines(m: { role: 'user' | 'assistant'; content: string }, width: number): TranscriptLine[] {
  const label = m.role === 'user' ? 'you: ' : 'model: ';
  return wrap(label + m.content, width).map((text, i) => ({ role: m.role, text, first: i === 0 }));
}

/** The conversation, streaming reply included, as screen lines; the screen shows the last ones. */
export function transcriptLines(chat: ChatState, width: number): TranscriptLine[] {
  const out: TranscriptLine[] = [];
  for (const m of chat.messages) {
    let cached = wrapped.get(m);
    if (cached === undefined || cached.width !== width) {
      cached = { width, lines: messageLines(m, width) };
      wrapped.set(m, cached);
    }
    out.push(...cached.lines);
  }
  if (chat.stream !== null) out.push(...messageLines({ role: 'assistant', content: `${chat.stream.text}▍` }, width));
  return out;
}
