// Runs Stoplight Prism as a validating proxy in front of a server (the sandbox): every request
// and response is checked against a provider's OpenAPI document (OpenAI's unless another is
// named), and with --errors a violation
// comes back as an error response instead of a log line. Startup parses the 3 MB document and
// takes several seconds, so start it once per test file (beforeAll) with a generous timeout.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const OPENAPI_DOCUMENT = fileURLToPath(new URL('../../../shared/openapi/openai-openapi.yaml', import.meta.url));
export const TOGETHER_OPENAPI_DOCUMENT = fileURLToPath(new URL('../../../shared/openapi/together-openapi.yaml', import.meta.url));
const PRISM_BIN = fileURLToPath(new URL('../../node_modules/.bin/prism', import.meta.url));

export interface PrismProxy {
  /** Use as the API base URL: Prism serves the document's paths without the /v1 prefix. */
  baseUrl: string;
  /** Everything Prism printed, for failure messages. */
  output(): string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function killGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    try {
      // Negative pid: the whole process group (prism starts node children of its own).
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      resolve();
      return;
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 3000).unref();
  });
}

/** Starts `prism proxy <document> <upstreamUrl> --errors` on a free loopback port and waits until it answers. */
export async function startPrismProxy(upstreamUrl: string, { timeoutMs = 90_000, document = OPENAPI_DOCUMENT }: { timeoutMs?: number; document?: string } = {}): Promise<PrismProxy> {
  const port = await freePort();
  let log = '';
  const child = spawn(PRISM_BIN, ['proxy', document, upstreamUrl, '--errors', '-p', String(port), '-h', '127.0.0.1'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prism exited with code ${child.exitCode} before it listened:\n${log.slice(-4000)}`);
    if (/Prism is listening/.test(log)) break;
    if (Date.now() > deadline) {
      await killGroup(child);
      throw new Error(`prism did not start within ${timeoutMs} ms:\n${log.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  // Listening is logged just before the socket accepts; make sure it answers.
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(2000) });
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { baseUrl, output: () => log, close: () => killGroup(child) };
}
