// Open base models that fine-tuning services such as Together AI train, as data: context length,
// size (which sets the price tier), the tokenizer family their chat template belongs to, and
// Together's published training prices per million tokens by size (LoRA / full, SFT / DPO).
// Used offline (`ftui validate --provider together`, the create form's model list) when the
// service's own /fine-tunes/models/limits is not at hand; a connected provider's answer wins.
// Nebius Token Factory's open bases (nebiusModels.ts) are counted the same way, with no price.

import { findNebiusModel } from './nebiusModels.js';

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

// Token counting for open models. ftui holds none of these tokenizers (see the notes of issue 15:
// the registry packages that ship them are ~75 MB each and their Llama 3.1 template is not Meta's),
// so counts use the closest encoding ftui has and are labelled estimates: Llama 3's tokenizer is
// cl100k_base's 100,256 tokens plus 28,000 more under the same split pattern (cl100k counts run a
// little high), Qwen's byte-level BPE is close to it, and gpt-oss uses o200k_harmony, which is
// o200k_base plus special tokens. The chat templates' own tokens are counted exactly:
//   Llama 3:  <|begin_of_text|>, then per message <|start_header_id|>role<|end_header_id|>\n\n … <|eot_id|>
//   Qwen:     per message <|im_start|>role\n … <|im_end|>\n
//   gpt-oss:  per message <|start|>role<|channel|>final<|message|> … <|end|>
const TEMPLATES: Record<TokenizerFamily, { perExample: number; perMessage: number; encoding: 'cl100k_base' | 'o200k_base'; why: string }> = {
  llama3: { perExample: 1, perMessage: 4, encoding: 'cl100k_base', why: 'counted in cl100k_base, a stand-in for the Llama 3 tokenizer (it adds 28k tokens to cl100k, so counts run slightly high), with the Llama 3 chat template' },
  qwen: { perExample: 0, perMessage: 4, encoding: 'cl100k_base', why: "counted in cl100k_base, a stand-in for Qwen's tokenizer, with the ChatML template" },
  'gpt-oss': { perExample: 0, perMessage: 6, encoding: 'o200k_base', why: 'counted in o200k_base, the base of gpt-oss\'s o200k_harmony, with the harmony template' },
};

const CL100K_TOOLS = { funcInit: 10, propInit: 3, propKey: 3, enumInit: -3, enumItem: 3, funcEnd: 12 } as const;

type ModelFacts = import('./validate/types.js').ModelFacts;

// One object per id, so a cache keyed on the facts (core/dataset/rowResults) keeps its results.
const memo = new Map<string, ModelFacts | undefined>();

/** The validator's facts for an open model (src/core/validate/types.ts ModelFacts), or undefined. */
export function openModelFacts(id: string): ModelFacts | undefined {
  if (!memo.has(id)) memo.set(id, tableFacts(id));
  return memo.get(id);
}

/** A model's parameter count in billions as its name gives it ("Qwen3-8B", "gpt-oss-20b"), or null. */
function billionsIn(id: string): number | null {
  const match = /(\d+(?:\.\d+)?)[bB](?![a-zA-Z])/.exec(id.split('/').pop() ?? id);
  return match ? Number(match[1]) : null;
}

/** The tokenizer family a model's name says, or null for one ftui has no stand-in for. */
function familyOf(id: string): TokenizerFamily | null {
  const name = id.toLowerCase();
  if (name.includes('gpt-oss')) return 'gpt-oss';
  if (name.includes('qwen')) return 'qwen';
  if (/llama-?3/.test(name)) return 'llama3';
  return null;
}

/**
 * Facts for a model a service fine-tunes, from what it says (the longest example it trains on):
 * ftui's own facts where it has the model, with the service's limit; for a model ftui does not
 * know, its family's stand-in encoding and template when its name says the family, else
 * cl100k_base with OpenAI's message framing, labelled as such. `rules` says whose data rules and
 * prices apply (Together's by model size, where the name gives the size).
 */
export function serviceOpenModelFacts(id: string, tokenLimit: number | null, rules: 'together' | null): ModelFacts {
  const known = openModelFacts(id);
  if (known) return { ...known, tokenLimit: tokenLimit ?? known.tokenLimit };
  const family = familyOf(id);
  const billions = billionsIn(id);
  const base = family
    ? familyFacts(id, family, tokenLimit ?? 8192)
    : {
        ...familyFacts(id, 'llama3', tokenLimit ?? 8192),
        template: { perExample: 1, perMessage: 3 },
        tokenEstimate: `counted in cl100k_base with OpenAI's message framing: ftui does not know ${id}'s tokenizer or chat template`,
      };
  const together = rules === 'together';
  const sized: OpenModelFacts | null = billions === null ? null : { id, billions, contextLength: base.tokenLimit, tokenizer: family ?? 'llama3', maxLoraRank: 64, supportsFull: false };
  return {
    ...base,
    trainingPricePerMillion: together && sized ? togetherPricePerMillion(sized, 'lora', 'supervised') : null,
    ...(together ? { defaultEpochs: 1, minExamples: 1, dataRules: 'together' as const } : {}),
  };
}

function tableFacts(id: string): ModelFacts | undefined {
  const m = findOpenModel(id);
  if (m) {
    return {
      ...familyFacts(m.id, m.tokenizer, m.contextLength),
      trainingPricePerMillion: togetherPricePerMillion(m, 'lora', 'supervised'),
      // Together's n_epochs defaults to 1 whatever the dataset's size, it takes a single example,
      // and it checks data its own way (src/core/validate/rules/together.ts).
      defaultEpochs: 1,
      minExamples: 1,
      dataRules: 'together',
    };
  }
  const n = findNebiusModel(id);
  if (n) {
    return {
      ...familyFacts(n.id, n.tokenizer, n.contextLength),
      // No training price for these bases could be cited: the cost is the billed tokens, said plainly.
      trainingPricePerMillion: null,
      // Nebius's create request defaults to n_epochs 3 (its API reference); it states no minimum
      // number of examples, so none is imposed here.
      defaultEpochs: 3,
      minExamples: 1,
    };
  }
  return undefined;
}

/** What every open model of a tokenizer family shares: the stand-in encoding, its chat template, the estimate's words. */
function familyFacts(id: string, family: TokenizerFamily, contextLength: number) {
  const t = TEMPLATES[family];
  return {
    id,
    aliases: [] as string[],
    encoding: t.encoding,
    tokenLimit: contextLength,
    shutdownDate: null,
    toolTokens: CL100K_TOOLS,
    template: { perExample: t.perExample, perMessage: t.perMessage },
    tokenEstimate: t.why,
  };
}
