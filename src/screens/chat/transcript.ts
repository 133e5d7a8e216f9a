// The conversation as screen rows: user turns across the width, assistant turns as one column or,
// in compare mode, two side by side, each with its model, its version and its figures (latency,
// tokens, cost where the price is known). Long replies wrap at spaces; nothing is cut.
import stringWidth from 'string-width';
import { cut } from '../../components/fitLine.js';
import { chatCostUsd } from '../../core/models.js';
import { replyUsd } from '../../core/money.js';
import { shownReply, type AssistantTurn, type ChatReply, type ChatTurn } from '../../store/slices/chat.js';

export interface Span {
  text: string;
  color?: string;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
}

/** One screen row: spans drawn one after the other, never wider than the transcript. */
export type Line = Span[];

/** Wraps text to `width` columns at spaces, breaking words longer than a line; keeps its line breaks. */
export function wrap(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      let rest = word;
      while (stringWidth(rest) > w) {
        if (line !== '') {
          out.push(line);
          line = '';
        }
        let head = '';
        for (const ch of rest) {
          if (stringWidth(head + ch) > w) break;
          head += ch;
        }
        if (head === '') head = [...rest][0]!;
        out.push(head);
        rest = rest.slice(head.length);
      }
      const candidate = line === '' ? rest : `${line} ${rest}`;
      if (stringWidth(candidate) > w) {
        out.push(line);
        line = rest;
      } else line = candidate;
    }
    out.push(line);
  }
  return out;
}

/**
 * "1.2 s · 12+40 tok · $0.000048" for a finished reply (`tokens: false` leaves the token counts
 * out, for a line that says them in words); what is unknown is left out.
 */
export function replyFigures(reply: ChatReply, fineTuned: boolean, tokens = true): string {
  const parts: string[] = [];
  if (reply.finishedAt !== null && !reply.edited && reply.model !== '') parts.push(`${((reply.finishedAt - reply.sentAt) / 1000).toFixed(1)} s`);
  if (reply.usage) {
    if (tokens) parts.push(`${reply.usage.promptTokens}+${reply.usage.completionTokens} tok`);
    const usd = chatCostUsd(reply.model, reply.usage, fineTuned);
    parts.push(usd === null ? 'cost n/a' : replyUsd(usd));
  }
  return parts.join(' · ');
}

export interface TranscriptOptions {
  width: number;
  /** Which models are the user's fine-tunes (their price differs from the base's). */
  fineTuned: (model: string) => boolean;
}

// Finished turns never change (the store replaces, never edits, them), so each is laid out once
// per width; while a reply streams only its own turn is laid out again.
const cache = new WeakMap<object, { width: number; lines: Line[] }>();

/** The whole conversation as rows; the screen shows a window of them. */
export function transcriptLines(turns: readonly ChatTurn[], options: TranscriptOptions): Line[] {
  const out: Line[] = [];
  for (const turn of turns) {
    let known = cache.get(turn);
    if (known === undefined || known.width !== options.width) {
      known = { width: options.width, lines: turn.role === 'user' ? userLines(turn.content, options.width) : assistantLines(turn, options) };
      cache.set(turn, known);
    }
    out.push(...known.lines);
  }
  return out;
}

function userLines(content: string, width: number): Line[] {
  return wrap(`you: ${printable(content)}`, width).map((text, i) => [{ text, color: 'cyan', bold: i === 0 }]);
}

function versionTag(turn: AssistantTurn, column: number): string {
  const count = turn.columns[column]!.length;
  return count > 1 ? ` [${(turn.shown[column] ?? 0) + 1}/${count}]` : '';
}

/**
 * Text from a model or a file as it may reach the terminal: line ends kept, tabs as spaces, and
 * every other control character (an escape sequence could move the cursor or recolour the
 * screen) shown as a replacement mark.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/.test(text)) return text;
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, '\uFFFD');
}

function replyBody(reply: ChatReply): { text: string; color?: string } {
  const text = printable(reply.text);
  if (reply.state === 'streaming') return { text: `${text}▍` };
  if (text === '' && reply.state === 'failed') return { text: '(no reply: the request failed)', color: 'red' };
  if (text === '' && reply.state === 'stopped') return { text: '(stopped before any text)', color: 'yellow' };
  return { text: reply.state === 'stopped' ? `${text} (stopped)` : text };
}

function assistantLines(turn: AssistantTurn, options: TranscriptOptions): Line[] {
  return turn.columns.length === 1 ? singleLines(turn, options) : columnLines(turn, options);
}

/** One model: "model: text…", as a conversation reads. */
function singleLines(turn: AssistantTurn, options: TranscriptOptions): Line[] {
  const reply = shownReply(turn)!;
  const who = reply.edited ? 'corrected' : 'model';
  const body = replyBody(reply);
  return wrap(`${who}${versionTag(turn, 0)}: ${body.text}`, options.width).map((text, i) => [{ text, bold: i === 0, ...(body.color ? { color: body.color } : {}) }]);
}

const GUTTER = ' │ ';

/** Compare mode: each model's reply in a column of its own, the picked one marked. */
function columnLines(turn: AssistantTurn, options: TranscriptOptions): Line[] {
  const count = turn.columns.length;
  const colWidth = Math.max(8, Math.floor((options.width - GUTTER.length * (count - 1)) / count));
  const columns = turn.columns.map((_, c) => {
    const reply = shownReply(turn, c)!;
    const picked = c === turn.picked;
    const name = reply.edited ? 'your correction' : reply.model || 'saved reply';
    // A long model name is cut; the mark and the version it shows are kept.
    const tag = versionTag(turn, c);
    const head = `${picked ? '▸ ' : '  '}${cut(name, Math.max(1, colWidth - 2 - tag.length))}${tag}`;
    const body = replyBody(reply);
    const figures = reply.state === 'streaming' ? '' : replyFigures(reply, options.fineTuned(reply.model));
    const lines: Line[] = [[{ text: head, bold: true, ...(picked ? { color: 'green' } : { dim: true }) }]];
    for (const text of wrap(body.text, colWidth)) lines.push([{ text, ...(body.color ? { color: body.color } : {}) }]);
    if (figures !== '') for (const text of wrap(figures, colWidth)) lines.push([{ text, dim: true }]);
    return lines;
  });
  const rows = Math.max(...columns.map((c) => c.length));
  const out: Line[] = [];
  for (let r = 0; r < rows; r++) {
    const line: Line = [];
    columns.forEach((column, c) => {
      if (c > 0) line.push({ text: GUTTER, dim: true });
      const cell = column[r] ?? [{ text: '' }];
      const used = cell.reduce((n, s) => n + stringWidth(s.text), 0);
      line.push(...cell);
      // Pad every column but the last, so the gutter lines up.
      if (c < count - 1 && used < colWidth) line.push({ text: ' '.repeat(colWidth - used) });
    });
    out.push(line);
  }
  return out;
}
