// A straight port of the OpenAI cookbook's "Data preparation and analysis for chat model
// fine-tuning" notebook, on the `tiktoken` package: what users run today. The bench times it as
// the baseline; the parity tests compare ftui's figures with it. Kept as close to the notebook as
// TypeScript allows, including where it is wrong (it throws on non-string values, as Python's
// encode does on None or numbers).
import { readFileSync } from 'node:fs';
import { get_encoding, type TiktokenEncoding } from 'tiktoken';

export interface NotebookResult {
  formatErrors: Record<string, number>;
  missingSystem: number;
  missingUser: number;
  messages: number[];
  tokens: number[];
  assistantTokens: number[];
  tooLong: number;
  billingTokens: number;
  epochs: number;
  chargedTokens: number;
}

export function loadJsonl(path: string): unknown[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as unknown);
}

export function runNotebook(dataset: unknown[], encodingName: TiktokenEncoding, maxTokensPerExample: number): NotebookResult {
  const encoding = get_encoding(encodingName);
  try {
    const formatErrors: Record<string, number> = {};
    const bump = (k: string) => (formatErrors[k] = (formatErrors[k] ?? 0) + 1);
    for (const ex of dataset) {
      if (typeof ex !== 'object' || ex === null || Array.isArray(ex)) {
        bump('data_type');
        continue;
      }
      const messages = (ex as { messages?: unknown }).messages;
      if (!messages || (Array.isArray(messages) && messages.length === 0)) {
        bump('missing_messages_list');
        continue;
      }
      for (const message of messages as Array<Record<string, unknown>>) {
        if (!('role' in message) || !('content' in message)) bump('message_missing_key');
        if (Object.keys(message).some((k) => !['role', 'content', 'name', 'function_call', 'weight'].includes(k))) bump('message_unrecognized_key');
        if (!['system', 'user', 'assistant', 'function'].includes(message.role as string)) bump('unrecognized_role');
        const content = message.content;
        const functionCall = message.function_call;
        if ((!content && !functionCall) || typeof content !== 'string') bump('missing_content');
      }
      if (!(messages as Array<Record<string, unknown>>).some((m) => m.role === 'assistant')) bump('example_missing_assistant_message');
    }

    const encode = (value: unknown): number => {
      if (typeof value !== 'string') throw new TypeError(`expected a string, got ${JSON.stringify(value)}`);
      return encoding.encode_ordinary(value).length;
    };
    const numTokens = (messages: Array<Record<string, unknown>>): number => {
      let n = 0;
      for (const message of messages) {
        n += 3;
        for (const [key, value] of Object.entries(message)) {
          n += encode(value);
          if (key === 'name') n += 1;
        }
      }
      return n + 3;
    };
    const numAssistantTokens = (messages: Array<Record<string, unknown>>): number => {
      let n = 0;
      for (const message of messages) if (message.role === 'assistant') n += encode(message.content);
      return n;
    };

    let missingSystem = 0;
    let missingUser = 0;
    const messagesCounts: number[] = [];
    const tokens: number[] = [];
    const assistantTokens: number[] = [];
    for (const ex of dataset as Array<{ messages: Array<Record<string, unknown>> }>) {
      const messages = ex.messages;
      if (!messages.some((m) => m.role === 'system')) missingSystem++;
      if (!messages.some((m) => m.role === 'user')) missingUser++;
      messagesCounts.push(messages.length);
      tokens.push(numTokens(messages));
      assistantTokens.push(numAssistantTokens(messages));
    }
    const tooLong = tokens.filter((l) => l > maxTokensPerExample).length;

    const n = dataset.length;
    let epochs = 3;
    if (n * 3 < 100) epochs = Math.min(25, Math.floor(100 / n));
    else if (n * 3 > 25_000) epochs = Math.max(1, Math.floor(25_000 / n));
    const billingTokens = tokens.reduce((s, l) => s + Math.min(maxTokensPerExample, l), 0);
    return {
      formatErrors,
      missingSystem,
      missingUser,
      messages: messagesCounts,
      tokens,
      assistantTokens,
      tooLong,
      billingTokens,
      epochs,
      chargedTokens: billingTokens * epochs,
    };
  } finally {
    encoding.free();
  }
}
