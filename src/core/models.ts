// Per-model facts for fine-tuning, as data. Sources: OpenAI's fine-tuning guide and pricing
// pages (token limits, training price per 1M tokens) and its deprecations page (shutdowns).
// A model that is not here gets "no data for this model", never a guess.
import type { ModelFacts } from './validate/types.js';

// Constants of the function-calling token estimate published in the cookbook's
// "How to count tokens with tiktoken" notebook, per model family.
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

/**
 * The facts for a snapshot, an alias, or a fine-tune of one (`ft:gpt-4o-mini-2024-07-18:org::id`,
 * which shares its base's encoding, limit, price and shutdown date). undefined when unknown.
 */
export function resolveModel(name: string): ModelFacts | undefined {
  const trimmed = name.trim();
  const base = trimmed.startsWith('ft:') ? (trimmed.slice(3).split(':')[0] ?? '') : trimmed;
  return MODELS.find((m) => m.id === base || m.aliases.includes(base));
}
