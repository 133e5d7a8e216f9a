// `ftui sandbox` as a process of its own (the built bin), for tests that run ftui in another
// process against it, and a fine-tune made on it with OpenAI's own SDK.
import { spawn, type ChildProcess } from 'node:child_process';
import OpenAI, { toFile } from 'openai';
import { eventually } from './eventually.js';
import { sampleTrainingJsonl } from './sandbox.js';
import { binPath, E2E_WAIT_MS } from './tmux.js';

export interface SandboxProcess {
  baseUrl: string;
  child: ChildProcess;
  /** What it printed up to the moment it listened (its banner). */
  banner: string;
  /** Everything it printed so far. */
  output(): string;
  stop(): void;
}

export async function startSandboxProcess(...args: string[]): Promise<SandboxProcess> {
  const child = spawn(process.execPath, [binPath, 'sandbox', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const match = await eventually(() => /Listening on (\S+)/.exec(out) ?? (child.exitCode !== null ? Promise.reject(new Error(`ftui sandbox exited ${child.exitCode}:\n${out}`)) : null), {
    timeoutMs: E2E_WAIT_MS,
    describe: () => `ftui sandbox to listen; it printed:\n${out}`,
  });
  return {
    baseUrl: match[1]!,
    child,
    banner: out,
    output: () => out,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** Trains a fine-tune of `base` on the sandbox (run it with a high --speed) and returns its name. */
export async function trainFineTune(baseUrl: string, base = 'gpt-4o-mini-2024-07-18'): Promise<{ model: string; jobId: string }> {
  const client = new OpenAI({ baseURL: baseUrl, apiKey: 'sandbox', maxRetries: 0 });
  const file = await client.files.create({ file: await toFile(Buffer.from(sampleTrainingJsonl(12)), 'train.jsonl'), purpose: 'fine-tune' });
  const job = await client.fineTuning.jobs.create({ model: base, training_file: file.id, suffix: 'e2e' });
  const done = await eventually(
    async () => {
      const current = await client.fineTuning.jobs.retrieve(job.id);
      return current.status === 'succeeded' ? current : null;
    },
    { timeoutMs: E2E_WAIT_MS, describe: () => `job ${job.id} to succeed` },
  );
  return { model: done.fine_tuned_model!, jobId: job.id };
}
