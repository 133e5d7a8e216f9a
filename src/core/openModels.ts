// Open base models that fine-tuning services such as Together AI train, as data: context length,
// size (which sets the price tier), the tokenizer family their chat template belongs to, and
// Together's published training prices per million tokens by size (LoRA / full, SFT / DPO).
// Used offline (`ftui validate --provider together`, the create form's model list) when the
// service's own /fine-tunes/models/limits is not at hand; a connected provider's answer wins.

export type TokenizerFamily = 'llama3' | 'qwen' | 'gpt-oss';

export interface OpenModelFacts {
  id: string;
  billions: number;
  contextLength: number;
  tokenizer: TokenizerFamily;
  /** Largest LoRA rank Together allows for it. */
  maxLoraRank: number;
  supportsFull: boolean;
}

export const TOGETHER_MODELS: readonly OpenModelFacts[] = [
  { id: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Reference', billions: 8, contextLength: 131072, tokenizer: 'llama3', maxLoraRank: 64, supportsFull: true },
  { id: 'meta-llama/Meta-Llama-3.1-70B-Instruct-Reference', billions: 70, contextLength: 131072, tokenizer: 'llama3', maxLoraRank: 64, supportsFull: false },
  { id: 'meta-llama/Llama-3.3-70B-Instruct-Reference', billions: 70, contextLength: 131072, tokenizer: 'llama3', maxLoraRank: 64, supportsFull: false },
  { id: 'meta-llama/Llama-3.2-3B-Instruct', billions: 3, contextLength: 131072, tokenizer: 'llama3', maxLoraRank: 64, supportsFull: true },
  { id: 'Qwen/Qwen3-8B', billions: 8, contextLength: 40960, tokenizer: 'qwen', maxLoraRank: 64, supportsFull: true },
  { id: 'Qwen/Qwen2.5-7B-Instruct', billions: 7, contextLength: 32768, tokenizer: 'qwen', maxLoraRank: 64, supportsFull: true },
  { id: 'openai/gpt-oss-20b', billions: 21, contextLength: 131072, tokenizer: 'gpt-oss', maxLoraRank: 64, supportsFull: false },
];

export const DEFAULT_TOGETHER_MODEL = TOGETHER_MODELS[0]!.id;

export function findOpenModel(id: string): OpenModelFacts | undefined {
  return TOGETHER_MODELS.find((m) => m.id === id);
}

/** USD per million trained tokens, Together's published tiers by size. */
export function togetherPricePerMillion(model: OpenModelFacts, training: 'lora' | 'full', method: 'supervised' | 'dpo'): number {
  const [lora, full] = model.billions <= 16 ? [0.48, 0.54] : model.billions <= 69 ? [1.5, 1.65] : [2.9, 3.2];
  const base = training === 'full' ? full : lora;
  return method === 'dpo' ? Math.round(base * 2.5 * 100) / 100 : base;
}
