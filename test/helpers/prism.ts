// Runs Stoplight Prism as a validating proxy in front of a server (the sandbox): every request
// and response is checked against a provider's OpenAPI document (OpenAI's unless another is
// named), and with --errors a violation comes back as an error response instead of a log line.
// Prism parses the document before it listens: for OpenAI's 3 MB one it is given only the paths
// ftui calls, with all they refer to (./openapiSubset.ts), so it starts in about a second.
// Start it once per test file (beforeAll).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { eventually } from './eventually.js';
import { openapiSubset } from './openapiSubset.js';

export const OPENAPI_DOCUMENT = fileURLToPath(new URL('../../../shared/openapi/openai-openapi.yaml', import.meta.url));
export const TOGETHER_OPENAPI_DOCUMENT = fileURLToPath(new URL('../../../shared/openapi/together-openapi.yaml', import.meta.url));
/** The paths of OpenAI's document that ftui and its sandbox use: files, uploads, fine-tuning, models, chat. */
export const OPENAI_FINE_TUNING_PATHS = /^\/(files|uploads|fine_tuning|models|chat\/completions)(\/|$)/;
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
export async function startPrismProxy(
  upstreamUrl: string,
  {
    timeoutMs = 90_000,
    document = OPENAPI_DOCUMENT,
    paths = document === OPENAPI_DOCUMENT ? OPENAI_FINE_TUNING_PATHS : null,
  }: { timeoutMs?: number; document?: string; /** Only these paths of the document (null: all of it). */ paths?: RegExp | null } = {},
): Promise<PrismProxy> {
  if (paths !== null) document = openapiSubset(document, paths);
  // The port is free when chosen, but another process on a busy machine can take it before Prism
  // binds it: then Prism exits at once, and another port is tried.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnFreePort(upstreamUrl, document, timeoutMs);
    } catch (error) {
      if (attempt >= 3 || !(error instanceof PortTaken)) throw error;
    }
  }
}

class PortTaken extends Error {}

async function startOnFreePort(upstreamUrl: string, document: string, timeoutMs: number): Promise<PrismProxy> {
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
  try {
    await eventually(
      () => {
        if (child.exitCode !== null) {
          const Failure = /EADDRINUSE/.test(log) ? PortTaken : Error;
          throw new Failure(`prism exited with code ${child.exitCode} before it listened:\n${log.slice(-4000)}`);
        }
        return /Prism is listening/.test(log);
      },
      { timeoutMs, describe: () => `prism to listen; it printed:\n${log.slice(-4000)}` },
    );
    // Listening is logged just before the socket accepts; make sure it answers.
    await eventually(() => fetch(`${baseUrl}/`).then(() => true, () => false), { timeoutMs, describe: () => `prism to answer at ${baseUrl}` });
  } catch (error) {
    await killGroup(child);
    throw error;
  }
  return { baseUrl, output: () => log, close: () => killGroup(child) };
}

/** Sends one request through a Prism proxy and fails on any violation of the document it reports. */
export async function viaPrism(prism: PrismProxy, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const init: RequestInit = { method, headers: { authorization: 'Bearer sk-contract', ...headers } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const res = await fetch(`${prism.baseUrl}${path}`, init);
  const text = await res.text();
  // Some answers are not JSON (a file's content, plain text): those are handed back as text.
  const parsed: any = text === '' ? null : /^\s*[[{]/.test(text) ? JSON.parse(text) : text;
  const violations = res.headers.get('sl-violations');
  if (violations !== null || text.includes('stoplight.io/prism/errors')) {
    throw new Error(`Prism reports a violation of the OpenAPI document on ${method} ${path}:\n${violations ?? ''}\n${text.slice(0, 3000)}`);
  }
  return { status: res.status, body: parsed };
}
