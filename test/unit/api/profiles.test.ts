import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kindOfBaseUrl, loadProfiles, ProfilesError, profilesPath, removeProfile, resolveConnection, saveProfile, type Profile } from '../../../src/core/profiles.js';

let dir: string;
let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftui-profiles-'));
  env = { FTUI_CONFIG_DIR: join(dir, 'config', 'ftui') }; // not created yet, as on first run
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const azure: Profile = { name: 'work', kind: 'azure', baseUrl: 'https://acme.openai.azure.com', apiKeyEnv: 'AZURE_OPENAI_API_KEY', apiVersion: 'preview' };

describe('profiles.json', () => {
  it('saves, reloads, replaces and removes profiles; no file means none', async () => {
    expect(await loadProfiles(env)).toEqual({ profiles: [] });
    await saveProfile(azure, env);
    await saveProfile({ name: 'local', kind: 'sandbox', baseUrl: 'http://127.0.0.1:4010/v1', apiKeyEnv: 'OPENAI_API_KEY' }, env);
    await saveProfile({ ...azure, project: 'proj_1' }, env);
    const loaded = await loadProfiles(env);
    expect(loaded.profiles.map((p) => p.name)).toEqual(['local', 'work']);
    expect(loaded.profiles[1]).toEqual({ ...azure, project: 'proj_1' });
    expect(await removeProfile('local', env)).toBe(true);
    expect(await removeProfile('local', env)).toBe(false);
    expect((await loadProfiles(env)).profiles.map((p) => p.name)).toEqual(['work']);
  });

  it('never writes a key: the file holds only the variable name', async () => {
    env.AZURE_OPENAI_API_KEY = 'secret-value-123';
    await saveProfile(azure, env);
    const text = await readFile(profilesPath(env), 'utf8');
    expect(text).toContain('AZURE_OPENAI_API_KEY');
    expect(text).not.toContain('secret-value-123');
  });

  it('explains a broken file by file and field', async () => {
    await saveProfile(azure, env);
    await writeFile(profilesPath(env), '{"profiles": [{"name": "x", "kind": "gcp"}]}');
    await expect(loadProfiles(env)).rejects.toThrow(/profiles\.json: profiles\[0\]\.kind is "gcp"; use one of openai, azure, custom, sandbox/);
    await writeFile(profilesPath(env), '{"profiles": [{"name": "x", "kind": "openai", "apiKeyEnv": "sk-abc-123"}]}');
    await expect(loadProfiles(env)).rejects.toThrow(/NAME of an environment variable/);
    await writeFile(profilesPath(env), '{"profiles": [{"name": "x", "kind": "azure"}]}');
    await expect(loadProfiles(env)).rejects.toThrow(/profiles\[0\]\.baseUrl is missing/);
    await writeFile(profilesPath(env), '{oops');
    await expect(loadProfiles(env)).rejects.toThrow(/is not valid JSON/);
  });
});

describe('resolution', () => {
  it('--profile wins over flags and env', () => {
    const r = resolveConnection({ profile: 'work', baseUrl: 'http://127.0.0.1:1/v1' }, { AZURE_OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'https://x' }, { profiles: [azure] });
    expect(r).toEqual({ settings: azure, profile: 'work', keyPresent: true });
  });

  it('an unknown profile names the saved ones', () => {
    expect(() => resolveConnection({ profile: 'nope' }, env, { profiles: [azure] })).toThrow(ProfilesError);
    expect(() => resolveConnection({ profile: 'nope' }, env, { profiles: [azure] })).toThrow(/Saved profiles: work/);
  });

  it('flags before env; org and project from the SDK variables', () => {
    const r = resolveConnection(
      { baseUrl: 'https://my-llm.example.com/v1', apiKeyEnv: 'MY_KEY' },
      { OPENAI_BASE_URL: 'https://ignored', MY_KEY: 'k', OPENAI_ORG_ID: 'org-1', OPENAI_PROJECT_ID: 'proj-1' },
      { profiles: [] },
    );
    expect(r.settings).toEqual({ name: 'flags', kind: 'custom', baseUrl: 'https://my-llm.example.com/v1', apiKeyEnv: 'MY_KEY', organization: 'org-1', project: 'proj-1' });
    expect(r.keyPresent).toBe(true);
    const fromEnv = resolveConnection({}, { OPENAI_BASE_URL: 'http://127.0.0.1:4010/v1' }, { profiles: [] });
    expect(fromEnv.settings.kind).toBe('sandbox');
    expect(fromEnv.keyPresent).toBe(false);
    expect(resolveConnection({}, {}, { profiles: [] }).settings).toEqual({ name: 'flags', kind: 'openai', baseUrl: null, apiKeyEnv: 'OPENAI_API_KEY' });
  });

  it('labels base URLs', () => {
    expect(kindOfBaseUrl(null)).toBe('openai');
    expect(kindOfBaseUrl('http://localhost:8080/v1')).toBe('sandbox');
    expect(kindOfBaseUrl('http://[::1]:8080/v1')).toBe('sandbox');
    expect(kindOfBaseUrl('https://acme.openai.azure.com/openai/v1/')).toBe('azure');
    expect(kindOfBaseUrl('https://api.openai.com/v1')).toBe('openai');
    expect(kindOfBaseUrl('https://api.together.xyz/v1')).toBe('together');
  });
});

describe('a key written into profiles.json', () => {
  // Before: an apiKey field was silently ignored (and dropped on the next save).
  it('is refused with a message that names the field and never repeats the key', async () => {
    const key = 'sk-proj-PastedIntoTheFile0123456789';
    await saveProfile(azure, env);
    for (const field of ['apiKey', 'api_key']) {
      await writeFile(profilesPath(env), JSON.stringify({ profiles: [{ name: 'x', kind: 'openai', [field]: key }] }));
      const error = await loadProfiles(env).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ProfilesError);
      expect((error as Error).message).toMatch(new RegExp(`profiles\\[0\\]\\.${field}: profiles\\.json must not hold a key`));
      expect((error as Error).message).not.toContain('PastedIntoTheFile');
    }
  });

  it('is not quoted back when the file does not parse', async () => {
    await saveProfile(azure, env);
    await writeFile(profilesPath(env), '{"profiles": [{"name": "x", "apiKey": sk-proj-PastedIntoTheFile0123456789}]}');
    await expect(loadProfiles(env)).rejects.toThrow(/is not valid JSON at line 1, column 39/);
    await expect(loadProfiles(env)).rejects.not.toThrow(/PastedIntoTheFile/);
  });
});
