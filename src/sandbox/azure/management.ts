// Azure's side of the sandbox that is not OpenAI's protocol: the management plane where a
// fine-tune is deployed (Microsoft.CognitiveServices/accounts/{account}/deployments, as
// Azure's Cognitive Services management API document and fine-tuning deployment guide give it),
// and the Entra ID token endpoint its official SDKs ask first. Both are served over HTTPS with a
// certificate made at start (the SDKs send a bearer token only over TLS); the certificate is
// written to a file so a client can trust it, and its key never leaves memory.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { DEPLOY_MS, DEVELOPER_TIER_LIFETIME_MS } from '../flavors.js';
import { readBody } from '../http.js';
import type { Sandbox } from '../sandbox.js';
import type { AzureDeploymentRecord } from '../state.js';

const HOST = '127.0.0.1';
const DEPLOYMENTS = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.CognitiveServices\/accounts\/([^/]+)\/deployments(?:\/([^/]+))?$/i;
const SKUS: Record<string, string> = { standard: 'Standard', globalstandard: 'GlobalStandard', developertier: 'DeveloperTier' };

export interface ManagementServer {
  /** https://127.0.0.1:PORT: the management endpoint and the token authority alike. */
  origin: string;
  /** The PEM certificate the server presents. */
  certificate: string;
  close(): Promise<void>;
}

