import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProvider } from '../../../src/api/createProvider.js';
import { probeConnection } from '../../../src/api/probe.js';
import type { Profile } from '../../../src/core/profiles.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

let sb: TestSandbox;
let other: Server;
let otherUrl: string;
const env = { K: 'sk-test' };
// The probe's own 2 s bounds are for people; here every server answers (or refuses the
// connection) at once, so the bounds are generous and a busy machine cannot turn "ok" into "offline".
const NO_HURRY_MS = 30_000;
const at = (baseUrl: string, kind: Profile['kind'] = 'sandbox') => createProvider({ name: 'p', kind, baseUrl, apiKeyEnv: 'K' }, env, { maxRetries: 0, timeoutMs: NO_HURRY_MS });

beforeAll(async () => {
  sb = await startTestSandbox();
  // Some other OpenAI-compatible server on loopback: answers the list, no x-sandbox header.
  other = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ object: 'list', data: [], has_more: false }));
  });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  await sb?.close();
  await new Promise((r) => other?.close(r));
});

describe('probe at start', () => {
  it('the sandbox answers and says it is the sandbox', async () => {
    expect(await probeConnection(at(sb.baseUrl), sb.baseUrl, { timeoutMs: NO_HURRY_MS })).toEqual({ status: 'ok', message: null, sandbox: true });
  });

  it('another loopback server works but is not the sandbox', async () => {
    const r = await probeConnection(at(otherUrl), otherUrl, { timeoutMs: NO_HURRY_MS });
    expect(r).toMatchObject({ status: 'ok', sandbox: false });
    expect(r.message).toMatch(/not the ftui sandbox/);
  });

  it('nothing listening is offline', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/v1`;
    await new Promise((r) => closed.close(r));
    const r = await probeConnection(at(url), url, { timeoutMs: NO_HURRY_MS });
    expect(r.status).toBe('offline');
    expect(r.message).toMatch(/Could not reach/);
  });

  it('a refused key is an error with a plain reason, and no sandbox question for remote URLs', async () => {
    const refusing = createProvider({ name: 'p', kind: 'custom', baseUrl: sb.baseUrl, apiKeyEnv: 'K' }, env, { maxRetries: 0, defaultHeaders: { 'x-sandbox-fault': '401' } });
    const r = await probeConnection(refusing, 'https://example.invalid/v1');
    expect(r).toMatchObject({ status: 'error', sandbox: null });
    expect(r.message).toMatch(/not accepted/);
  });
});
