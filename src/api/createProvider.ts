// A profile (saved or assembled from flags, see src/core/profiles.ts) to a ready provider. The
// key is read from the environment variable the profile names, handed to the SDK client and
// kept nowhere else.
import OpenAI, { AzureOpenAI } from 'openai';
import { pricesOf, type Profile } from '../core/profiles.js';
import { openaiCreateFields } from './openai/createFields.js';
import { OpenAIProvider } from './openai/provider.js';
import { AzureDeployments } from './azure/deployments.js';
import { AzureProvider } from './azure/provider.js';
import { azureCreateFields } from './azure/createFields.js';
import { AZURE_FILE_RULES } from './azure/fileRules.js';
import { NEBIUS_BASE_URL, NebiusProvider } from './nebius/provider.js';
import { createTogetherProvider } from './together/provider.js';
import type { FineTuningProvider, ProviderCapabilities } from './types.js';
import { treatAsSecret } from '../core/redact.js';

const OPENAI_PROTOCOL = { metricsSeries: false, priceEstimate: false, deployments: false } as const;

export const CAPABILITIES: Record<Exclude<Profile['kind'], 'together' | 'nebius'>, ProviderCapabilities> = {
  openai: { ...OPENAI_PROTOCOL, label: 'OpenAI', dpo: true, pause: true, checkpoints: true, uploads: true, metricsEvents: true, deployStep: false, createFields: openaiCreateFields({ dpo: true, wandb: true }) },
  sandbox: { ...OPENAI_PROTOCOL, label: 'Sandbox', dpo: true, pause: true, checkpoints: true, uploads: true, metricsEvents: true, deployStep: false, createFields: openaiCreateFields({ dpo: true, wandb: true }) },
  // Azure OpenAI: no multipart Uploads API, training files in UTF-8 with a BOM (its fine-tuning
  // guide; the upload adds one to a copy), a training tier, and a deploy step before chat
  // (deployments: true once the profile names the resource, see createProvider).
  azure: {
    ...OPENAI_PROTOCOL,
    label: 'Azure',
    dpo: true,
    pause: true,
    checkpoints: true,
    uploads: false,
    metricsEvents: true,
    deployStep: true,
    createFields: azureCreateFields(),
    fileRules: AZURE_FILE_RULES,
    jobCutoffNotice: false,
  },
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
  // Whatever the variable is called, its value is now a key, for every provider: no output may show it.
  treatAsSecret(profile.apiKeyEnv);
  if (profile.kind === 'together') return createTogetherProvider(profile, env, options);
  if (profile.kind === 'nebius') {
    const base = profile.baseUrl ?? NEBIUS_BASE_URL;
    // /v0/models lives beside /v1 at the service's origin; the same key and SDK reach it.
    const origin = new URL(base).origin;
    return new NebiusProvider({
      client: createClient({ ...profile, baseUrl: base }, env, options),
      controlClient: createClient({ ...profile, baseUrl: origin }, env, options),
      ...pricesOf(profile),
    });
  }
  if (profile.kind === 'azure') {
    const deployments = profile.azure ? new AzureDeployments(profile.azure) : undefined;
    return new AzureProvider(
      {
        client: createClient(profile, env, options),
        capabilities: { ...CAPABILITIES.azure, deployments: deployments !== undefined, ...pricesOf(profile) },
        // Azure's job metadata is not documented: its seed is, so the client id travels there too.
        clientMarker: 'seed',
        ...(profile.extraCreateFields ? { extraCreateFields: profile.extraCreateFields } : {}),
      },
      deployments,
    );
  }
  return new OpenAIProvider({
    client: createClient(profile, env, options),
    capabilities: { ...CAPABILITIES[profile.kind], ...pricesOf(profile) },
    // A compatible service may accept `metadata` and never give it back, and a look-up that
    // cannot see the client id would report "no job was created" for a job that exists: the id
    // also travels as the marker seed, which such services keep.
    ...(profile.kind === 'custom' ? { clientMarker: 'seed' as const } : {}),
    ...(profile.extraCreateFields ? { extraCreateFields: profile.extraCreateFields } : {}),
    ...(options.uploadPartBytes !== undefined ? { uploadPartBytes: options.uploadPartBytes } : {}),
    ...(options.partRetryMs !== undefined ? { partRetryMs: options.partRetryMs } : {}),
  });
}
