// The loop from a script: the built bin's `train`, `jobs`, `watch` and `cancel` against the
// sandbox (in this process, real clock, fast), with their exit codes and --json. A create whose
// answer the sandbox loses (commit-then-500 / -drop / -slow) leaves exactly one job.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FaultKind } from '../../src/sandbox/faults.js';
import { startSandbox, type SandboxServer } from '../../src/sandbox/server.js';
import { sampleTrainingJsonl } from '../helpers/sandbox.js';
import { runFtui, type Run } from '../helpers/runFtui.js';

let server: SandboxServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ftui = (args: string[], home: string): Promise<Run> => runFtui(args, home);

async function setUp(faults: { kind: FaultKind; pathPrefix: string | null }[] = [], speed = 40) {
  await server?.close();
  const posts: string[] = [];
  server = await startSandbox({ port: 0, speed, faults, onRequest: (method, path) => method === 'POST' && posts.push(path) });
  const home = mkdtempSync(join(tmpdir(), 'ftui-cli-train-'));
  const train = join(home, 'train.jsonl');
  writeFileSync(train, sampleTrainingJsonl(12));
  const base = ['--base-url', server.baseUrl];
  return { home, train, base, posts, jobs: () => server!.sandbox.state.jobs };
}

const MODEL = ['--model', 'gpt-4o-mini-2024-07-18'];

describe('ftui train from a script', () => {
  for (const kind of ['commit-then-500', 'commit-then-drop', 'commit-then-slow'] as FaultKind[]) {
    it(`${kind}: --yes --json leaves exactly one job and prints it`, async () => {
      const { home, train, base, jobs } = await setUp([{ kind, pathPrefix: '/fine_tuning/jobs' }]);
      // --timeout is what loses commit-then-slow's answer (the sandbox never sends it); every other
      // request is answered, well within it even on a busy machine, so it is not short.
      const run = await ftui(['train', train, ...MODEL, ...base, '--yes', '--json', '--timeout', '5'], home);
      expect(run.stderr).toMatch(/The job was created: ftjob-\S+ \(its answer was lost/);
      expect(run.code).toBe(0);
      expect(jobs()).toHaveLength(1);
      expect(JSON.parse(run.stdout)).toMatchObject({ id: jobs()[0]!.id, model: 'gpt-4o-mini-2024-07-18' });
    });
  }

  it('prints the job id; a second job from the same file uploads nothing', async () => {
    const { home, train, base, posts, jobs } = await setUp();
    const first = await ftui(['train', train, ...MODEL, ...base, '--yes', '--suffix', 'ci'], home);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`${jobs()[0]!.id}\n`);
    expect(first.stderr).toMatch(/Estimated cost: ~?\$\d/);
    const second = await ftui(['train', train, ...MODEL, ...base, '--yes'], home);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/The training file is already on the service \(file-\S+\): not uploaded again\./);
    expect(posts.filter((p) => p === '/v1/files')).toHaveLength(1);
    expect(jobs()).toHaveLength(2);
  });

  it('refuses a file the API would reject (exit 1, nothing uploaded) unless --force; asks for --yes off a terminal (exit 2)', async () => {
    const { home, base, posts, jobs, train } = await setUp();
    const bad = join(home, 'bad.jsonl');
    writeFileSync(bad, `${sampleTrainingJsonl(12)}{"messages": [{"role": "user", "content": "no answer"}]}\n`);
    const refused = await ftui(['train', bad, ...MODEL, ...base, '--yes'], home);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/The training file .*bad\.jsonl has 1 error the API will reject \(example_missing_assistant_message\)/);
    expect(refused.stderr).toContain('--force');
    expect(posts).toEqual([]);
    // A validation file of two examples: the service would fail the job on it after the wait.
    const small = join(home, 'valid.jsonl');
    writeFileSync(small, sampleTrainingJsonl(2));
    const tooSmall = await ftui(['train', train, ...MODEL, ...base, '--validation-file', small, '--yes'], home);
    expect(tooSmall.code).toBe(1);
    expect(tooSmall.stderr).toMatch(/The validation file .*valid\.jsonl has \d+ errors? the API will reject \(too_few_examples/);
    const unasked = await ftui(['train', train, ...MODEL, ...base], home);
    expect(unasked.code).toBe(2);
    expect(unasked.stderr).toContain('pass --yes');
    const forced = await ftui(['train', bad, ...MODEL, ...base, '--yes', '--force'], home);
    expect(forced.code).toBe(0);
    expect(jobs()).toHaveLength(1);
  });

  it('usage problems exit 2 and say what is wrong', async () => {
    const { home, train, base } = await setUp();
    const epochs = await ftui(['train', train, ...MODEL, ...base, '--yes', '--epochs', '0'], home);
    expect(epochs.code).toBe(2);
    expect(epochs.stderr).toContain("Epochs: 0 is too small ('auto' or a whole number from 1 to 50");
    expect((await ftui(['train', train, ...base, '--yes'], home)).stderr).toContain('--model is required');
    expect((await ftui(['train', train, ...MODEL, ...base, '--set', 'loraR=8'], home)).code).toBe(2);
    expect((await ftui(['train', train, '--no-such-flag'], home)).code).toBe(2);
    const noKey = await ftui(['jobs', '--base-url', 'https://api.example.test/v1'], home);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('No API key: set OPENAI_API_KEY');
  });
});

