// The connection ftui starts with: a saved profile (--profile) or flags and the SDK's environment
// variables, turned into what the status bar may show and the provider the screens use. The key
// stays in the environment and the SDK client; it never enters the store.
import { createProvider } from '../api/createProvider.js';
import type { FineTuningProvider } from '../api/types.js';
import { loadProfiles, resolveConnection, type ConnectionFlags, type ResolvedConnection } from '../core/profiles.js';
import type { ConnectionState } from '../store/slices/connection.js';

export interface StartConnection {
  connection: Omit<ConnectionState, 'status' | 'message'>;
  /** null when there is no key to use (the sandbox needs none). */
  provider: FineTuningProvider | null;
}

export function connectionFor(resolved: ResolvedConnection, env: NodeJS.ProcessEnv): StartConnection {
  const { settings, profile, keyPresent } = resolved;
  // The sandbox takes any key, so for it "a key is present" is always true (as when it is
  // started from inside the app).
  const usable = keyPresent || settings.kind === 'sandbox';
  return {
    connection: { kind: usable ? settings.kind : 'none', baseUrl: settings.baseUrl, keyEnv: settings.apiKeyEnv, keyPresent: usable, profile },
    provider: usable ? createProvider(settings, env) : null,
  };
}

/** Throws ProfilesError (a message for the person, naming the file) for a bad or unknown profile. */
export async function resolveStartConnection(flags: ConnectionFlags, env: NodeJS.ProcessEnv): Promise<StartConnection> {
  // Profiles are read only when asked for, so a broken profiles.json cannot stop a plain start.
  const saved = flags.profile !== undefined ? await loadProfiles(env) : { profiles: [] };
  return connectionFor(resolveConnection(flags, env, saved), env);
}
