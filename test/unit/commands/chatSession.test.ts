import { describe, expect, it } from 'vitest';
import type { ChatDelta, FineTuningProvider } from '../../../src/api/types.js';
import { chatOnce } from '../../../src/commands/chatSession.js';
import { replyUsd } from '../../../src/core/money.js';
import { chatCostUsd } from '../../../src/core/models.js';

/** A provider whose every reply is "ok" with the usage the model's name maps to. */
function replying(usage: Record<string, { promptTokens: number; completionTokens: number }>): FineTuningProvider {
  return {
    async *chatStream(request: { model: string }): AsyncIterable<ChatDelta> {
      yield { delta: 'ok' };
      yield { usage: usage[request.model]! };
    },
  } as unknown as FineTuningProvider;
}

describe('ftui chat figures', () => {
  it('--compare writes each reply\'s cost as the Chat screen does ("$0", "$2.00", not "$0.0", "$2.0000")', async () => {
    const big = { promptTokens: 1_000_000, completionTokens: 1_000_000 };
    const none = { promptTokens: 0, completionTokens: 0 };
    let out = '';
    const code = await chatOnce(
      {
        provider: replying({ 'gpt-4.1-mini': big, 'gpt-4o-mini': none }),
        model: 'gpt-4.1-mini',
        compare: 'gpt-4o-mini',
        system: '',
        json: false,
        paint: (_code, text) => text,
        write: (text) => (out += text),
        note: () => {},
        now: () => 0,
      },
      'Hi',
    );
    expect(code).toBe(0);
    expect(replyUsd(chatCostUsd('gpt-4.1-mini', big)!)).toBe('$2.00');
    expect(out).toBe('== gpt-4.1-mini (0.0 s · 1000000+1000000 tok · $2.00)\nok\n\n== gpt-4o-mini (0.0 s · 0+0 tok · $0)\nok\n');
  });
});
