// `ftui sandbox` as a user runs it: the built bin, the SANDBOX banner, real time at --speed,
// state kept in --state-dir across a restart, and a clean stop on SIGTERM.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/eventually.js';
import { binPath, E2E_WAIT_MS } from '../helpers/tmux.js';
import { sampleTrainingJsonl } from '../helpers/sandbox.js';
import { startSandboxProcess, type SandboxProcess } from '../helpers/sandboxProcess.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

async function startCli(...args: string[]): Promise<SandboxProcess> {
  const started = await startSandboxProcess(...args);
  children.push(started.child);
  return started;
}

const stopped = (child: ChildProcess): Promise<number | null> => new Promise((r) => child.once('exit', (code) => r(code)));
const auth = { authorization: 'Bearer sandbox' };

describe('ftui sandbox', () => {
  it('says SANDBOX and that it trains nothing, serves on loopback, runs a job in real time at --speed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftui-sandbox-'));
    const { child, baseUrl, banner, output } = await startCli('--speed', '40', '--state-dir', dir);
    expect(banner).toContain('SANDBOX');
    expect(banner).toMatch(/TRAINS NOTHING/);
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(await (await fetch(baseUrl.replace(/\/v1$/, '/'))).text()).toContain('trains nothing');

    const form = new FormData();
    form.append('purpose', 'fine-tune');
    form.append('file', new Blob([sampleTrainingJsonl(12)]), 'train.jsonl');
    const file = (await (await fetch(`${baseUrl}/files`, { method: 'POST', headers: auth, body: form })).json()) as { id: string };
    const created = (await (
      await fetch(`${baseUrl}/fine_tuning/jobs`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'gpt-4o-mini-2024-07-18', training_file: file.id }),
      })
    ).json()) as { id: string };
    // At --speed 40 the job's 20 s take half a second of real time: ask until it says so.
    const jobStatus = async () => ((await (await fetch(`${baseUrl}/fine_tuning/jobs/${created.id}`, { headers: auth })).json()) as { status: string }).status;
    await eventually(async () => (await jobStatus()) === 'succeeded', { timeoutMs: E2E_WAIT_MS, describe: () => 'the job to succeed' });
    expect(output()).toMatch(/SANDBOX POST \/v1\/fine_tuning\/jobs 200\n/);
    expect(output()).not.toContain('Bearer');
    const exit = stopped(child);
    child.kill('SIGTERM');
    expect(await exit).toBe(0);

    // The state dir brings the job back after a restart.
    const again = await startCli('--state-dir', dir);
    const job = (await (await fetch(`${again.baseUrl}/fine_tuning/jobs/${created.id}`, { headers: auth })).json()) as { status: string };
    expect(job.status).toBe('succeeded');
  }, 3 * E2E_WAIT_MS);

  it('rejects an unknown fault with the list of known ones', () => {
    const run = spawnSync(process.execPath, [binPath, 'sandbox', '--fault', 'teapot'], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('403-not-eligible');
  });
  it('--protocol together serves Together\'s API and says how to point ftui at it', async () => {
    const { child, baseUrl, banner } = await startCli('--protocol', 'together', '--quiet');
    expect(banner).toContain("Together AI's fine-tuning API");
    expect(banner).toContain(`TOGETHER_BASE_URL=${baseUrl} TOGETHER_API_KEY=sandbox ftui`);
    const supported = (await (await fetch(`${baseUrl}/fine-tunes/models/supported`, { headers: auth })).json()) as { models: string[] };
    expect(supported.models.length).toBeGreaterThan(0);
    expect((await fetch(`${baseUrl}/fine_tuning/jobs`, { headers: auth })).status).toBe(404);
    const exit = stopped(child);
    child.kill('SIGTERM');
    await exit;
  });
});
