// What the running app gives the Jobs and Chat screens (see providerContext.tsx) besides the
// provider for the start-up connection: the in-process sandbox starter and the validation engine
// for the cost shown before a job is created.
import { createProvider } from '../api/createProvider.js';
import { loadProfiles, resolveConnection } from '../core/profiles.js';
import { connectionFor } from '../tui/resolveConnection.js';
import { startSandbox } from '../sandbox/server.js';
import type { ConnectionState } from '../store/slices/connection.js';
import { preflight } from './preflight.js';
import { UploadRecords } from '../core/uploadRecords.js';
import type { ProviderServices, SandboxChoice, SandboxConnection } from './providerContext.js';

/** The sandboxes ctrl+o offers beside the default (OpenAI-protocol) one. */
export const EXTRA_SANDBOXES: readonly SandboxChoice[] = [{ protocol: 'together', label: 'Together sandbox', detail: "a local imitation of Together AI's API; trains nothing" }];

/**
 * Starts the sandbox on a free loopback port in this process and a provider connected to it:
 * the OpenAI protocol, or Together's (its own provider, as a Together connection is).
 */
export async function startInProcessSandbox(protocol = 'openai'): Promise<SandboxConnection> {
  const together = protocol === 'together';
  if (!together && protocol !== 'openai') throw new Error(`no in-app sandbox speaks ${protocol}`);
  const server = await startSandbox({ port: 0, protocol: together ? 'together' : 'openai' });
  // The sandbox takes any key; this one is made up here and never read from the environment.
  const provider = createProvider({ name: 'sandbox', kind: together ? 'together' : 'sandbox', baseUrl: server.baseUrl, apiKeyEnv: 'FTUI_SANDBOX_KEY' }, { FTUI_SANDBOX_KEY: 'sandbox' });
  const connection = together ? { kind: 'together' as const, keyEnv: 'TOGETHER_API_KEY', keyPresent: true, profile: null } : undefined;
  return { provider, baseUrl: server.baseUrl, stop: () => server.close(), ...(connection ? { connection } : {}) };
}

/** A saved profile's provider and what the status bar shows for it. */
export async function connectProfile(name: string, env: NodeJS.ProcessEnv = process.env): ReturnType<NonNullable<ProviderServices['connectProfile']>> {
  const resolved = resolveConnection({ profile: name }, env, await loadProfiles(env));
  const { connection, provider } = connectionFor(resolved, env);
  if (provider === null) throw new Error(`the variable ${resolved.settings.apiKeyEnv} that holds its key is not set`);
  return { provider, connection };
}

export async function appServices(_connection: Omit<ConnectionState, 'status' | 'message'>, env: NodeJS.ProcessEnv = process.env): Promise<Partial<ProviderServices>> {
  // A broken profiles.json must not stop the app: it only means no profiles to switch to.
  const profiles = await loadProfiles(env).then((f) => f.profiles.map((p) => p.name)).catch(() => []);
  return {
    preflight,
    startSandbox: startInProcessSandbox,
    sandboxes: EXTRA_SANDBOXES,
    profiles,
    connectProfile: (name) => connectProfile(name, env),
    uploadRecords: UploadRecords.forEnv(env),
    notify: (sequence) => void process.stdout.write(sequence),
  };
}
