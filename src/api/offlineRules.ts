// Each service's data rules as `ftui validate --provider NAME` applies them without a connection:
// the base models ftui knows for it (its own static list, which a connected app replaces with the
// service's answer where the service has one) and what it asks of the file itself. Data only: no
// SDK is loaded, so a validate run stays quick to start.
import { DEFAULT_MODEL, MODELS } from '../core/models.js';
import { NEBIUS_MODELS } from '../core/nebiusModels.js';
import { DEFAULT_TOGETHER_MODEL, TOGETHER_MODELS } from '../core/openModels.js';
import { AZURE_FILE_RULES } from './azure/fileRules.js';
import type { FileRules } from './types.js';

export const OFFLINE_PROVIDERS = ['openai', 'together', 'nebius', 'azure'] as const;
export type OfflineProvider = (typeof OFFLINE_PROVIDERS)[number];

export interface OfflineRules {
  /** The service's short name, for messages. */
  label: string;
  defaultModel: string;
  /** The base models ftui holds facts for, from its own table (not the service's live list). */
  models: readonly string[];
  /** Whether `models` is ftui's offline stand-in for a list the service gives when connected. */
  staticList: boolean;
  fileRules?: FileRules;
}

export const OFFLINE_RULES: Record<OfflineProvider, OfflineRules> = {
  openai: { label: 'OpenAI', defaultModel: DEFAULT_MODEL, models: MODELS.map((m) => m.id), staticList: false },
  together: { label: 'Together', defaultModel: DEFAULT_TOGETHER_MODEL, models: TOGETHER_MODELS.map((m) => m.id), staticList: true },
  nebius: { label: 'Nebius', defaultModel: NEBIUS_MODELS[0]!.id, models: NEBIUS_MODELS.map((m) => m.id), staticList: true },
  // Azure trains OpenAI's models; its own retirement dates come from its /models when connected.
  azure: { label: 'Azure', defaultModel: DEFAULT_MODEL, models: MODELS.map((m) => m.id), staticList: true, fileRules: AZURE_FILE_RULES },
};