describe('ftui jobs, watch and cancel from a script', () => {
  it('train --json, jobs --json, watch --json to success (exit 0), cancel --yes then watch (exit 1)', async () => {
    const { home, train, base } = await setUp();
    const created = JSON.parse((await ftui(['train', train, ...MODEL, ...base, '--yes', '--json'], home)).stdout) as { id: string };
    const listed = await ftui(['jobs', ...base, '--json'], home);
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as { id: string }[]).map((j) => j.id)).toEqual([created.id]);
    const text = await ftui(['jobs', ...base], home);
    expect(text.stdout).toMatch(new RegExp(`^JOB\\s+STATUS\\s+MODEL.*\\n${created.id}\\s+\\w+\\s+gpt-4o-mini-2024-07-18`));
    expect(text.stdout).not.toContain('\u001B[');

    const watched = await ftui(['watch', created.id, ...base, '--json', '--interval', '0.2'], home);
    expect(watched.code).toBe(0);
    const lines = watched.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; event?: { id: string }; job?: { status: string; fineTunedModel: string } });
    expect(lines.at(-1)).toMatchObject({ type: 'job', job: { status: 'succeeded', fineTunedModel: expect.stringMatching(/^ft:gpt-4o-mini/) } });
    const events = lines.filter((l) => l.type === 'event').map((l) => l.event!.id);
    expect(new Set(events).size).toBe(events.length);
    expect(events.length).toBeGreaterThan(5);
    // Plain text ends with the model's name; no bell or colours when stdout is not a terminal.
    const plain = await ftui(['watch', created.id, ...base], home);
    expect(plain.stdout).toMatch(/fine-tuned model: ft:gpt-4o-mini\S+\n$/);
    expect(plain.stdout).not.toMatch(/\u0007|\u001B/);

    // A job that trains for hours of real time (speed 0.001), so it is still running when the
    // cancel comes, however long starting the next ftui processes takes on a busy machine.
    const slow = await setUp([], 0.001);
    const second = JSON.parse((await ftui(['train', slow.train, ...MODEL, ...slow.base, '--yes', '--json'], slow.home)).stdout) as { id: string };
    base.splice(0, 2, ...slow.base);
    expect((await ftui(['cancel', second.id, ...base], home)).code).toBe(2);
    const cancelled = await ftui(['cancel', second.id, ...base, '--yes'], home);
    expect(cancelled).toMatchObject({ code: 0, stdout: `${second.id} cancelled\n` });
    const after = await ftui(['watch', second.id, ...base, '--interval', '0.2'], home);
    expect(after.code).toBe(1);
    expect(after.stdout).toMatch(/job cancelled\n$/);
  });
});
