// The sandbox's request log (`ftui sandbox` without -q) never prints a key, wherever a client put it.
import { describe, expect, it } from 'vitest';
import { eventually } from '../helpers/eventually.js';
import { startSandboxProcess } from '../helpers/sandboxProcess.js';
import { E2E_WAIT_MS } from '../helpers/tmux.js';

describe('ftui sandbox request log', () => {
  // Before: the log line printed the request path as it came, key and all.
  it('redacts a key in a request path', async () => {
    const sandbox = await startSandboxProcess();
    let out = '';
    sandbox.child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await fetch(`${sandbox.baseUrl}/files/sk-proj-PathLeak0123456789abcdef`, { headers: { authorization: 'Bearer sandbox' } });
      await eventually(() => /SANDBOX GET \/v1\/files\/.+ 404/.test(out), { timeoutMs: E2E_WAIT_MS, describe: () => `the request's log line; the sandbox printed:\n${out}` });
      expect(out).toContain('SANDBOX GET /v1/files/[redacted key] 404');
      expect(out).not.toContain('PathLeak');
    } finally {
      sandbox.stop();
    }
  });
});
