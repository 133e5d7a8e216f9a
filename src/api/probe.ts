// One cheap call at start to tell the status bar whether the connection works, and for a
// loopback base URL whether it is really the ftui sandbox (every sandbox answer carries
// `x-sandbox: true`).
import { isProviderError, type FineTuningProvider } from './types.js';

export interface ProbeResult {
  status: 'ok' | 'offline' | 'error';
  message: string | null;
  /** For loopback base URLs: whether the server said it is the ftui sandbox; null when not asked. */
  sandbox: boolean | null;
}

function isLoopback(baseUrl: string | null): boolean {
  if (baseUrl === null) return false;
  try {
    return ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(new URL(baseUrl).hostname);
  } catch {
    return false;
  }
}

async function askSandbox(baseUrl: string, fetchImpl: typeof fetch, timeoutMs: number): Promise<boolean> {
  try {
    const res = await fetchImpl(baseUrl, { signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    return res.headers.get('x-sandbox') === 'true';
  } catch {
    return false;
  }
}

export async function probeConnection(
  provider: FineTuningProvider,
  baseUrl: string | null,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<ProbeResult> {
  const sandbox = isLoopback(baseUrl) ? await askSandbox(baseUrl!, options.fetch ?? fetch, options.timeoutMs ?? 2000) : null;
  try {
    await provider.listJobs({ limit: 1 });
    return { status: 'ok', message: sandbox === false ? 'This local server is not the ftui sandbox.' : null, sandbox };
  } catch (error) {
    if (isProviderError(error)) {
      return { status: error.kind === 'network' ? 'offline' : 'error', message: error.message, sandbox };
    }
    return { status: 'error', message: error instanceof Error ? error.message : String(error), sandbox };
  }
}
