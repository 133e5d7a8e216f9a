import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { probeSandbox } from '../../../src/sandbox/detect.js';
import { startTestSandbox } from '../../helpers/sandbox.js';
import { call } from './client.js';

describe('telling the sandbox apart', () => {
  it('marks every response, and probeSandbox recognises its base URL', async () => {
    const sb = await startTestSandbox();
    try {
      expect((await call(sb.baseUrl, 'GET', '/models')).headers.get('x-sandbox')).toBe('true');
      expect((await call(sb.baseUrl, 'GET', '/nope')).headers.get('x-sandbox')).toBe('true');
      expect(await probeSandbox(sb.baseUrl)).toBe(true);
    } finally {
      await sb.close();
    }
  });

  it('is false for another server, a closed port, a remote host and a bad URL', async () => {
    const other = createServer((_req, res) => res.end('hello'));
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', () => r()));
    const port = (other.address() as AddressInfo).port;
    try {
      expect(await probeSandbox(`http://127.0.0.1:${port}/v1`)).toBe(false);
    } finally {
      await new Promise((r) => other.close(r));
    }
    expect(await probeSandbox(`http://127.0.0.1:${port}/v1`)).toBe(false);
    expect(await probeSandbox('https://api.openai.com/v1')).toBe(false);
    expect(await probeSandbox('not a url')).toBe(false);
  });
});
