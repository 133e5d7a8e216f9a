import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveProfile } from '../../../src/core/profiles.js';
import { resolveStartConnection } from '../../../src/tui/resolveConnection.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftui-conn-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('connection at start', () => {
  it('no key: kind none and no provider', async () => {
    const r = await resolveStartConnection({}, { FTUI_CONFIG_DIR: dir });
    expect(r.connection).toEqual({ kind: 'none', baseUrl: null, keyEnv: 'OPENAI_API_KEY', keyPresent: false, profile: null });
    expect(r.provider).toBeNull();
  });

  it('key in the named variable: openai, provider ready; the store never sees the key', async () => {
    const r = await resolveStartConnection({ apiKeyEnv: 'MY_KEY' }, { FTUI_CONFIG_DIR: dir, MY_KEY: 'sk-secret-abcdef' });
    expect(r.connection.kind).toBe('openai');
    expect(r.provider?.capabilities.uploads).toBe(true);
    expect(JSON.stringify(r.connection)).not.toContain('sk-secret');
  });

  it('a loopback base URL is the sandbox, usable without a key', async () => {
    const r = await resolveStartConnection({ baseUrl: 'http://127.0.0.1:4010/v1' }, { FTUI_CONFIG_DIR: dir });
    expect(r.connection.kind).toBe('sandbox');
    expect(r.connection.keyPresent).toBe(true);
    expect(r.provider).not.toBeNull();
  });

  it('--profile uses the saved profile, and an unknown one is a clear error', async () => {
    const env = { FTUI_CONFIG_DIR: dir, AZ_KEY: 'k' };
    await saveProfile({ name: 'work', kind: 'azure', baseUrl: 'https://acme.openai.azure.com', apiKeyEnv: 'AZ_KEY' }, env);
    const r = await resolveStartConnection({ profile: 'work' }, env);
    expect(r.connection).toEqual({ kind: 'azure', baseUrl: 'https://acme.openai.azure.com', keyEnv: 'AZ_KEY', keyPresent: true, profile: 'work' });
    expect(r.provider?.capabilities.deployStep).toBe(true);
    await expect(resolveStartConnection({ profile: 'home' }, env)).rejects.toThrow(/No profile named "home".*Saved profiles: work/);
  });
});
