import type { ConnectionState } from '../store/slices/connection.js';

/** How the status bar names the connection. Never includes the key, only where it is read from. */
export function connectionLabel(c: ConnectionState): string {
  const where = placeLabel(c);
  // A saved profile is named as the user named it; the place follows, so SANDBOX stays visible.
  return c.profile !== null && c.kind !== 'none' ? `${c.profile}: ${where}` : where;
}

function placeLabel(c: ConnectionState): string {
  if (c.status === 'offline') return `offline (${hostOf(c.baseUrl) ?? (c.kind === 'together' ? 'api.together.ai' : c.kind === 'nebius' ? 'api.tokenfactory.nebius.com' : 'api.openai.com')})`;
  switch (c.kind) {
    case 'none':
      return `no key (set ${c.keyEnv})`;
    case 'sandbox':
      return `SANDBOX ${hostOf(c.baseUrl) ?? ''}`.trim();
    case 'openai':
      return c.baseUrl === null ? 'OpenAI' : `OpenAI ${hostOf(c.baseUrl)}`;
    case 'azure':
      return c.baseUrl !== null && isLoopback(c.baseUrl) ? `Azure SANDBOX ${hostOf(c.baseUrl)}` : `Azure ${hostOf(c.baseUrl) ?? ''}`.trim();
    case 'custom':
      return hostOf(c.baseUrl) ?? 'custom';
    case 'together':
      // The Together-protocol sandbox keeps SANDBOX in view like the OpenAI one.
      return c.baseUrl === null ? 'Together' : isLoopback(c.baseUrl) ? `Together SANDBOX ${hostOf(c.baseUrl)}` : `Together ${hostOf(c.baseUrl)}`;
    case 'nebius':
      return c.baseUrl === null ? 'Nebius' : isLoopback(c.baseUrl) ? `Nebius SANDBOX ${hostOf(c.baseUrl)}` : `Nebius ${hostOf(c.baseUrl)}`;
  }
}

function isLoopback(url: string): boolean {
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

function hostOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
