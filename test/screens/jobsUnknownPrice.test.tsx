// The Jobs confirmation for a service whose training price ftui does not know (Nebius here,
// against its sandbox, at 80x24): no cost is made up. It shows the billed tokens to multiply,
// labelled estimates, says plainly that the price is unknown and how to give ftui one, and asks
// in those words before anything is uploaded; y then creates exactly one job. With a price in the
// profile (capabilities.trainingPrices) the same confirmation shows a cost from it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProvider } from '../../src/api/createProvider.js';
import { preflight } from '../../src/effects/preflight.js';
import { initialAppState, type AppState } from '../../src/store/state.js';
import type { RenderedApp } from '../helpers/renderApp.js';
import { renderWithServices, waitFor } from '../helpers/renderWithServices.js';
import { sampleTrainingJsonl, startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

let sandbox: TestSandbox;
let app: RenderedApp | undefined;
let dataset: string;
let creates = 0;

beforeEach(async () => {
  creates = 0;
  sandbox = await startTestSandbox({ protocol: 'nebius', onRequest: (method, path) => method === 'POST' && path.endsWith('/fine_tuning/jobs') && creates++ });
  dataset = join(mkdtempSync(join(tmpdir(), 'ftui-price-')), 'train.jsonl');
  writeFileSync(dataset, sampleTrainingJsonl(12));
});
afterEach(async () => {
  app?.unmount();
  app = undefined;
  await sandbox.close();
});

const LLAMA = 'meta-llama/Meta-Llama-3.1-8B-Instruct';

const state = (): Partial<AppState> => ({
  ui: { ...initialAppState.ui, screen: 'jobs' },
  connection: { ...initialAppState.connection, kind: 'nebius', keyPresent: true, baseUrl: sandbox.baseUrl },
  dataset: { ...initialAppState.dataset, filePath: dataset },
});

function nebius(prices?: Record<string, { trainingUsdPerMillion: number }>) {
  return createProvider({ name: 'n', kind: 'nebius', baseUrl: sandbox.baseUrl, apiKeyEnv: 'K', ...(prices ? { prices } : {}) }, { K: 'sandbox' }, { maxRetries: 0 });
}

describe('the confirmation of a job whose price ftui does not know', () => {
  it('shows the billed tokens and says the price is unknown, asks in those words, and y creates one job', async () => {
    app = await renderWithServices(state(), { provider: nebius(), clock: sandbox.clock, poll: { baseMs: 30, maxMs: 300 }, preflight }, { columns: 80, rows: 24 });
    await waitFor(app, (f) => f.includes('No jobs yet'));
    await app.press('n', 's');
    const frame = await waitFor(app, (f) => f.includes('at a price ftui does not know'));
    // The words wrap at 80 columns; read them as one text.
    const text = frame.replace(/\s*\n\s*/g, ' ');
    expect(text).toMatch(/Price unknown: ftui does not know Nebius's training price for meta-llama\/Meta-Llama-3\.1-8B-Instruct\. It bills ~[\d,]+ tokens \([\d,]+ × 3 epochs\): multiply by its price per million tokens/);
    expect(text).toMatch(/"trainingUsdPerMillion"/);
    expect(text).toMatch(/Tokens are estimates: counted in cl100k_base/);
    expect(text).toMatch(/Create this job at a price ftui does not know \(Nebius bills it\)\? y upload and create/);
    expect(frame).not.toMatch(/Estimated cost|\$\d/);
    for (const row of frame.split('\n')) expect(row.length).toBeLessThanOrEqual(80);
    expect(creates).toBe(0);
    await app.press('y');
    await waitFor(app, (f) => /Job ftjob-\S+/.test(f));
    expect(creates).toBe(1);
  });

  it('shows a cost from the price the profile gives', async () => {
    app = await renderWithServices(state(), { provider: nebius({ [LLAMA]: { trainingUsdPerMillion: 2 } }), clock: sandbox.clock, preflight }, { columns: 100, rows: 30 });
    await waitFor(app, (f) => f.includes('No jobs yet'));
    await app.press('n', 's');
    const frame = await waitFor(app, (f) => f.includes('Create this job?'));
    expect(frame).toMatch(/Estimated cost: ~\$0\.\d{3} \(3 epochs × [\d,]+ tokens at \$2\/1M, the price in your profile\)/);
    expect(frame).not.toMatch(/Price unknown/);
  });
});
