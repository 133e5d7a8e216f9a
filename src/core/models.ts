// Per-model facts for fine-tuning, as data. Sources: OpenAI's fine-tuning guide and pricing
// pages (token limits, training price per 1M tokens) and its deprecations page (shutdowns).
// A model that is not here gets "no data for this model", never a guess.
import { openModelFacts } from './openModels.js';
import type { ModelFacts } from './validate/types.js';

// Constants of the function-calling token estimate published in the cookbook's "How to count
// tokens with tiktoken" notebook, per model family. Kept in the report's model facts; tools are
// estimated from their rendering now (rules/tools.ts), which tracks the bill where these did not.
const O_SERIES_TOOLS = { funcInit: 7, propInit: 3, propKey: 3, enumInit: -3, enumItem: 3, funcEnd: 12 } as const;
const GPT35_TOOLS = { funcInit: 10, propInit: 3, propKey: 3, enumInit: -3, enumItem: 3, funcEnd: 12 } as const;

export const MODELS: readonly ModelFacts[] = [
  {
    id: 'gpt-4.1-2025-04-14',
    aliases: ['gpt-4.1'],
    encoding: 'o200k_base',
    tokenLimit: 65_536,
    trainingPricePerMillion: 25,
    shutdownDate: '2027-01-14',
    toolTokens: O_SERIES_TOOLS,
  },
  {
    id: 'gpt-4.1-mini-2025-04-14',
    aliases: ['gpt-4.1-mini'],
    encoding: 'o200k_base',
    tokenLimit: 65_536,
    trainingPricePerMillion: 5,
    shutdownDate: '2027-01-14',
    toolTokens: O_SERIES_TOOLS,
  },
  {
    id: 'gpt-4.1-nano-2025-04-14',
    aliases: ['gpt-4.1-nano'],
    encoding: 'o200k_base',
    tokenLimit: 65_536,
    trainingPricePerMillion: 1.5,
    shutdownDate: '2026-10-23',
    toolTokens: O_SERIES_TOOLS,
  },
  {
    id: 'gpt-4o-2024-08-06',
    aliases: ['gpt-4o'],
    encoding: 'o200k_base',
    tokenLimit: 65_536,
    trainingPricePerMillion: 25,
    shutdownDate: '2027-01-14',
    toolTokens: O_SERIES_TOOLS,
  },
  {
    id: 'gpt-4o-mini-2024-07-18',
    aliases: ['gpt-4o-mini'],
    encoding: 'o200k_base',
    tokenLimit: 65_536,
    trainingPricePerMillion: 3,
    shutdownDate: '2027-01-14',
    toolTokens: O_SERIES_TOOLS,
  },
  {
    id: 'gpt-3.5-turbo-0125',
    aliases: ['gpt-3.5-turbo'],
    encoding: 'cl100k_base',
    tokenLimit: 16_385,
    trainingPricePerMillion: 8,
    shutdownDate: '2026-10-23',
    toolTokens: GPT35_TOOLS,
  },
  {
    id: 'gpt-3.5-turbo-1106',
    aliases: [],
    encoding: 'cl100k_base',
    tokenLimit: 16_385,
    trainingPricePerMillion: 8,
    shutdownDate: '2026-10-23',
    toolTokens: GPT35_TOOLS,
  },
  {
    id: 'gpt-3.5-turbo-0613',
    aliases: [],
    encoding: 'cl100k_base',
    tokenLimit: 4_096,
    trainingPricePerMillion: 8,
    shutdownDate: '2026-10-23',
    toolTokens: GPT35_TOOLS,
  },
];

export const DEFAULT_MODEL = 'gpt-4.1-mini-2025-04-14';

export class UnknownModelError extends Error {
  constructor(readonly modelName: string) {
    super(`no data for this model: ${modelName} (known: ${knownModelNames().join(', ')})`);
    this.name = 'UnknownModelError';
  }
}

