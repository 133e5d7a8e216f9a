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
import type { ProviderServices, SandboxConnection } from './providerContext.js';

/** Starts the sandbox on a free loopback port in this process and a provider connected to it. */
export async function startInProcessSandbox(): Promise<SandboxConnection> {
  const server = await startSandbox({ port: 0 });
  // The sandbox takes any key; the variable named here is never read for it.
  const provider = createProvider({ name: 'sandbox', kind: 'sandbox', baseUrl: server.baseUrl, apiKeyEnv: 'FTUI_SANDBOX_KEY' }, {});
  return { provider, baseUrl: server.baseUrl, stop: () => server.close() };
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
    profiles,
    connectProfile: (name) => connectProfile(name, env),
    uploadRecords: UploadRecords.forEnv(env),
    notify: (sequence) => void process.stdout.write(sequence),
  };
}
