// One confirmation, one job, from the Jobs screen: the sandbox makes the job and loses the
// answer (commit-then-500 / -drop / -slow), and the screen shows the job it found by its
// request id instead of an error that invites a second, paid, try.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createProvider } from '../../src/api/createProvider.js';
import type { FaultKind } from '../../src/sandbox/faults.js';
import { initialAppState, type AppState } from '../../src/store/state.js';
import { KEYS } from '../helpers/keys.js';
import type { RenderedApp } from '../helpers/renderApp.js';
import { renderWithServices, waitFor } from '../helpers/renderWithServices.js';
import { tick } from '../helpers/renderApp.js';
import { sampleTrainingJsonl, startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { call } from '../unit/sandbox/client.js';

let sandbox: TestSandbox | undefined;
let app: RenderedApp | undefined;
afterEach(async () => {
  app?.unmount();
  app = undefined;
  await sandbox?.close();
  sandbox = undefined;
});

function datasetFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ftui-once-')), 'train.jsonl');
  writeFileSync(path, sampleTrainingJsonl(12));
  return path;
}

const state = (baseUrl: string, dataset: string): Partial<AppState> => ({
  ui: { ...initialAppState.ui, screen: 'jobs' },
  connection: { ...initialAppState.connection, kind: 'sandbox', keyPresent: true, baseUrl },
  dataset: { ...initialAppState.dataset, filePath: dataset },
});

async function jobsOnServer(baseUrl: string): Promise<{ id: string; metadata: Record<string, string> | null }[]> {
  return (await call(baseUrl, 'GET', '/fine_tuning/jobs?limit=100')).body.data;
}

async function confirmCreate(view: RenderedApp): Promise<void> {
  await view.press('s');
  await waitFor(view, (f) => f.includes('Create this job?'));
  await view.press('y');
}

describe('creating a job from the TUI when the answer is lost', () => {
  for (const kind of ['commit-then-500', 'commit-then-drop', 'commit-then-slow'] as FaultKind[]) {
    it(`${kind}: exactly one job, shown with how it was found`, async () => {
      sandbox = await startTestSandbox({ faults: [{ kind, pathPrefix: '/fine_tuning/jobs' }] });
      // The SDK's default retries (2) stay on for everything but the create itself. The timeout is
      // what loses commit-then-slow's answer (the sandbox never sends it); every other request is
      // answered, well within it even on a busy machine.
      const provider = createProvider({ name: 's', kind: 'sandbox', baseUrl: sandbox.baseUrl, apiKeyEnv: 'NO_KEY' }, {}, { timeoutMs: 3000 });
      app = await renderWithServices(state(sandbox.baseUrl, datasetFile()), { provider, clock: sandbox.clock, poll: { baseMs: 50, maxMs: 500 } });
      await waitFor(app, (f) => f.includes('No jobs yet'));
      await app.press('n');
      await confirmCreate(app);
      const frame = await waitFor(app, (f) => /The job was created: ftjob-\S+/.test(f));
      const jobs = await jobsOnServer(sandbox.baseUrl);
      expect(jobs).toHaveLength(1);
      expect(frame).toContain(`Job ${jobs[0]!.id}`);
      expect(frame).toContain(`The job was created: ${jobs[0]!.id}`);
    });
  }

  it('a create refused before the commit says no job was created; confirming again looks first, then makes exactly one', async () => {
    sandbox = await startTestSandbox();
    let failures = 1;
    // Only the first create fails (a 500 before anything is made); reads are answered.
    const faulty: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      if (init?.method === 'POST' && String(input instanceof Request ? input.url : input).endsWith('/fine_tuning/jobs') && failures-- > 0) headers.set('x-sandbox-fault', '500');
      return fetch(input, { ...init, headers });
    };
    const provider = createProvider({ name: 's', kind: 'sandbox', baseUrl: sandbox.baseUrl, apiKeyEnv: 'NO_KEY' }, {}, { fetch: faulty });
    app = await renderWithServices(state(sandbox.baseUrl, datasetFile()), { provider, clock: sandbox.clock, poll: { baseMs: 50, maxMs: 500 } });
    await waitFor(app, (f) => f.includes('No jobs yet'));
    await app.press('n');
    const timersBefore = app.clock.pending();
    await confirmCreate(app);
    // ftui looks for the job now, after 1 s and after 3 s more (on the app's clock) before it
    // says none was made: each wait is let pass once it is set, after the look-up before it.
    const done = () => app!.lastFrame().includes('no job was created');
    for (let i = 0; i < 3 && !done(); i++) {
      await app.until(() => done() || app!.clock.pending() > timersBefore);
      if (!done()) app.clock.advance(3000);
    }
    let frame = await waitFor(app, (f) => f.includes('no job was created'));
    expect(frame).not.toMatch(/usually works/);
    expect(frame).toContain('Confirming again looks once more before creating');
    expect(await jobsOnServer(sandbox.baseUrl)).toHaveLength(0);
    const clientId = app.store.getState().jobs.create.unresolvedClientId;
    expect(clientId).toMatch(/^ftui-/);
    await app.press(KEYS.esc);
    await confirmCreate(app);
    frame = await waitFor(app, (f) => /Job ftjob-\S+/.test(f));
    const jobs = await jobsOnServer(sandbox.baseUrl);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.metadata).toEqual({ ftui_client_id: clientId });
  });
});
