// How the rest of ftui can tell it is talking to the sandbox (to say SANDBOX everywhere): every
// sandbox response carries `x-sandbox: true`. probeSandbox asks a base URL once, cheaply, and is
// false for anything else, including a server that does not answer.
export const SANDBOX_HEADER = 'x-sandbox';

export function isSandboxResponse(headers: Headers): boolean {
  return headers.get(SANDBOX_HEADER) === 'true';
}

/** True when `baseUrl` (e.g. http://127.0.0.1:8787/v1) is served by an ftui sandbox. */
export async function probeSandbox(baseUrl: string, timeoutMs = 1000): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return false;
  }
  // The sandbox only ever listens on loopback; don't probe anything else.
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return false;
  try {
    const res = await fetch(new URL('/', url), { signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    return isSandboxResponse(res.headers);
  } catch {
    return false;
  }
}
