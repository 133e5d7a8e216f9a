// The sandbox HTTP server: loopback only, every route under /v1, Bearer auth, faults, and a
// notice at / that this is a simulation which trains nothing.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startManagement, type ManagementServer } from './azure/management.js';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from './clock.js';
import { SANDBOX_HEADER } from './detect.js';
import { faultError, isCommitFault, parseFaultHeader, serverFaultFor, FAULT_HEADER, type FaultKind, type ServerFault } from './faults.js';
import { ApiError, sendError, sendJson } from './http.js';
import { loadState, saveState, TOGETHER_FILE } from './persist.js';
import { redact } from '../core/redact.js';
import { findRoute } from './router.js';
import { createSandbox, type Sandbox } from './sandbox.js';
import { emptyState } from './state.js';
import type { TogetherSandbox } from './together/context.js';
import { findTogetherRoute } from './together/router.js';
import { createTogetherSandbox } from './together/sandbox.js';
import { emptyTogetherState } from './together/state.js';

export const SANDBOX_NOTICE =
  'ftui SANDBOX: a local imitation of OpenAI\'s fine-tuning API for tests and demos. It trains nothing, ' +
  'its models are made up, and it must never be mistaken for the real service. API routes are under /v1.';

export const TOGETHER_NOTICE =
  'ftui SANDBOX: a local imitation of Together AI\'s fine-tuning API for tests and demos. It trains nothing, ' +
  'its models and endpoints are made up, it bills nothing, and it must never be mistaken for the real service. API routes are under /v1.';

export const NEBIUS_NOTICE =
  'ftui SANDBOX: a local imitation of Nebius Token Factory\'s fine-tuning API (OpenAI\'s protocol with its own job fields, and /v0/models to serve a checkpoint) for tests and demos. It trains nothing, its weights are placeholders, it bills nothing, and it must never be mistaken for the real service.';

export const AZURE_NOTICE =
  'ftui SANDBOX: a local imitation of Azure OpenAI\'s fine-tuning API (OpenAI\'s v1 protocol at /v1, deployments on a local management endpoint) for tests and demos. It trains nothing, it bills nothing, and it must never be mistaken for the real service.';

/** Which service's API the sandbox speaks. */
export type SandboxProtocol = 'openai' | 'together' | 'nebius' | 'azure';
export const SANDBOX_PROTOCOLS: readonly SandboxProtocol[] = ['openai', 'together', 'nebius', 'azure'];

const STATE_FILES: Record<'nebius' | 'azure', string> = { nebius: 'sandbox-nebius-state.json', azure: 'sandbox-azure-state.json' };

export interface SandboxOptions {
  /** Default 'openai'. */
  protocol?: SandboxProtocol;
  /** 0 (default) picks a free port. */
  port?: number;
  clock?: Clock;
  /** Simulated time runs this many times faster (default 1: a job takes about 20 s). */
  speed?: number;
  /** Keep state in this directory instead of memory only. */
  stateDir?: string | null;
  faults?: ServerFault[];
  /** How long the `slow` fault holds a request (ms). */
  slowMs?: number;
  /** The longest the commit-then-slow fault holds an answer while the client stays connected (ms). */
  commitSlowMaxMs?: number;
  /** Pause between streamed chat chunks (ms). */
  streamDelayMs?: number;
  /** Called once per finished request (method, path without query, status); never sees a key. */
  onRequest?: (method: string, path: string, status: number) => void;
}

