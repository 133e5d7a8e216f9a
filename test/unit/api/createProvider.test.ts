// Which URL, headers and query each profile kind produces, seen at the fetch the SDK calls.
import { describe, expect, it } from 'vitest';
import { azureV1BaseUrl, CAPABILITIES, createProvider } from '../../../src/api/createProvider.js';
import type { Profile } from '../../../src/core/profiles.js';

function capture(profile: Profile, env: NodeJS.ProcessEnv) {
  const seen: { url: URL; headers: Headers }[] = [];
  const fetch = (async (input: string | URL | Request, init: RequestInit = {}) => {
    seen.push({ url: new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url), headers: new Headers(init.headers) });
    return new Response(JSON.stringify({ object: 'list', data: [], has_more: false }), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { provider: createProvider(profile, env, { maxRetries: 0, fetch }), seen };
}

describe('createProvider', () => {
  it('OpenAI: default base URL, bearer key, organization and project headers', async () => {
    const { provider, seen } = capture({ name: 'o', kind: 'openai', baseUrl: null, apiKeyEnv: 'OPENAI_API_KEY', organization: 'org-1', project: 'proj_1' }, { OPENAI_API_KEY: 'sk-o' });
    await provider.listJobs({ limit: 1 });
    expect(seen[0]!.url.href).toBe('https://api.openai.com/v1/fine_tuning/jobs?limit=1');
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer sk-o');
    expect(seen[0]!.headers.get('openai-organization')).toBe('org-1');
    expect(seen[0]!.headers.get('openai-project')).toBe('proj_1');
  });

  it('Azure v1: endpoint/openai/v1/, api-key header, optional api-version query', async () => {
    const { provider, seen } = capture({ name: 'a', kind: 'azure', baseUrl: 'https://acme.openai.azure.com/', apiKeyEnv: 'AZ', apiVersion: 'preview' }, { AZ: 'az-key' });
    await provider.listJobs({ limit: 1 });
    expect(seen[0]!.url.origin + seen[0]!.url.pathname).toBe('https://acme.openai.azure.com/openai/v1/fine_tuning/jobs');
    expect(seen[0]!.url.searchParams.get('api-version')).toBe('preview');
    expect(seen[0]!.headers.get('api-key')).toBe('az-key');
    expect(provider.capabilities).toEqual(CAPABILITIES.azure);
  });

  it('Azure with a dated api-version uses the deployment-style client', async () => {
    const { provider, seen } = capture({ name: 'a', kind: 'azure', baseUrl: 'https://acme.openai.azure.com', apiKeyEnv: 'AZ', apiVersion: '2025-02-01-preview' }, { AZ: 'az-key' });
    await provider.listJobs({ limit: 1 });
    expect(seen[0]!.url.origin + seen[0]!.url.pathname).toBe('https://acme.openai.azure.com/openai/fine_tuning/jobs');
    expect(seen[0]!.url.searchParams.get('api-version')).toBe('2025-02-01-preview');
    expect(seen[0]!.headers.get('api-key')).toBe('az-key');
  });

  it('normalises Azure endpoints given with or without /openai/v1', () => {
    expect(azureV1BaseUrl('https://a.openai.azure.com')).toBe('https://a.openai.azure.com/openai/v1/');
    expect(azureV1BaseUrl('https://a.openai.azure.com/openai/')).toBe('https://a.openai.azure.com/openai/v1/');
    expect(azureV1BaseUrl('https://a.openai.azure.com/openai/v1')).toBe('https://a.openai.azure.com/openai/v1/');
  });

  it('custom: the given base URL and conservative capabilities', async () => {
    const { provider, seen } = capture({ name: 'c', kind: 'custom', baseUrl: 'https://llm.example.com/api/v1', apiKeyEnv: 'C' }, { C: 'c' });
    await provider.listModels();
    expect(seen[0]!.url.href).toBe('https://llm.example.com/api/v1/models');
    expect(provider.capabilities.pause).toBe(false);
  });
});
