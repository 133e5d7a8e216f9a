import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { chatCostUsd } from '../../../src/core/models.js';
import { printable, transcriptLines, wrap, type Line } from '../../../src/screens/chat/transcript.js';
import { newReply, type AssistantTurn, type ChatReply, type ChatTurn } from '../../../src/store/slices/chat.js';

const text = (line: Line) => line.map((s) => s.text).join('');
const done = (model: string, body: string, extra: Partial<ChatReply> = {}): ChatReply => ({
  ...newReply(1, model, [], 0),
  text: body,
  state: 'done',
  finishedAt: 1500,
  usage: { promptTokens: 10, completionTokens: 20 },
  ...extra,
});
const options = { width: 40, fineTuned: (m: string) => m.startsWith('ft:') };

describe('the transcript', () => {
  it('wraps long replies at spaces and keeps their line breaks; a word longer than a line is broken', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('a\n\nb', 9)).toEqual(['a', '', 'b']);
    expect(wrap('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
    expect(wrap('日本語のテキスト', 6)).toEqual(['日本語', 'のテキ', 'スト']);
  });

  it('shows control characters from a model or a file as marks, never as escape sequences', () => {
    expect(printable('a\u001b[2Jb\tc\r\nd\u0007')).toBe('a\uFFFD[2Jb    c\nd\uFFFD');
    const turns: ChatTurn[] = [{ role: 'user', content: 'hi\u001b]0;pwned\u0007' }, { role: 'assistant', columns: [[done('m', 'x\u001b[31mred')]], shown: [0], picked: 0 }];
    for (const line of transcriptLines(turns, options)) expect(text(line)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('puts compared replies side by side, each column as wide as the other, the picked one marked, with latency, tokens and cost', () => {
    const turn: AssistantTurn = {
      role: 'assistant',
      columns: [[done('ft:gpt-4o-mini-2024-07-18:acme::x', 'short')], [done('gpt-4o-mini-2024-07-18', 'a longer reply that wraps over lines'), done('gpt-4o-mini-2024-07-18', 'again')]],
      shown: [0, 0],
      picked: 1,
    };
    const lines = transcriptLines([turn], { ...options, width: 70 }).map(text);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(70);
    const gutter = lines.map((l) => l.indexOf('│'));
    expect(new Set(gutter).size).toBe(1);
    expect(lines[0]).toMatch(/^ {2}ft:gpt-4o-mini-2024-07-18:acme… │ ▸ gpt-4o-mini-2024-07-18 \[1\/2\]$/);
    expect(lines.some((l) => l.startsWith('1.5 s · 10+20 tok · $0.000027 '))).toBe(true);
    expect(lines.some((l) => /│ 1\.5 s · 10\+20 tok · \$0\.00001[34]$/.test(l))).toBe(true);
  });

  it('says when a reply failed or was stopped before any text', () => {
    const failed: AssistantTurn = { role: 'assistant', columns: [[done('m', '', { state: 'failed' })]], shown: [0], picked: 0 };
    const stopped: AssistantTurn = { role: 'assistant', columns: [[done('m', '', { state: 'stopped' })]], shown: [0], picked: 0 };
    expect(transcriptLines([failed, stopped], options).map(text)).toEqual(['model: (no reply: the request failed)', 'model: (stopped before any text)']);
  });

  it('prices a reply at its model\'s chat price, a fine-tune\'s at the fine-tuned price, and an unknown model not at all', () => {
    const usage = { promptTokens: 1_000_000, completionTokens: 1_000_000 };
    expect(chatCostUsd('gpt-4.1-mini', usage)).toBeCloseTo(0.4 + 1.6);
    expect(chatCostUsd('ft:gpt-4.1-mini-2025-04-14:acme::x', usage)).toBeCloseTo(0.8 + 3.2);
    expect(chatCostUsd('meta-llama/Llama-3-8b', usage)).toBeNull();
  });
});