export interface SandboxServer {
  baseUrl: string;
  port: number;
  protocol: SandboxProtocol;
  /** The OpenAI-protocol state (empty and unused when the protocol is 'together'). */
  sandbox: Sandbox;
  /** The Together-protocol state, when that is the protocol. */
  together: TogetherSandbox | null;
  /** Azure: the management plane (deployments) and token authority, over HTTPS. */
  management: { origin: string; certFile: string } | null;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function authorised(req: IncomingMessage): boolean {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && /^Bearer\s+\S+/i.test(auth)) return true;
  const azureKey = req.headers['api-key'];
  return typeof azureKey === 'string' && azureKey.trim() !== '';
}

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxServer> {
  const stateDir = options.stateDir ?? null;
  const protocol = options.protocol ?? 'openai';
  const clock = options.clock ?? systemClock;
  const speed = options.speed ?? 1;
  const flavor = protocol === 'nebius' || protocol === 'azure' ? protocol : null;
  const flavored = () => ({ ...emptyState(), flavor: flavor ?? undefined });
  const initial = !stateDir ? (flavor ? flavored() : undefined) : flavor ? { ...loadState(stateDir, STATE_FILES[flavor], flavored), flavor } : protocol === 'openai' ? loadState(stateDir) : undefined;
  const sandbox = createSandbox(clock, speed, initial);
  const saveOpenAI = (): void => {
    if (stateDir) saveState(stateDir, sandbox.state, flavor ? STATE_FILES[flavor] : undefined);
  };
  const together = protocol === 'together' ? createTogetherSandbox(clock, speed, stateDir ? loadState(stateDir, TOGETHER_FILE, emptyTogetherState) : undefined) : null;
  const faults = options.faults ?? [];
  const slowMs = options.slowMs ?? 3000;
  const streamDelayMs = options.streamDelayMs ?? 25;
  const commitSlowMaxMs = options.commitSlowMaxMs ?? 15 * 60_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    // Azure's v1 API lives under <endpoint>/openai/v1/.
    if (flavor === 'azure' && url.pathname.startsWith('/openai/v1/')) url.pathname = url.pathname.slice('/openai'.length);
    const method = req.method ?? 'GET';
    if (url.pathname === '/' || url.pathname === '/v1' || url.pathname === '/v1/') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', [SANDBOX_HEADER]: 'true' });
      res.end(`${together ? TOGETHER_NOTICE : flavor === 'nebius' ? NEBIUS_NOTICE : flavor === 'azure' ? AZURE_NOTICE : SANDBOX_NOTICE}\n`);
      return;
    }
    res.setHeader(SANDBOX_HEADER, 'true');
    if (together) return handleTogether(together, req, res, url, method);
    const fault = faultFor(req, method, url.pathname, 'openai');
    if (fault === 'slow') await wait(slowMs);
    if (fault === 'drop-stream' && !url.pathname.endsWith('/chat/completions')) {
      req.socket.destroy();
      return;
    }
    const error = fault ? faultError(fault) : null;
    if (error) throw error;
    if (!authorised(req)) {
      throw new ApiError(401, "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", 'invalid_request_error');
    }
    const found = findRoute(method, url.pathname);
    if (!found) throw new ApiError(404, `Invalid URL (${method} ${url.pathname})`, 'invalid_request_error');
    const moved = sandbox.tick();
    const body = await found.route.handler({ sb: sandbox, req, res, url, params: found.params, streamDelayMs, dropStream: fault === 'drop-stream' });
    // A read saves nothing unless the clock moved a job on: the state file is rewritten whole.
    if (found.route.mutates || moved) saveOpenAI();
    if (isCommitFault(fault) && !res.headersSent) return loseAnswer(fault, req, res, body);
    if (body !== undefined) sendJson(res, 200, body);
  }

  function faultFor(req: IncomingMessage, method: string, path: string, protocol: 'openai' | 'together'): FaultKind | null {
    const fault = parseFaultHeader(req.headers[FAULT_HEADER]) ?? serverFaultFor(faults, method, path, protocol === 'together' ? 'together' : 'openai');
    // A read commits nothing: it is answered, so a client can look up what its lost write did.
    return isCommitFault(fault) && method === 'GET' ? null : fault;
  }

  /** The request was carried out; its answer is lost the way the fault says. */
  async function loseAnswer(fault: 'commit-then-500' | 'commit-then-drop' | 'commit-then-slow', req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
    if (fault === 'commit-then-500') throw new ApiError(500, 'The server had an error while processing your request. Sorry about that!', 'server_error');
    if (fault === 'commit-then-drop') {
      req.socket.destroy();
      return;
    }
    // Held until the client gives up (its timeout closes the connection), however long that is.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, commitSlowMaxMs);
      res.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (!res.destroyed && body !== undefined) sendJson(res, 200, body);
  }

  async function handleTogether(tg: TogetherSandbox, req: IncomingMessage, res: ServerResponse, url: URL, method: string): Promise<void> {
    const fault = faultFor(req, method, url.pathname, 'together');
    if (fault === 'slow') await wait(slowMs);
    if (fault === 'drop-stream' && !url.pathname.endsWith('/chat/completions')) {
      req.socket.destroy();
      return;
    }
    const error = fault ? faultError(fault, 'together') : null;
    if (error) throw error;
    const found = findTogetherRoute(method, url.pathname);
    if (found && !found.route.open && !authorised(req)) {
      throw new ApiError(401, 'Invalid API key provided. You can find your API key at https://api.together.xyz/settings/api-keys.', 'invalid_request_error', 'invalid_api_key');
    }
    if (!found) throw new ApiError(404, `Invalid URL (${method} ${url.pathname})`, 'invalid_request_error');
    const moved = tg.tick();
    const body = await found.route.handler({ tg, req, res, url, params: found.params, streamDelayMs, dropStream: fault === 'drop-stream' });
    if (stateDir && (found.route.mutates || moved)) saveState(stateDir, tg.state, TOGETHER_FILE);
    if (isCommitFault(fault) && !res.headersSent) return loseAnswer(fault, req, res, body);
    if (body !== undefined) sendJson(res, 200, body);
  }

  const server = createServer((req, res) => {
    if (options.onRequest) {
      const path = (req.url ?? '/').split('?')[0]!;
      res.once('close', () => options.onRequest?.(req.method ?? 'GET', path, res.writableFinished ? res.statusCode : 0));
    }
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) {
        res.destroy();
        return;
      }
      if (error instanceof ApiError) {
        sendError(res, error);
        return;
      }
      sendError(res, new ApiError(500, redact(`The sandbox failed: ${error instanceof Error ? error.message : String(error)}`), 'server_error'));
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  if (together) together.origin = `http://${HOST}:${port}`;
  let management: ManagementServer | null = null;
  let certFile = '';
  if (flavor === 'azure') {
    certFile = join(stateDir ?? tmpdir(), stateDir ? 'sandbox-azure-management.pem' : `ftui-sandbox-azure-${port}.pem`);
    try {
      management = await startManagement(sandbox, { certFile, ...(options.onRequest ? { onRequest: options.onRequest } : {}), afterChange: saveOpenAI });
    } catch (error) {
      server.close();
      throw error;
    }
  }
  return {
    baseUrl: `http://${HOST}:${port}/v1`,
    port,
    protocol,
    sandbox,
    together,
    management: management === null ? null : { origin: management.origin, certFile },
    close: async () => {
      await Promise.all([
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
        management?.close(),
      ]);
    },
  };
}
