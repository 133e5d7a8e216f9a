// Named provider profiles in <config dir>/profiles.json, and how the connection ftui starts with
// is chosen from a profile, flags and the SDK's environment variables. A profile names the
// environment variable that holds the key; the key itself is never stored here.
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { describeFsError } from './dataset/errors.js';
import { appPaths } from './paths.js';
import { lineAndColumn, locateJsonError } from './validate/jsonError.js';

export type ProfileKind = 'openai' | 'azure' | 'custom' | 'sandbox' | 'together' | 'nebius';
const KINDS: readonly ProfileKind[] = ['openai', 'azure', 'custom', 'sandbox', 'together', 'nebius'];

/** The key variable a kind reads when the profile names none (each service's SDK's own). */
const DEFAULT_KEY_ENV: Partial<Record<ProfileKind, string>> = { together: 'TOGETHER_API_KEY', nebius: 'NEBIUS_API_KEY' };

/**
 * Where Azure's management plane is reached to deploy a fine-tune: the resource (subscription,
 * resource group, account) and, for the local sandbox only, another management endpoint, token
 * authority and the certificate that endpoint presents. Keys and tokens are never stored here:
 * the token comes from Azure's own credential chain (az login, environment, managed identity).
 */
export interface AzureManagement {
  subscriptionId: string;
  resourceGroup: string;
  accountName: string;
  tenantId?: string;
  /** Default https://management.azure.com. */
  managementEndpoint?: string;
  /** Default Entra ID's (login.microsoftonline.com). */
  authorityHost?: string;
  /** A PEM certificate to trust for the two above (the sandbox's own, which it writes out). */
  caFile?: string;
}

export interface Profile {
  name: string;
  kind: ProfileKind;
  /** null: the SDK default (api.openai.com). For Azure, the resource endpoint. */
  baseUrl: string | null;
  apiKeyEnv: string;
  apiVersion?: string;
  organization?: string;
  project?: string;
  /** Sent with every job creation, for services that need more than OpenAI's fields. */
  extraCreateFields?: Record<string, unknown>;
  /** Azure: the resource whose deployments ftui manages (needed to deploy a fine-tune). */
  azure?: AzureManagement;
  /**
   * Training prices the user knows and ftui does not (Nebius's, a custom service's), by model id:
   * the job's confirmation shows a cost from them instead of only the tokens.
   */
  prices?: Record<string, { trainingUsdPerMillion: number }>;
}

/**
 * The profile's training prices as capabilities.trainingPrices takes them (model -> USD per
 * million), ready to spread into a provider's options: empty when the profile sets none.
 */
export function pricesOf(profile: Profile): { trainingPrices?: Record<string, number> } {
  if (!profile.prices) return {};
  return { trainingPrices: Object.fromEntries(Object.entries(profile.prices).map(([model, p]) => [model, p.trainingUsdPerMillion])) };
}

export interface ProfilesFile {
  profiles: Profile[];
}

export class ProfilesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfilesError';
  }
}

export function profilesPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(appPaths(env).config, 'profiles.json');
}

const KEY_ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Fields in which people paste the key itself, expecting it to be used.
const KEY_FIELDS = ['apiKey', 'api_key', 'apikey', 'key', 'token', 'secret'];

