// `ftui train --profile …` against the Nebius and Azure sandboxes (in this process, real clock):
// the job is created exactly once with each service's own fields, and the cost is shown the way
// the confirmation must show it. ftui knows no Nebius training price, so it prints the billed
// tokens and says the price is unknown; --yes alone does not spend an unknown amount, and a price
// set in the profile gives a cost. Azure's tier goes in the create, its file up with a BOM.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxServer } from '../../src/sandbox/server.js';
import { sampleTrainingJsonl } from '../helpers/sandbox.js';
import { runFtui } from '../helpers/runFtui.js';

let server: SandboxServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ftui = runFtui;

async function setUp(protocol: 'nebius' | 'azure', profile: (baseUrl: string) => Record<string, unknown>) {
  const creates: string[] = [];
  server = await startSandbox({ port: 0, speed: 40, protocol, onRequest: (method, path) => method === 'POST' && /fine_tuning\/jobs$/.test(path) && creates.push(path) });
  const home = mkdtempSync(join(tmpdir(), `ftui-cli-${protocol}-`));
  mkdirSync(join(home, 'config'), { recursive: true });
  writeFileSync(join(home, 'config', 'profiles.json'), JSON.stringify({ profiles: [profile(server.baseUrl)] }));
  const train = join(home, 'train.jsonl');
  writeFileSync(train, sampleTrainingJsonl(12));
  return { home, train, creates, jobs: () => server!.sandbox.state.jobs, uploads: () => server!.sandbox.state.files };
}

const LLAMA = 'meta-llama/Meta-Llama-3.1-8B-Instruct';
const NEBIUS_KEY = { NEBIUS_TEST_KEY: 'sandbox' };

describe('ftui train --profile against the Nebius sandbox', () => {
  it("says it does not know Nebius's price and shows the billed tokens; --yes alone creates nothing, --accept-unknown-price creates exactly once with Nebius's fields", async () => {
    const { home, train, creates, jobs } = await setUp('nebius', (baseUrl) => ({ name: 'nb', kind: 'nebius', baseUrl, apiKeyEnv: 'NEBIUS_TEST_KEY' }));
    const args = ['train', train, '--profile', 'nb', '--model', LLAMA, '--set', 'lora=yes', '--set', 'loraR=16', '--set', 'learningRate=0.0002', '--set', 'contextLength=4096', '--epochs', '2', '--yes'];
    const refused = await ftui(args, home, NEBIUS_KEY);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Price unknown: ftui does not know Nebius's training price for meta-llama\/Meta-Llama-3\.1-8B-Instruct\. It bills ~[\d,]+ tokens \([\d,]+ × 2 epochs\)/);
    expect(refused.stderr).toMatch(/Tokens are estimates: counted in cl100k_base, a stand-in for the Llama 3 tokenizer/);
    expect(refused.stderr).toMatch(/Nothing was created: ftui does not know what this job costs/);
    expect(refused.stderr).not.toMatch(/Estimated cost/);
    expect(creates).toHaveLength(0);

    const created = await ftui([...args, '--accept-unknown-price', '--json'], home, NEBIUS_KEY);
    expect(created.code).toBe(0);
    expect(creates).toHaveLength(1);
    expect(jobs()).toHaveLength(1);
    expect(jobs()[0]!.hyperparameters).toMatchObject({ lora: true, lora_r: 16, learning_rate: 0.0002, context_length: 4096, n_epochs: 2 });
    expect(JSON.parse(created.stdout)).toMatchObject({ id: jobs()[0]!.id, model: LLAMA });
  });

  it('shows a cost from the price set in the profile, and then --yes is enough', async () => {
    const { home, train, creates, jobs } = await setUp('nebius', (baseUrl) => ({
      name: 'nb',
      kind: 'nebius',
      baseUrl,
      apiKeyEnv: 'NEBIUS_TEST_KEY',
      prices: { [LLAMA]: { trainingUsdPerMillion: 0.5 } },
    }));
    const run = await ftui(['train', train, '--profile', 'nb', '--model', LLAMA, '--yes'], home, NEBIUS_KEY);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Estimated cost: ~\$0\.\d{3} \(3 epochs × [\d,]+ tokens at \$0\.5\/1M, the price in your profile\)/);
    expect(run.stderr).not.toMatch(/Price unknown/);
    expect(creates).toHaveLength(1);
    expect(jobs()).toHaveLength(1);
  });

  it('refuses a profile price that is not a positive number, naming the field', async () => {
    const { home, train, creates } = await setUp('nebius', (baseUrl) => ({ name: 'nb', kind: 'nebius', baseUrl, apiKeyEnv: 'NEBIUS_TEST_KEY', prices: { [LLAMA]: { trainingUsdPerMillion: 'cheap' } } }));
    const run = await ftui(['train', train, '--profile', 'nb', '--model', LLAMA, '--yes'], home, NEBIUS_KEY);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/profiles\[0\]\.prices\["meta-llama\/Meta-Llama-3\.1-8B-Instruct"\]\.trainingUsdPerMillion should be the training price in US dollars per million tokens/);
    expect(creates).toHaveLength(0);
  });
});

describe('ftui train --profile against the Azure sandbox', () => {
  it('creates exactly once with the training tier, uploads a copy with a BOM, and shows the cost', async () => {
    const { home, train, creates, jobs, uploads } = await setUp('azure', (baseUrl) => ({ name: 'az', kind: 'azure', baseUrl: baseUrl.replace(/\/v1$/, ''), apiKeyEnv: 'AZURE_TEST_KEY' }));
    const before = readFileSync(train);
    const run = await ftui(['train', train, '--profile', 'az', '--model', 'gpt-4.1-mini-2025-04-14', '--set', 'trainingType=developertier', '--yes', '--json'], home, { AZURE_TEST_KEY: 'sandbox' });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Estimated cost: ~?\$\d/);
    expect(creates).toHaveLength(1);
    expect(jobs()).toHaveLength(1);
    expect(jobs()[0]).toMatchObject({ model: 'gpt-4.1-mini-2025-04-14', trainingType: 'developertier' });
    expect(uploads()).toHaveLength(1);
    expect(readFileSync(train).equals(before)).toBe(true);
  });
});
