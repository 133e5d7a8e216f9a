// The Jobs screen against the sandbox server (in process, loopback, manual clock) through the
// real provider: what a user sees when a job is created, trains and succeeds, and when the
// service refuses.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientOptions } from '../../src/api/createProvider.js';
import { estimateCostWithValidator } from '../../src/effects/jobsCostEstimate.js';
import { initialAppState, type AppState } from '../../src/store/state.js';
import { KEYS } from '../helpers/keys.js';
import type { RenderedApp } from '../helpers/renderApp.js';
import { renderWithServices, waitFor } from '../helpers/renderWithServices.js';
import { sampleTrainingJsonl, sandboxProvider, startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

let sandbox: TestSandbox;
let app: RenderedApp | undefined;
let dataset: string;

beforeEach(async () => {
  sandbox = await startTestSandbox();
  dataset = join(mkdtempSync(join(tmpdir(), 'ftui-jobs-')), 'train.jsonl');
  writeFileSync(dataset, sampleTrainingJsonl(12));
});
afterEach(async () => {
  app?.unmount();
  app = undefined;
  await sandbox.close();
});

const provider = (options: ClientOptions = {}) => sandboxProvider(sandbox, options);

const state = (): Partial<AppState> => ({
  ui: { ...initialAppState.ui, screen: 'jobs' },
  connection: { ...initialAppState.connection, kind: 'sandbox', keyPresent: true, baseUrl: sandbox.baseUrl },
  dataset: { ...initialAppState.dataset, filePath: dataset },
});

/** From the empty job list: n, accept every default with s, confirm with y. */
async function createJobWithDefaults(view: RenderedApp) {
  await waitFor(view, (f) => f.includes('No jobs yet'));
  await view.press('n', 's');
  await waitFor(view, (f) => f.includes('Create this job?'));
  await view.press('y');
}

describe('the Jobs screen on the sandbox', () => {
  it('creates a job from the open dataset, watches it train, and shows the fine-tuned model', async () => {
    app = await renderWithServices(
      state(),
      { provider: provider(), now: () => sandbox.clock.now(), poll: { baseMs: 30, maxMs: 300 }, estimateCost: estimateCostWithValidator },
      { columns: 100, rows: 30 },
    );
    await waitFor(app, (f) => f.includes('No jobs yet'));
    await app.press('n');
    // Base model: gpt-4.1-mini by default; down past the method and the two files to the suffix.
    await app.press('j', 'j', 'j', 'j', KEYS.enter, ...'demo', KEYS.enter, 's');
    let frame = await waitFor(app, (f) => f.includes('Create this job?'));
    expect(frame).toMatch(/Estimated cost: ~?\$\d/);
    await app.press('y');
    frame = await waitFor(app, (f) => /Job ftjob-\S+ validating/.test(f));
    expect(frame).toContain('SANDBOX');
    // Half-way through training: running, metrics plotted, events listed.
    sandbox.clock.advance(12_000);
    frame = await waitFor(app, (f) => /running/.test(f) && /[\u2801-\u28FF]/.test(f) && /ETA/.test(f), 5000);
    expect(frame).toMatch(/step \d+\/\d+/);
    expect(frame).toMatch(/train \d/);
    // Done: the fine-tuned model, with its base's shutdown date.
    sandbox.clock.advance(20_000);
    frame = await waitFor(app, (f) => f.includes('succeeded'), 5000);
    expect(frame).toMatch(/→ ft:gpt-4\.1-mini-2025-04-14:[^\s]*demo/);
    expect(frame).toContain('shuts down 2027-01-14');
    expect(frame).toMatch(/Checkpoints: step \d+/);
    await app.press(KEYS.esc);
    frame = app.lastFrame();
    expect(frame).toContain('succeeded');
    expect(frame).toMatch(/Fine-tuned: ft:gpt-4\.1-mini/);
  });

  it('pauses and resumes a running job, and cancels it after asking', async () => {
    app = await renderWithServices(state(), { provider: provider(), now: () => sandbox.clock.now(), poll: { baseMs: 30, maxMs: 300 } });
    await createJobWithDefaults(app);
    await waitFor(app, (f) => /Job ftjob-/.test(f));
    sandbox.clock.advance(6_000);
    await waitFor(app, (f) => / running/.test(f));
    await app.press('p');
    expect(app.lastFrame()).toMatch(/Pause job ftjob-\S+\? y yes/);
    await app.press('y');
    await waitFor(app, (f) => / paused/.test(f));
    await app.press('r', 'y');
    // The poll can show the job running before the resume call has answered; c waits for that answer.
    await waitFor(app, (f) => / running/.test(f) && app!.store.getState().jobs.pending === null);
    await app.press('c', 'y');
    await waitFor(app, (f) => / cancelled/.test(f));
  });

  it('shows why the service failed a job whose training data it rejected', async () => {
    writeFileSync(dataset, sampleTrainingJsonl(5));
    app = await renderWithServices(state(), { provider: provider(), now: () => sandbox.clock.now(), poll: { baseMs: 30, maxMs: 300 } });
    await createJobWithDefaults(app);
    await waitFor(app, (f) => /Job ftjob-/.test(f));
    sandbox.clock.advance(5_000);
    const frame = await waitFor(app, (f) => / failed/.test(f) && f.includes('Job failed:'));
    expect(frame).toContain('at least 10 examples');
  });

  it('explains "not eligible" when the organisation can no longer create jobs', async () => {
    // Only job creation is refused, as the service does.
    const faulty: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      if (init?.method === 'POST' && String(input instanceof Request ? input.url : input).endsWith('/fine_tuning/jobs')) {
        headers.set('x-sandbox-fault', '403-not-eligible');
      }
      return fetch(input, { ...init, headers });
    };
    app = await renderWithServices(state(), { provider: provider({ fetch: faulty }), now: () => sandbox.clock.now() });
    await createJobWithDefaults(app);
    const frame = await waitFor(app, (f) => f.includes('can no longer create fine-tuning jobs'));
    expect(frame).not.toContain('Error:');
  });

  it('explains a refused key and a rate limit from the list', async () => {
    app = await renderWithServices(state(), { provider: provider({ defaultHeaders: { 'x-sandbox-fault': '401' } }) });
    await waitFor(app, (f) => f.includes('The API key was refused'));
    app.unmount();
    app = await renderWithServices(state(), { provider: provider({ defaultHeaders: { 'x-sandbox-fault': '429' } }) });
    await waitFor(app, (f) => /Rate limited: waiting 2s/.test(f));
  });
});
