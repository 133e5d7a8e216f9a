// The whole loop on Nebius and on Azure, in a real terminal, each against its own sandbox
// protocol: open a dataset, create a job with the service's own fields, watch it succeed, deploy
// the result only after a confirmation that shows what keeping it up costs, chat with it by the
// name the deployment answers to, correct an answer into the dataset, delete the deployment.
// The sandboxes run in this process at 10x speed on real time.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxServer } from '../../src/sandbox/server.js';
import { togetherTrainingJsonl } from '../helpers/sandbox.js';
import { hasTmux, startTui, type TuiSession } from '../helpers/tmux.js';

const run = hasTmux || process.env.CI ? describe : describe.skip;

/** Chat: ask, correct the answer, add it; Dataset: save; the file gains the corrected example. */
async function chatCorrectAndSave(session: TuiSession, train: string, lines: number): Promise<void> {
  session.send('Enter');
  await session.waitFor('esc leaves the field');
  session.type('What is 7 + 7?');
  session.send('Enter');
  const pane = await session.waitFor(/model: \[sandbox/);
  expect(pane).toContain('you: What is 7 + 7?');
  session.send('Escape');
  // e only once the field is left: an Esc and an e in one read are alt+e.
  await session.waitFor((p) => !p.includes('esc leaves the field') && p.includes('a add · e correct'));
  session.send('e');
  await session.waitFor('enter adds the conversation with this reply to the dataset');
  session.send('C-a', 'C-k');
  session.type('7 + 7 is 14.');
  session.send('Enter');
  await session.waitFor(/Added the conversation \(1 turn\) to train\.jsonl/);
}

async function saveAndCheck(session: TuiSession, train: string, lines: number): Promise<void> {
  session.send('1');
  // ctrl+s only once the Dataset screen is drawn: the status bar says "train.jsonl *" on every
  // screen, and a key in the same read as the 1 is lost while the screen has not rendered yet.
  await session.waitFor((p) => p.includes('▸1 Dataset') && p.includes('train.jsonl *'));
  session.send('C-s');
  await session.waitFor(() => readFileSync(train, 'utf8').trim().split('\n').length === lines + 1);
  const last = JSON.parse(readFileSync(train, 'utf8').trim().split('\n')[lines]!);
  expect(last.messages.at(-1)).toEqual({ role: 'assistant', content: '7 + 7 is 14.' });
  session.send('q');
  expect(await session.waitForExit()).toBe(0);
}

run('Nebius and Azure loops in a real terminal (tmux)', () => {
  let session: TuiSession | undefined;
  let server: SandboxServer | undefined;
  afterEach(async () => {
    session?.kill();
    await server?.close();
  });

  it('Nebius: LoRA job with its own fields, serverless deploy (no hourly fee) confirmed, chat, correct, delete', async () => {
    server = await startSandbox({ protocol: 'nebius', port: 0, speed: 10, streamDelayMs: 0 });
    const dir = mkdtempSync(join(tmpdir(), 'ftui-e2e-nebius-'));
    const train = join(dir, 'train.jsonl');
    writeFileSync(train, togetherTrainingJsonl(20));
    session = startTui([train], { columns: 120, rows: 30, env: { NEBIUS_BASE_URL: server.baseUrl, NEBIUS_API_KEY: 'sandbox' } });
    await session.waitFor(/Nebius SANDBOX 127\.0\.0\.1:\d+/);

    session.send('3');
    await session.waitFor('No jobs yet');
    session.send('n');
    let pane = await session.waitFor('▸ Base model      ‹ meta-llama/Meta-Llama-3.1-8B-Instruct ›');
    expect(pane).toMatch(/Learning rate\s+0\.00001/);
    expect(pane).toMatch(/Context length\s+8192/);
    // LoRA on (six fields down), then review.
    session.send('j', 'j', 'j', 'j', 'j', 'j', 'Right');
    await session.waitFor(/▸ LoRA\s+‹ yes ›/);
    session.send('s');
    // ftui knows no Nebius training price: the tokens it bills, and the question says so.
    pane = await session.waitFor('Create this job at a price ftui does not know (Nebius bills it)?');
    expect(pane).toMatch(/Price unknown: ftui does not know Nebius's training price/);
    session.send('y');
    pane = await session.waitFor(/Job ftjob-\S+ succeeded/, 60_000);
    expect(pane).toMatch(/step (\d+)\/\1/);
    expect(server.sandbox.state.jobs[0]!.hyperparameters).toMatchObject({ lora: true, learning_rate: 0.00001 });

    // The newest checkpoint's weights, next to the dataset.
    expect(pane).toContain('W weights');
    session.send('W');
    pane = await session.waitFor(/Weights of step \d+ saved in /);
    const job = server.sandbox.state.jobs[0]!;
    const newest = server.sandbox.state.checkpoints[job.id]![0]!;
    const saved = join(dir, `${job.id}-${newest.id}`, `adapter_model-step-${newest.step_number}.safetensors`);
    await session.waitFor(() => existsSync(saved));
    expect(readFileSync(saved, 'utf8')).toContain('SANDBOX CHECKPOINT WEIGHTS');

    // Deploy: what it costs first, nothing starts before y.
    session.send('D');
    pane = await session.waitFor('Deploy on Serverless LoRA (no hourly fee)?');
    expect(pane).toContain('Nothing is billed by the hour');
    expect(server.sandbox.state.customModels ?? []).toHaveLength(0);
    session.send('y');
    await session.waitFor(/Deployment meta-llama\/Meta-Llama-3\.1-8B-Instruct-LoRa:ftui-\S+: ready · no hourly/, 60_000);
    expect(server.sandbox.state.customModels).toHaveLength(1);

    session.send('4');
    await session.waitFor(/Chat with meta-llama\/Meta-Llama-3\.1-8B-Instruct-LoRa:ftui-/);
    await chatCorrectAndSave(session, train, 20);

    session.send('X');
    await session.waitFor('Hosting stops; the fine-tune stays');
    session.send('y');
    await session.waitFor(() => server!.sandbox.state.customModels![0]!.status === 'deleted');
    await saveAndCheck(session, train, 20);
  }, 240_000);

  it('Azure: training tier, BOM added to a copy, Developer deployment (no hourly fee, 24 h) confirmed through the management SDK, chat, correct, delete', async () => {
    server = await startSandbox({ protocol: 'azure', port: 0, speed: 10, streamDelayMs: 0 });
    const dir = mkdtempSync(join(tmpdir(), 'ftui-e2e-azure-'));
    const train = join(dir, 'train.jsonl');
    const text = togetherTrainingJsonl(20);
    writeFileSync(train, text);
    const config = join(dir, 'config');
    mkdirSync(config);
    const m = server.management!;
    writeFileSync(
      join(config, 'profiles.json'),
      JSON.stringify({
        profiles: [
          {
            name: 'azure-sandbox',
            kind: 'azure',
            baseUrl: server.baseUrl.replace(/\/v1$/, ''),
            apiKeyEnv: 'AZURE_OPENAI_API_KEY',
            subscriptionId: 'sub',
            resourceGroup: 'rg',
            accountName: 'acct',
            tenantId: 'sandbox-tenant',
            managementEndpoint: m.origin,
            authorityHost: m.origin,
            caFile: m.certFile,
          },
        ],
      }),
    );
    session = startTui(['--profile', 'azure-sandbox', train], { columns: 120, rows: 30, env: { FTUI_CONFIG_DIR: config, AZURE_OPENAI_API_KEY: 'sandbox' } });
    await session.waitFor(/azure-sandbox: Azure SANDBOX 127\.0\.0\.1:\d+/);

    // Validate shows Azure's own dates for the model, from its model list, not OpenAI's 2027-01-14.
    session.send('2');
    // (Read on the real clock: after those dates the same line says so in capitals.)
    let pane = await session.waitFor((p) => /gpt-4\.1-mini-2025-04-14 · shuts down 2027-10-14/i.test(p) && /service: (fine-tunes it until|no longer fine-tunes it \(since) 2027-04-14/i.test(p));
    expect(pane).not.toContain('2027-01-14');

    session.send('3');
    await session.waitFor('No jobs yet');
    session.send('n');
    pane = await session.waitFor((p) => /Training tier\s+‹ globalstandard ›/.test(p) && p.includes('(shuts down 2027-10-14)'));
    // To the tier (base model, method, training file, validation file, then the tier) and one right: developer.
    session.send('j', 'j', 'j', 'j', 'Right');
    pane = await session.waitFor(/▸ Training tier\s+‹ developertier ›/);
    expect(pane).toMatch(/Developer: spot capacity/);
    // Azure keeps training OpenAI's models after OpenAI's own cut-off: no wind-down line here.
    expect(pane).not.toContain('no new jobs');
    session.send('s');
    await session.waitFor('Create this job?');
    session.send('y');
    pane = await session.waitFor(/Job ftjob-\S+ succeeded/, 60_000);
    expect(pane).toMatch(/→ gpt-4\.1-mini-2025-04-14\.ft-[0-9a-f]+/);
    expect(server.sandbox.state.jobs[0]!.trainingType).toBe('developertier');
    // The file went up with a BOM; the user's file is as it was.
    expect(server.sandbox.state.files.find((f) => f.purpose === 'fine-tune')!.bytes).toBe(Buffer.byteLength(text) + 3);
    expect(readFileSync(train, 'utf8')).toBe(text);

    session.send('D');
    pane = await session.waitFor('Deploy on Standard for $1.70/h?');
    expect(pane).toContain('≈ $41 a day');
    expect(pane).toContain('Azure removes it after 24 hours');
    session.send('j', 'j');
    pane = await session.waitFor('Deploy on Developer (no hourly fee, removed after 24 h)?');
    expect(server.sandbox.state.deployments ?? []).toHaveLength(0);
    session.send('y');
    await session.waitFor(/Deployment ftui-\S+: ready · no hourly charge · removed by the provider at/, 60_000);
    expect(server.sandbox.state.deployments).toHaveLength(1);
    expect(server.sandbox.state.deployments![0]!.sku.name).toBe('DeveloperTier');

    session.send('4');
    await session.waitFor(/Chat with ftui-/);
    await chatCorrectAndSave(session, train, 20);

    session.send('X');
    await session.waitFor('Hosting stops; the fine-tune stays');
    session.send('y');
    await session.waitFor(() => (server!.sandbox.state.deployments ?? []).length === 0);
    await saveAndCheck(session, train, 20);
  }, 240_000);
});