function parseProfile(value: unknown, index: number, file: string): Profile {
  const where = `${file}: profiles[${index}]`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ProfilesError(`${where} should be an object.`);
  const p = value as Record<string, unknown>;
  const keyField = KEY_FIELDS.find((field) => field in p);
  if (keyField !== undefined) {
    // A key written into the file: refuse it, and never repeat it (the message names the field only).
    throw new ProfilesError(
      `${where}.${keyField}: profiles.json must not hold a key. Remove the field, put the key in an environment variable and name that variable in "apiKeyEnv".`,
    );
  }
  const text = (field: string, required: boolean): string | undefined => {
    const v = p[field];
    if (v === undefined || v === null) {
      if (required) throw new ProfilesError(`${where}.${field} is missing.`);
      return undefined;
    }
    if (typeof v !== 'string' || v.trim() === '') throw new ProfilesError(`${where}.${field} should be a non-empty string.`);
    return v.trim();
  };
  const name = text('name', true)!;
  const kind = text('kind', true)! as ProfileKind;
  if (!KINDS.includes(kind)) throw new ProfilesError(`${where}.kind is "${kind}"; use one of ${KINDS.join(', ')}.`);
  const baseUrl = text('baseUrl', kind === 'azure' || kind === 'custom' || kind === 'sandbox') ?? null;
  if (baseUrl !== null && !URL.canParse(baseUrl)) throw new ProfilesError(`${where}.baseUrl "${baseUrl}" is not a URL.`);
  const apiKeyEnv = text('apiKeyEnv', false) ?? DEFAULT_KEY_ENV[kind] ?? 'OPENAI_API_KEY';
  if (!KEY_ENV_NAME.test(apiKeyEnv)) {
    // Someone may have pasted the key itself here; say so without repeating it.
    throw new ProfilesError(`${where}.apiKeyEnv should be the NAME of an environment variable (like OPENAI_API_KEY), not a key.`);
  }
  const profile: Profile = { name, kind, baseUrl, apiKeyEnv };
  const apiVersion = text('apiVersion', false);
  const organization = text('organization', false);
  const project = text('project', false);
  if (apiVersion !== undefined) profile.apiVersion = apiVersion;
  if (organization !== undefined) profile.organization = organization;
  if (project !== undefined) profile.project = project;
  const extra = p.extraCreateFields;
  if (extra !== undefined && extra !== null) {
    if (typeof extra !== 'object' || Array.isArray(extra)) throw new ProfilesError(`${where}.extraCreateFields should be an object.`);
    profile.extraCreateFields = extra as Record<string, unknown>;
  }
  const prices = parsePrices(p.prices, where);
  if (prices !== null) profile.prices = prices;
  const azure = parseAzureManagement(text, where);
  if (azure !== null) {
    if (kind !== 'azure') throw new ProfilesError(`${where}.subscriptionId, resourceGroup and accountName belong to an azure profile, not ${kind}.`);
    profile.azure = azure;
  }
  return profile;
}

/** `{"<model>": {"trainingUsdPerMillion": 0.5}, …}`: each price a positive number of dollars per million tokens. */
function parsePrices(value: unknown, where: string): Record<string, { trainingUsdPerMillion: number }> | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw new ProfilesError(`${where}.prices should be an object: {"<model>": {"trainingUsdPerMillion": <dollars>}}.`);
  const out: Record<string, { trainingUsdPerMillion: number }> = {};
  for (const [model, entry] of Object.entries(value as Record<string, unknown>)) {
    const at = `${where}.prices["${model}"]`;
    if (model.trim() === '') throw new ProfilesError(`${where}.prices has an empty model name.`);
    const price = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? (entry as Record<string, unknown>).trainingUsdPerMillion : undefined;
    if (typeof price !== 'number' || !Number.isFinite(price) || price <= 0 || price > 10_000) {
      throw new ProfilesError(`${at}.trainingUsdPerMillion should be the training price in US dollars per million tokens, a number above 0 (e.g. 0.5).`);
    }
    out[model] = { trainingUsdPerMillion: price };
  }
  return out;
}

/** All three of subscriptionId, resourceGroup and accountName, or none (then ftui cannot deploy). */
function parseAzureManagement(text: (field: string, required: boolean) => string | undefined, where: string): AzureManagement | null {
  const parts = { subscriptionId: text('subscriptionId', false), resourceGroup: text('resourceGroup', false), accountName: text('accountName', false) };
  const given = Object.entries(parts).filter(([, v]) => v !== undefined);
  if (given.length === 0) return null;
  const missing = Object.entries(parts).find(([, v]) => v === undefined);
  if (missing !== undefined) throw new ProfilesError(`${where}.${missing[0]} is missing: deploying needs subscriptionId, resourceGroup and accountName together.`);
  const out: AzureManagement = { subscriptionId: parts.subscriptionId!, resourceGroup: parts.resourceGroup!, accountName: parts.accountName! };
  for (const field of ['managementEndpoint', 'authorityHost'] as const) {
    const v = text(field, false);
    if (v === undefined) continue;
    if (!URL.canParse(v) || new URL(v).protocol !== 'https:') throw new ProfilesError(`${where}.${field} "${v}" should be an https:// URL.`);
    out[field] = v;
  }
  const tenantId = text('tenantId', false);
  const caFile = text('caFile', false);
  if (tenantId !== undefined) out.tenantId = tenantId;
  if (caFile !== undefined) out.caFile = caFile;
  return out;
}

