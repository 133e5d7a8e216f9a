// Open base models Nebius Token Factory fine-tunes, as data (its post-training model page and
// API reference): the context length its create request allows (context_length) and the
// tokenizer family their chat template belongs to, for the create form and the validator. A
// connected service's own answer has the last word; a model not here is refused by it in words.
export interface NebiusModelFacts {
  id: string;
  billions: number;
  /** The longest context_length the model trains with. */
  contextLength: number;
  tokenizer: 'llama3' | 'qwen' | 'gpt-oss';
  /** Full (non-LoRA) training offered. */
  supportsFull: boolean;
}

export const NEBIUS_MODELS: readonly NebiusModelFacts[] = [
  { id: 'meta-llama/Meta-Llama-3.1-8B-Instruct', billions: 8, contextLength: 131072, tokenizer: 'llama3', supportsFull: true },
  { id: 'meta-llama/Llama-3.3-70B-Instruct', billions: 70, contextLength: 131072, tokenizer: 'llama3', supportsFull: false },
  { id: 'meta-llama/Llama-3.2-3B-Instruct', billions: 3, contextLength: 131072, tokenizer: 'llama3', supportsFull: true },
  { id: 'Qwen/Qwen3-32B', billions: 32, contextLength: 32768, tokenizer: 'qwen', supportsFull: false },
  { id: 'openai/gpt-oss-20b', billions: 21, contextLength: 131072, tokenizer: 'gpt-oss', supportsFull: false },
];

export function findNebiusModel(id: string): NebiusModelFacts | undefined {
  return NEBIUS_MODELS.find((m) => m.id === id);
}
