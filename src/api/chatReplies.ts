// Chat replies from either SDK's chat-completions shapes (OpenAI's and Together's are alike):
// streamed chunks to text deltas and the usage of the last chunk, and a whole completion to its
// text and usage.
import type { ChatDelta, ChatResult } from './types.js';

interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
}

interface ChunkLike {
  choices: { delta?: { content?: string | null } | null }[];
  usage?: Usage | null;
}

interface CompletionLike {
  choices: { message?: { content?: string | null } | null }[];
  usage?: Usage | null;
}

export async function* chatDeltas(stream: AsyncIterable<ChunkLike>): AsyncIterable<ChatDelta> {
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta?.content;
    if (delta) yield { delta };
    if (chunk.usage) yield { usage: { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens } };
  }
}

export function chatResult(completion: CompletionLike): ChatResult {
  const usage = completion.usage ? { promptTokens: completion.usage.prompt_tokens, completionTokens: completion.usage.completion_tokens } : null;
  return { text: completion.choices[0]?.message?.content ?? '', usage };
}