export function parseProfiles(text: string, file: string): ProfilesFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Our own words with line and column: JSON.parse's message quotes the text around the
    // error, which may be a key someone pasted into the file.
    const error = locateJsonError(text);
    throw new ProfilesError(`${file} is not valid JSON at ${lineAndColumn(text, error?.offset ?? 0)}: ${error?.message ?? 'it cannot be parsed'}.`);
  }
  const list = (json as { profiles?: unknown } | null)?.profiles;
  if (!Array.isArray(list)) throw new ProfilesError(`${file} should hold {"profiles": [...]}.`);
  const profiles = list.map((p, i) => parseProfile(p, i, file));
  const seen = new Set<string>();
  for (const p of profiles) {
    if (seen.has(p.name)) throw new ProfilesError(`${file}: the profile name "${p.name}" is used twice.`);
    seen.add(p.name);
  }
  return { profiles };
}

/** The saved profiles; none when the file does not exist yet. */
export async function loadProfiles(env: NodeJS.ProcessEnv = process.env): Promise<ProfilesFile> {
  const file = profilesPath(env);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { profiles: [] };
    throw new ProfilesError(`${file} cannot be read: ${describeFsError(error)}.`);
  }
  return parseProfiles(text, file);
}

/** Adds or replaces the profile with this name, atomically. */
export async function saveProfile(profile: Profile, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const file = profilesPath(env);
  const current = await loadProfiles(env);
  parseProfile(profile, 0, file); // refuse to write what could not be read back
  const profiles = [...current.profiles.filter((p) => p.name !== profile.name), profile];
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify({ profiles }, null, 2)}\n`, { mode: 0o600 });
}

export async function removeProfile(name: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const current = await loadProfiles(env);
  const profiles = current.profiles.filter((p) => p.name !== name);
  if (profiles.length === current.profiles.length) return false;
  await writeFileAtomic(profilesPath(env), `${JSON.stringify({ profiles }, null, 2)}\n`, { mode: 0o600 });
  return true;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** What a base URL points at: loopback is taken as the local ftui sandbox. */
export function kindOfBaseUrl(baseUrl: string | null): ProfileKind {
  if (baseUrl === null) return 'openai';
  let host: string;
  try {
    host = new URL(baseUrl).hostname.toLowerCase();
  } catch {
    return 'custom';
  }
  if (LOOPBACK_HOSTS.has(host)) return 'sandbox';
  if (host.endsWith('.openai.azure.com') || host.endsWith('.cognitiveservices.azure.com') || host.endsWith('.services.ai.azure.com')) return 'azure';
  if (host === 'api.openai.com') return 'openai';
  if (host.endsWith('.together.ai') || host.endsWith('.together.xyz')) return 'together';
  if (host.endsWith('.nebius.com')) return 'nebius';
  return 'custom';
}

export interface ConnectionFlags {
  profile?: string | undefined;
  baseUrl?: string | undefined;
  apiKeyEnv?: string | undefined;
}

/** A profile chosen or assembled from flags; `profile` is the saved name or null. */
export interface ResolvedConnection {
  settings: Profile;
  profile: string | null;
  keyPresent: boolean;
}

/**
 * Together is chosen when its key is the one in use: named by --api-key-env, or the only key set
 * (TOGETHER_API_KEY without OPENAI_API_KEY or OPENAI_BASE_URL), or the base URL is Together's.
 * Its base URL comes from --base-url or TOGETHER_BASE_URL (the SDK's variable).
 */
function togetherFromEnv(flags: ConnectionFlags, env: NodeJS.ProcessEnv): Profile | null {
  const named = flags.apiKeyEnv === 'TOGETHER_API_KEY';
  const only = flags.apiKeyEnv === undefined && !flags.baseUrl && !env.OPENAI_BASE_URL && !env.OPENAI_API_KEY && Boolean(env.TOGETHER_API_KEY);
  const byHost = flags.baseUrl !== undefined && flags.baseUrl !== '' && kindOfBaseUrl(flags.baseUrl) === 'together';
  if (!named && !only && !byHost) return null;
  return { name: 'flags', kind: 'together', baseUrl: flags.baseUrl || env.TOGETHER_BASE_URL || null, apiKeyEnv: flags.apiKeyEnv || 'TOGETHER_API_KEY' };
}

/**
 * Nebius is chosen like Together: NEBIUS_API_KEY named by --api-key-env or the only key set, or a
 * base URL on nebius.com. NEBIUS_BASE_URL (the sandbox's, say) moves it.
 */
function nebiusFromEnv(flags: ConnectionFlags, env: NodeJS.ProcessEnv): Profile | null {
  const named = flags.apiKeyEnv === 'NEBIUS_API_KEY';
  const only = flags.apiKeyEnv === undefined && !flags.baseUrl && !env.OPENAI_BASE_URL && !env.OPENAI_API_KEY && !env.TOGETHER_API_KEY && Boolean(env.NEBIUS_API_KEY);
  const byHost = flags.baseUrl !== undefined && flags.baseUrl !== '' && kindOfBaseUrl(flags.baseUrl) === 'nebius';
  if (!named && !only && !byHost) return null;
  return { name: 'flags', kind: 'nebius', baseUrl: flags.baseUrl || env.NEBIUS_BASE_URL || null, apiKeyEnv: flags.apiKeyEnv || 'NEBIUS_API_KEY' };
}

/**
 * --profile wins; otherwise flags, then the SDK's environment variables (OPENAI_BASE_URL,
 * OPENAI_ORG_ID, OPENAI_PROJECT_ID; the key from --api-key-env or OPENAI_API_KEY), or Together's
 * (TOGETHER_API_KEY, TOGETHER_BASE_URL; see togetherFromEnv).
 */
export function resolveConnection(flags: ConnectionFlags, env: NodeJS.ProcessEnv, saved: ProfilesFile): ResolvedConnection {
  if (flags.profile !== undefined) {
    const found = saved.profiles.find((p) => p.name === flags.profile);
    if (!found) {
      const names = saved.profiles.map((p) => p.name);
      throw new ProfilesError(
        `No profile named "${flags.profile}" in ${profilesPath(env)}.` + (names.length ? ` Saved profiles: ${names.join(', ')}.` : ' No profiles are saved yet.'),
      );
    }
    return { settings: found, profile: found.name, keyPresent: Boolean(env[found.apiKeyEnv]) };
  }
  const together = togetherFromEnv(flags, env) ?? nebiusFromEnv(flags, env);
  if (together !== null) return { settings: together, profile: null, keyPresent: Boolean(env[together.apiKeyEnv]) };
  const baseUrl = flags.baseUrl || env.OPENAI_BASE_URL || null;
  const apiKeyEnv = flags.apiKeyEnv || 'OPENAI_API_KEY';
  const settings: Profile = { name: 'flags', kind: kindOfBaseUrl(baseUrl), baseUrl, apiKeyEnv };
  if (env.OPENAI_ORG_ID) settings.organization = env.OPENAI_ORG_ID;
  if (env.OPENAI_PROJECT_ID) settings.project = env.OPENAI_PROJECT_ID;
  if (settings.kind === 'azure' && env.OPENAI_API_VERSION) settings.apiVersion = env.OPENAI_API_VERSION;
  return { settings, profile: null, keyPresent: Boolean(env[apiKeyEnv]) };
}