export function knownModelNames(): string[] {
  return MODELS.flatMap((m) => [m.id, ...m.aliases]);
}

// What the connected service says about its models (its limits, its retirement dates), which
// replaces ftui's own facts for those ids while the app is connected to it (see
// effects/useServiceModels.ts). Empty offline and in `ftui validate`.
let serviceFacts = new Map<string, ModelFacts>();

/** The connected service's facts for its models; replaces the previous set (an empty list clears it). */
export function setServiceModelFacts(list: readonly ModelFacts[]): void {
  serviceFacts = new Map(list.map((f) => [f.id, f]));
}

/** The connected service's facts for this id, when it gave some. */
export function serviceModelFacts(id: string): ModelFacts | undefined {
  return serviceFacts.get(id.trim());
}

/**
 * The facts for a snapshot, an alias, or a fine-tune of one (`ft:gpt-4o-mini-2024-07-18:org::id`,
 * which shares its base's encoding, limit, price and shutdown date): the connected service's where
 * it gave some, else ftui's table. undefined when unknown.
 */
export function resolveModel(name: string): ModelFacts | undefined {
  const trimmed = name.trim();
  const base = trimmed.startsWith('ft:') ? (trimmed.slice(3).split(':')[0] ?? '') : trimmed;
  const table = MODELS.find((m) => m.id === base || m.aliases.includes(base));
  return serviceFacts.get(table?.id ?? trimmed) ?? table ?? openModelFacts(trimmed);
}

/** USD per 1M tokens for chatting with a model: the base model's price and a fine-tune's of it. */
export interface ChatPrice {
  input: number;
  output: number;
  fineTunedInput: number;
  fineTunedOutput: number;
}

// Source: OpenAI's pricing page (standard tier; fine-tuned models listed under "Fine-tuning"),
// as of 2025-2026. Cached input is not told apart: usage here does not say what was cached.
const CHAT_PRICES: Readonly<Record<string, ChatPrice>> = {
  'gpt-4.1-2025-04-14': { input: 2, output: 8, fineTunedInput: 3, fineTunedOutput: 12 },
  'gpt-4.1-mini-2025-04-14': { input: 0.4, output: 1.6, fineTunedInput: 0.8, fineTunedOutput: 3.2 },
  'gpt-4.1-nano-2025-04-14': { input: 0.1, output: 0.4, fineTunedInput: 0.2, fineTunedOutput: 0.8 },
  'gpt-4o-2024-08-06': { input: 2.5, output: 10, fineTunedInput: 3.75, fineTunedOutput: 15 },
  'gpt-4o-mini-2024-07-18': { input: 0.15, output: 0.6, fineTunedInput: 0.3, fineTunedOutput: 1.2 },
  'gpt-3.5-turbo-0125': { input: 0.5, output: 1.5, fineTunedInput: 3, fineTunedOutput: 6 },
  'gpt-3.5-turbo-1106': { input: 1, output: 2, fineTunedInput: 3, fineTunedOutput: 6 },
  'gpt-3.5-turbo-0613': { input: 1.5, output: 2, fineTunedInput: 3, fineTunedOutput: 6 },
};

/**
 * What one reply cost: prompt and completion tokens at the model's chat price (a fine-tune's when
 * `fineTuned`, or when the name is a fine-tune's). null when ftui has no price for the model.
 */
export function chatCostUsd(model: string, usage: { promptTokens: number; completionTokens: number }, fineTuned = false): number | null {
  const facts = resolveModel(model);
  const price = facts ? CHAT_PRICES[facts.id] : undefined;
  if (price === undefined) return null;
  const tuned = fineTuned || model.trim().startsWith('ft:');
  const input = tuned ? price.fineTunedInput : price.input;
  const output = tuned ? price.fineTunedOutput : price.output;
  return (usage.promptTokens * input + usage.completionTokens * output) / 1_000_000;
}
