// The Jobs screen against the sandbox server (in process, loopback) through the real provider:
// what a user sees when a job is created, trains and succeeds, and when the service refuses.
// The app and the sandbox run on the sandbox's manual clock: a job moves, and the app polls it,
// only when the test advances that clock, so nothing here races the wall clock.
//
// The app polls again `poll.baseMs` after a poll's answer is on screen. So before advancing, a test
// waits for something only a poll shows (an event from the log): then the next poll is waiting
// for the clock, and advancing it fires exactly one poll that sees the moved job.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientOptions } from '../../src/api/createProvider.js';
import { preflight } from '../../src/effects/preflight.js';
import { initialAppState, type AppState } from '../../src/store/state.js';
import { UploadRecords } from '../../src/core/uploadRecords.js';
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

/** From the empty job list: n, accept every default with s, confirm with y; resolves once the first poll is on screen. */
async function createJobWithDefaults(view: RenderedApp) {
  await waitFor(view, (f) => f.includes('No jobs yet'));
  await view.press('n', 's');
  await waitFor(view, (f) => f.includes('Create this job?'));
  await view.press('y');
  await firstPoll(view);
}

/** The job's first poll has been answered: its event log is on screen (the job itself shows from the create response already). */
const firstPoll = (view: RenderedApp) => view.waitFor((f) => /Job ftjob-/.test(f) && f.includes('Validating training file'));

describe('the Jobs screen on the sandbox', () => {
  it('creates a job from the open dataset, watches it train, and shows the fine-tuned model', async () => {
    app = await renderWithServices(
      state(),
      { provider: provider(), clock: sandbox.clock, poll: { baseMs: 30, maxMs: 300 }, preflight },
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
    await firstPoll(app);
    // Half-way through training: running, metrics plotted, events listed.
    sandbox.clock.advance(12_000);
    frame = await waitFor(app, (f) => /running/.test(f) && /[\u2801-\u28FF]/.test(f) && /ETA/.test(f));
    expect(frame).toMatch(/step \d+\/\d+/);
    expect(frame).toMatch(/train \d/);
    // Done: the fine-tuned model, with its base's shutdown date.
    sandbox.clock.advance(20_000);
    frame = await waitFor(app, (f) => f.includes('succeeded'));
    expect(frame).toMatch(/→ ft:gpt-4\.1-mini-2025-04-14:[^\s]*demo/);
    expect(frame).toContain('shuts down 2027-01-14');
    expect(frame).toMatch(/Checkpoints: step \d+/);
    await app.press(KEYS.esc);
    frame = app.lastFrame();
    expect(frame).toContain('succeeded');
    expect(frame).toMatch(/Fine-tuned: ft:gpt-4\.1-mini/);
  });

  it('a second job from the same dataset uploads nothing: the file on the service is reused', async () => {
    await sandbox.close();
    const posts: string[] = [];
    sandbox = await startTestSandbox({ onRequest: (method, path) => method === 'POST' && posts.push(path) });
    const records = new UploadRecords(join(mkdtempSync(join(tmpdir(), 'ftui-records-')), 'uploads.json'));
    app = await renderWithServices(state(), { provider: provider(), now: () => sandbox.clock.now(), poll: { baseMs: 30, maxMs: 300 }, uploadRecords: records });
    await createJobWithDefaults(app);
    await waitFor(app, (f) => /Job ftjob-/.test(f));
    expect(posts.filter((p) => p === '/v1/files')).toHaveLength(1);
    await app.press(KEYS.esc, 'n', 's');
    await waitFor(app, (f) => f.includes('Create this job?'));
    await app.press('y');
    const frame = await waitFor(app, (f) => /Nothing was uploaded: file-\S+ was already on the service/.test(f));
    expect(frame).toMatch(/Job ftjob-/);
    expect(posts.filter((p) => p === '/v1/files')).toHaveLength(1);
    expect(posts.filter((p) => p === '/v1/fine_tuning/jobs')).toHaveLength(2);
  });

  it('pauses and resumes a running job, and cancels it after asking', async () => {
    // Each answer below comes from the action's own response: the clock stands still, so no poll
    // runs meanwhile (a poll landing between the server's pause and its answer used to show
    // "paused" while the pause was still pending, and the r that followed was swallowed).
    app = await renderWithServices(state(), { provider: provider(), clock: sandbox.clock, poll: { baseMs: 30, maxMs: 300 } });
    await createJobWithDefaults(app);
    sandbox.clock.advance(6_000);
    await waitFor(app, (f) => / running/.test(f) && f.includes('Fine-tuning job started'));
    await app.press('p');
    expect(app.lastFrame()).toMatch(/Pause job ftjob-\S+\? y yes/);
    await app.press('y');
    await waitFor(app, (f) => / paused/.test(f) && !f.includes('Pause job') && app!.store.getState().jobs.pending === null);
    await app.press('r');
    expect(app.lastFrame()).toMatch(/Resume job ftjob-\S+\? y yes/);
    await app.press('y');
    await waitFor(app, (f) => / running/.test(f) && !f.includes('Resume job') && app!.store.getState().jobs.pending === null);
    await app.press('c');
    expect(app.lastFrame()).toMatch(/Cancel job ftjob-\S+\? y yes/);
    await app.press('y');
    await waitFor(app, (f) => / cancelled/.test(f));
    // The next poll agrees with what the actions said.
    sandbox.clock.advance(1_000);
    await waitFor(app, (f) => f.includes('Fine-tuning job cancelled'));
    expect(app.lastFrame()).toMatch(/ cancelled/);
  });

  it('shows why the service failed a job whose training data it rejected', async () => {
    writeFileSync(dataset, sampleTrainingJsonl(5));
    app = await renderWithServices(state(), { provider: provider(), clock: sandbox.clock, poll: { baseMs: 30, maxMs: 300 } });
    await createJobWithDefaults(app);
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
    app = await renderWithServices(state(), { provider: provider({ fetch: faulty }), clock: sandbox.clock });
    await waitFor(app, (f) => f.includes('No jobs yet'));
    await app.press('n', 's');
    await waitFor(app, (f) => f.includes('Create this job?'));
    await app.press('y');
    const frame = await waitFor(app, (f) => f.includes('can no longer create fine-tuning jobs'));
    expect(frame).not.toContain('Error:');
  });

  it('explains a refused key and a rate limit from the list', async () => {
    app = await renderWithServices(state(), { provider: provider({ defaultHeaders: { 'x-sandbox-fault': '401' } }), clock: sandbox.clock });
    await waitFor(app, (f) => f.includes('The API key was refused'));
    app.unmount();
    app = await renderWithServices(state(), { provider: provider({ defaultHeaders: { 'x-sandbox-fault': '429' } }), clock: sandbox.clock });
    await waitFor(app, (f) => /Rate limited: waiting 2s/.test(f));
  });
});
