import type { ConnectionState } from '../store/slices/connection.js';

/** What the status bar shows about the connection, from flags and the SDK's own variables. */
export function connectionFromEnv(
  options: { baseUrl?: string | undefined; apiKeyEnv: string },
  env: NodeJS.ProcessEnv,
): Omit<ConnectionState, 'status' | 'message'> {
  const keyPresent = Boolean(env[options.apiKeyEnv]);
  const baseUrl = options.baseUrl || null;
  const kind = !keyPresent ? 'none' : baseUrl === null ? 'openai' : /\.openai\.azure\.com/i.test(baseUrl) ? 'azure' : 'custom';
  return { kind, baseUrl, keyEnv: options.apiKeyEnv, keyPresent, profile: null };
}
