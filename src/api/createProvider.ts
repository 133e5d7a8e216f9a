// A profile (saved or assembled from flags, see src/core/profiles.ts) to a ready provider. The
// key is read from the environment variable the profile names, handed to the SDK client and
// kept nowhere else.
import OpenAI, { AzureOpenAI } from 'openai';
import type { Profile } from '../core/profiles.js';
import { openaiCreateFields } from './openai/createFields.js';
import { OpenAIProvider } from './openai/provider.js';
import { createTogetherProvider } from './together/provider.js';
import type { FineTuningProvider, ProviderCapabilities } from './types.js';
import { treatAsSecret } from '../core/redact.js';

const OPENAI_PROTOCOL = { metricsSeries: false, priceEstimate: false, deployments: false } as const;

export const CAPABILITIES: Record<Exclude<Profile['kind'], 'together'>, ProviderCapabilities> = {
  openai: { ...OPENAI_PROTOCOL, label: 'OpenAI', dpo: true, pause: true, checkpoints: true, uploads: true, metricsEvents: true, deployStep: false, createFields: openaiCreateFields({ dpo: true, wandb: true }) },
  sandbox: { ...OPENAI_PROTOCOL, label: 'Sandbox', dpo: true, pause: true, checkpoints: true, uploads: true, metricsEvents: true, deployStep: false, createFields: openaiCreateFields({ dpo: true, wandb: true }) },
  // Azure OpenAI: no multipart Uploads API, and a fine-tuned model is deployed before use.
  azure: { ...OPENAI_PROTOCOL, label: 'Azure', dpo: true, pause: true, checkpoints: true, uploads: false, metricsEvents: true, deployStep: true, createFields: openaiCreateFields({ dpo: true, wandb: false }) },
  // OpenAI-compatible services vary; offer only what nearly all of them have.
  custom: { ...OPENAI_PROTOCOL, label: 'custom', dpo: false, pause: false, checkpoints: false, uploads: false, metricsEvents: true, deployStep: false, createFields: openaiCreateFields({ dpo: false, wandb: false }) },
};

/** Time to the first byte of an answer; streamed bodies may take longer. */
export const DEFAULT_TIMEOUT_MS = 60_000;

export interface ClientOptions {
  /** SDK retries on 429/5xx/connection errors; tests that expect errors set 0. */
  maxRetries?: number;
  timeoutMs?: number;
  /** Sent with every request (tests use x-sandbox-fault). */
  defaultHeaders?: Record<string, string>;
  /** Replaces global fetch (tests). */
  fetch?: typeof fetch;
}

/** Azure's v1 API lives under <endpoint>/openai/v1/ and needs no dated api-version. */
export function azureV1BaseUrl(endpoint: string): string {
  const trimmed = endpoint.replace(/\/+$/, '');
  return /\/openai\/v1$/.test(trimmed) ? `${trimmed}/` : `${trimmed.replace(/\/openai$/, '')}/openai/v1/`;
}

export function createClient(profile: Profile, env: NodeJS.ProcessEnv, options: ClientOptions = {}): OpenAI {
  const key = env[profile.apiKeyEnv];
  // Whatever the variable is called, its value is now a key: no output may show it.
  treatAsSecret(profile.apiKeyEnv);
  // The sandbox accepts any key; a real service gets a clear 'auth' error from its first call.
  const apiKey = key || (profile.kind === 'sandbox' ? 'sandbox' : 'missing-key');
  const common = {
    apiKey,
    maxRetries: options.maxRetries ?? 2,
    // The SDK waits 10 minutes for an answer by default; a person at a terminal should hear
    // sooner that the service is not answering (uploads ask for longer per request).
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(profile.organization ? { organization: profile.organization } : {}),
    ...(profile.project ? { project: profile.project } : {}),
  };
  if (profile.kind === 'azure' && profile.baseUrl !== null) {
    const dated = profile.apiVersion !== undefined && !/^(v1|preview|latest)$/i.test(profile.apiVersion);
    if (dated) {
      return new AzureOpenAI({ ...common, endpoint: profile.baseUrl, apiVersion: profile.apiVersion!, defaultHeaders: options.defaultHeaders });
    }
    return new OpenAI({
      ...common,
      baseURL: azureV1BaseUrl(profile.baseUrl),
      defaultHeaders: { 'api-key': apiKey, ...options.defaultHeaders },
      ...(profile.apiVersion ? { defaultQuery: { 'api-version': profile.apiVersion } } : {}),
    });
  }
  return new OpenAI({ ...common, ...(profile.baseUrl ? { baseURL: profile.baseUrl } : {}), defaultHeaders: options.defaultHeaders });
}

export function createProvider(profile: Profile, env: NodeJS.ProcessEnv, options: ClientOptions & { uploadPartBytes?: number; partRetryMs?: number } = {}): FineTuningProvider {
  if (profile.kind === 'together') {
    treatAsSecret(profile.apiKeyEnv);
    return createTogetherProvider(profile, env, options);
  }
  return new OpenAIProvider({
    client: createClient(profile, env, options),
    capabilities: CAPABILITIES[profile.kind],
    ...(profile.extraCreateFields ? { extraCreateFields: profile.extraCreateFields } : {}),
    ...(options.uploadPartBytes !== undefined ? { uploadPartBytes: options.uploadPartBytes } : {}),
    ...(options.partRetryMs !== undefined ? { partRetryMs: options.partRetryMs } : {}),
  });
}