function armError(res: ServerResponse, status: number, code: string, message: string): void {
  const text = JSON.stringify({ error: { code, message } });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function wire(d: AzureDeploymentRecord, path: string) {
  return {
    id: path,
    name: d.name,
    type: 'Microsoft.CognitiveServices/accounts/deployments',
    sku: d.sku,
    systemData: { createdAt: new Date(d.created_ms).toISOString() },
    properties: {
      model: { format: 'OpenAI', name: d.model, version: '1' },
      provisioningState: d.provisioningState,
      ...(d.expires_ms !== null ? { deploymentExpiresAt: new Date(d.expires_ms).toISOString() } : {}),
    },
  };
}

/** The fine-tunes and checkpoints the account holds: what can be deployed. */
function deployable(sb: Sandbox): Set<string> {
  const names = new Set<string>();
  for (const job of sb.state.jobs) {
    if (job.status !== 'succeeded') continue;
    if (job.fine_tuned_model) names.add(job.fine_tuned_model);
    for (const c of sb.state.checkpoints[job.id] ?? []) names.add(c.id);
  }
  return names;
}

async function handle(sb: Sandbox, origin: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', origin);
  const method = req.method ?? 'GET';
  const body = await readBody(req, 1024 * 1024);
  // Entra ID: the discovery document and the client-credentials token endpoint MSAL asks.
  const tenant = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(url.pathname)?.[1];
  if (tenant !== undefined) {
    const base = `${origin}/${tenant}`;
    return json(res, 200, {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      issuer: `${base}/v2.0`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_types_supported: ['code'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid'],
    });
  }
  if (/^\/[^/]+\/oauth2\/v2\.0\/token$/.test(url.pathname) && method === 'POST') {
    const form = new URLSearchParams(body.toString('utf8'));
    if (!form.get('client_id')) return json(res, 400, { error: 'invalid_request', error_description: 'client_id is missing.' });
    return json(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'sandbox-management-token' });
  }
  const m = DEPLOYMENTS.exec(url.pathname);
  if (!m) return armError(res, 404, 'NotFound', `The sandbox's management plane has no ${method} ${url.pathname}.`);
  if (!/^Bearer\s+\S+/i.test(req.headers.authorization ?? '')) return armError(res, 401, 'AuthenticationFailed', 'Authentication failed. The Authorization header is missing.');
  if (!url.searchParams.get('api-version')) return armError(res, 400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests.");
  const list = (sb.state.deployments ??= []);
  const name = m[4] === undefined ? undefined : decodeURIComponent(m[4]);
  if (name === undefined) {
    if (method !== 'GET') return armError(res, 405, 'MethodNotAllowed', `${method} is not allowed here.`);
    return json(res, 200, { value: list.map((d) => wire(d, `${url.pathname}/${d.name}`)) });
  }
  const existing = list.find((d) => d.name === name);
  if (method === 'GET') return existing ? json(res, 200, wire(existing, url.pathname)) : armError(res, 404, 'DeploymentNotFound', `Deployment ${name} does not exist.`);
  if (method === 'DELETE') {
    if (!existing) return void res.writeHead(204).end();
    sb.state.deployments = list.filter((d) => d !== existing);
    res.writeHead(200).end();
    return;
  }
  if (method !== 'PUT') return armError(res, 405, 'MethodNotAllowed', `${method} is not allowed here.`);
  let request: { sku?: { name?: unknown; capacity?: unknown }; properties?: { model?: { name?: unknown; format?: unknown } } };
  try {
    request = JSON.parse(body.toString('utf8')) as typeof request;
  } catch {
    return armError(res, 400, 'InvalidRequestContent', 'The request content was invalid and could not be deserialized.');
  }
  const sku = SKUS[String(request.sku?.name ?? '').toLowerCase()];
  if (sku === undefined) return armError(res, 400, 'InvalidResourceProperties', `The specified SKU '${String(request.sku?.name)}' for model deployment is not supported; use Standard, GlobalStandard or DeveloperTier.`);
  const model = request.properties?.model?.name;
  if (typeof model !== 'string' || !deployable(sb).has(model)) return armError(res, 400, 'InvalidResourceProperties', `The model '${String(model)}' is not a fine-tuned model or checkpoint of this resource that can be deployed.`);
  // PUT is create-or-update: the same name again changes the deployment, never makes a second one.
  if (existing) {
    existing.sku = { name: sku, capacity: Number(request.sku?.capacity ?? 1) };
    existing.model = model;
    return json(res, 200, wire(existing, url.pathname));
  }
  const now = sb.clock.now();
  const record: AzureDeploymentRecord = {
    id: url.pathname,
    name,
    sku: { name: sku, capacity: Number(request.sku?.capacity ?? 1) },
    model,
    provisioningState: 'Creating',
    created_ms: now,
    ready_at_ms: now + DEPLOY_MS / sb.speed,
    expires_ms: sku === 'DeveloperTier' ? now + DEVELOPER_TIER_LIFETIME_MS / sb.speed : null,
  };
  list.push(record);
  json(res, 201, wire(record, url.pathname));
}

export async function startManagement(sb: Sandbox, options: { certFile: string; onRequest?: (method: string, path: string, status: number) => void; afterChange?: () => void }): Promise<ManagementServer> {
  // Loaded on use: the certificate library (and its ASN.1 stack, ~180 modules) was loaded by every
  // `ftui` start-up, since all subcommands register the sandbox's options.
  const { default: selfsigned } = await import('selfsigned');
  const pems = await selfsigned.generate([{ name: 'commonName', value: HOST }], {
    // EC keys are made in milliseconds; a 2048-bit RSA key can take a second on a busy machine.
    keyType: 'ec',
    notAfterDate: new Date(Date.now() + 30 * 24 * 3600_000),
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: HOST }] }],
  });
  writeFileSync(options.certFile, pems.cert, { mode: 0o644 });
  let origin = '';
  const server: Server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    if (options.onRequest) {
      const path = (req.url ?? '/').split('?')[0]!;
      res.once('close', () => options.onRequest?.(req.method ?? 'GET', path, res.writableFinished ? res.statusCode : 0));
    }
    // Caught up before the request, as the API server does; a read saves only what the clock moved on.
    const moved = sb.tick();
    handle(sb, origin, req, res)
      .then(() => {
        if (moved || req.method !== 'GET') options.afterChange?.();
      })
      .catch((error: unknown) => {
        if (!res.headersSent) armError(res, 500, 'InternalServerError', `The sandbox failed: ${error instanceof Error ? error.message : String(error)}`);
        else res.destroy();
      });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve());
  });
  origin = `https://${HOST}:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    certificate: pems.cert,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
