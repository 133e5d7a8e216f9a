import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { preflight } from '../../src/effects/preflight.js';
import { initialAppState } from '../../src/store/state.js';
import { fakeEvent, fakeJob, fakeProvider, FakeProviderError } from '../helpers/fakeProvider.js';
import { KEYS } from '../helpers/keys.js';
import type { RenderedApp } from '../helpers/renderApp.js';
import { renderWithServices, waitFor } from '../helpers/renderWithServices.js';
import { tick } from '../helpers/renderApp.js';
import { connectedState } from '../helpers/connectedState.js';

const dataset = fileURLToPath(new URL('../fixtures/jobs/small-train.jsonl', import.meta.url));
const connected = connectedState('jobs', { dataset: { ...initialAppState.dataset, filePath: dataset } });

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

const fitsIn = (frame: string, columns: number, rows: number) => {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(rows - 1);
  for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
};

describe('the Jobs screen', () => {
  it('without a key, says how to connect and offers the sandbox on S', async () => {
    const provider = fakeProvider({ jobs: [fakeJob('ftjob-sandbox1')] });
    let started = 0;
    app = await renderWithServices(
      { ui: { ...initialAppState.ui, screen: 'jobs' } },
      { startSandbox: async () => (started++, { provider, baseUrl: 'http://127.0.0.1:9/v1', stop: async () => undefined }) },
    );
    let frame = app.lastFrame();
    expect(frame).toContain('OPENAI_API_KEY');
    expect(frame).toContain('--base-url');
    expect(frame).toContain('profile');
    expect(frame).toContain('press S to start the local sandbox');
    await app.press('S');
    frame = await waitFor(app, (f) => f.includes('ftjob-sandbox1'));
    expect(started).toBe(1);
    expect(app.store.getState().connection.kind).toBe('sandbox');
    expect(frame).toContain('SANDBOX');
  });

  it('lists a first page, then loads every page on L; unknown statuses show the raw word', async () => {
    const jobs = Array.from({ length: 25 }, (_, i) => fakeJob(`ftjob-${String(i).padStart(3, '0')}`));
    jobs[1] = fakeJob('ftjob-001', { status: 'unknown', rawStatus: 'deploying' });
    const provider = fakeProvider({ jobs });
    app = await renderWithServices(connected, { provider });
    let frame = await waitFor(app, (f) => f.includes('ftjob-000'));
    expect(frame).toContain('Fine-tuning jobs: 20');
    expect(frame).toContain('L loads all');
    expect(frame).toContain('deploying (?)');
    expect(frame).toContain('2027-01-06');
    expect(frame).toContain('2027-01-14');
    await app.press('L');
    frame = await waitFor(app, (f) => f.includes('Fine-tuning jobs: 25'));
    expect(frame).not.toContain('L loads all');
    await app.press('G');
    expect(app.lastFrame()).toContain('ftjob-024');
  });

  it('moves through the list when several keys arrive in one read (a held j)', async () => {
    const provider = fakeProvider({ jobs: Array.from({ length: 5 }, (_, i) => fakeJob(`ftjob-${i}`)) });
    app = await renderWithServices(connected, { provider });
    await waitFor(app, (f) => f.includes('ftjob-0'));
    await app.burst('jjj');
    expect(app.store.getState().jobs.cursor).toBe(3);
  });

  it('creates a job from the open dataset: form, cost estimate, upload, then the monitor', async () => {
    const provider = fakeProvider();
    app = await renderWithServices(connected, { provider, preflight });
    await waitFor(app, (f) => f.includes('No jobs yet'));
    await app.press('n');
    let frame = app.lastFrame();
    expect(frame).toContain('New fine-tuning job from');
    expect(frame).toContain('gpt-4.1-mini-2025-04-14 (shuts down 2027-01-14)');
    // down to Suffix (past Method and the two files), type a suffix containing global keys: they are text here
    await app.press('j', 'j', 'j', 'j', KEYS.enter, 'q', '1', '?');
    expect(app.store.getState().ui.exiting).toBe(false);
    expect(app.store.getState().ui.screen).toBe('jobs');
    await app.press(KEYS.enter);
    expect(app.store.getState().jobs.create.form.suffix).toBe('q1?');
    await app.press('s');
    frame = await waitFor(app, (f) => f.includes('Suffix: "q1?" does not fit'));
    // fix the suffix
    await app.press(KEYS.enter, KEYS.backspace, KEYS.backspace, 'v', KEYS.enter, 's');
    frame = await waitFor(app, (f) => f.includes('Create this job?'));
    expect(frame).toMatch(/Estimated cost: ~?\$\d+\.\d{2,3} \(\d+ epochs × [\d,]+ tokens\)/);
    await app.press('y');
    frame = await waitFor(app, (f) => f.includes('Job ftjob-new0'));
    expect(provider.calls).toContain('uploadFile');
    expect(provider.calls).toContain('createJob');
    expect(app.store.getState().jobs.view).toBe('monitor');
  });

  it('sends what the form says: DPO where offered, every OpenAI field, a validation file', async () => {
    const provider = fakeProvider({ dpo: true });
    app = await renderWithServices(connected, { provider });
    await waitFor(app, (f) => f.includes('No jobs yet'));
    await app.press('n', KEYS.left);
    const model = app.store.getState().jobs.create.form.model;
    expect(model).not.toBe('gpt-4.1-mini-2025-04-14');
    await app.press('j', KEYS.right);
    expect(app.lastFrame()).toContain('‹ dpo ›');
    await app.press('j', 'j', KEYS.enter, ...dataset.replace('small-train', 'small-valid'), KEYS.enter);
    await app.press('j', KEYS.enter, ...'v2', KEYS.enter);
    await app.press('j', KEYS.enter, '3', KEYS.enter);
    await app.press('j', KEYS.enter, '8', KEYS.enter);
    await app.press('j', KEYS.enter, ...'0.5', KEYS.enter);
    await app.press('j', KEYS.enter, ...'0.2', KEYS.enter);
    await app.press('j', KEYS.enter, ...'42', KEYS.enter);
    await app.press('j', KEYS.enter, ...'team=red, run=7', KEYS.enter);
    await app.press('j', KEYS.enter, ...'ft-runs', KEYS.enter, 'j', 'j', 'j', KEYS.enter, ...'a, b', KEYS.enter, 's');
    await waitFor(app, (f) => f.includes('Create this job?'));
    await app.press('y');
    await waitFor(app, (f) => f.includes('Job ftjob-new0'));
    expect(provider.uploads).toEqual([dataset, dataset.replace('small-train', 'small-valid')]);
    expect(provider.lastCreate).toEqual({
      clientId: expect.stringMatching(/^ftui-[0-9a-f-]{36}$/),
      model,
      trainingFileId: expect.any(String),
      validationFileId: expect.any(String),
      suffix: 'v2',
      seed: 42,
      method: 'dpo',
      epochs: 3,
      batchSize: 8,
      learningRateMultiplier: 0.5,
      beta: 0.2,
      metadata: { team: 'red', run: '7' },
      wandb: { project: 'ft-runs', name: null, entity: null, tags: ['a', 'b'] },
    });
  });

  it('leaves a form field with esc, keeping what was typed, and then esc goes back to the list', async () => {
    app = await renderWithServices(connected, { provider: fakeProvider({ dpo: false }) });
    await waitFor(app, (f) => f.includes('No jobs yet'));
    await app.press('n', 'j', 'j', 'j', KEYS.enter, 'a', 'b', KEYS.esc);
    expect(app.store.getState().jobs.create).toMatchObject({ editing: false, form: { suffix: 'ab' } });
    expect(app.store.getState().jobs.textFocused).toBe(false);
    await app.press(KEYS.esc);
    expect(app.store.getState().jobs.view).toBe('list');
    await app.press('n');
    expect(app.store.getState().jobs.create.form.suffix).toBe('ab');
    // text and its Enter in one read: the Enter ends the field instead of entering the text
    await app.press(KEYS.enter);
    await app.burst('cd\r');
    expect(app.store.getState().jobs.create).toMatchObject({ editing: false, form: { suffix: 'abcd' } });
  });

  it("draws a provider's own fields from its capabilities, checks them, and sends them", async () => {
    const provider = fakeProvider();
    provider.capabilities = {
      ...provider.capabilities,
      createFields: [
        { name: 'model', label: 'Base model', kind: 'enum', default: '', choices: ['open-8b', 'open-70b'], required: true, help: 'The model.' },
        { name: 'loraR', label: 'LoRA r', kind: 'int', default: '8', min: 1, max: 64, help: 'Adapter rank.' },
        { name: 'trainingType', label: 'Training type', kind: 'enum', default: 'Standard', choices: ['Standard', 'GlobalStandard'], help: 'Where it trains.' },
      ],
    };
    app = await renderWithServices(connected, { provider });
    await waitFor(app, (f) => f.includes('No jobs yet'));
    await app.press('n');
    let frame = app.lastFrame();
    expect(frame).toContain('‹ open-8b ›');
    expect(frame).toMatch(/LoRA r\s+8/);
    expect(frame).not.toContain('Epochs');
    await app.press('j');
    expect(app.lastFrame()).toContain("Adapter rank. (a whole number from 1 to 64)");
    await app.press(KEYS.enter, KEYS.backspace, ...'99', KEYS.enter, 's');
    frame = await waitFor(app, (f) => f.includes('LoRA r: 99 is too large'));
    await app.press(KEYS.enter, KEYS.backspace, KEYS.backspace, ...'32', KEYS.enter, 'j', KEYS.right, 's');
    frame = await waitFor(app, (f) => f.includes('Create this job?'));
    expect(frame).toMatch(/Settings\s+LoRA r 32 · Training type GlobalStandard/);
    await app.press('y');
    await waitFor(app, (f) => f.includes('Job ftjob-new0'));
    expect(provider.lastCreate).toMatchObject({ model: 'open-8b', epochs: 'auto', extra: { loraR: 32, trainingType: 'GlobalStandard' } });
  });

  it('offers no DPO where the provider cannot train it', async () => {
    app = await renderWithServices(connected, { provider: fakeProvider({ dpo: false }) });
    await waitFor(app, (f) => f.includes('No jobs yet'));
    await app.press('n');
    expect(app.lastFrame()).not.toContain('Method');
    await app.press('j');
    expect(app.lastFrame()).toMatch(/▸ Training file/);
  });

  it('explains a not-eligible organisation plainly and keeps the form', async () => {
    const provider = fakeProvider();
    provider.failNext.createJob = new FakeProviderError('not_eligible', 'fine-tuning is not available for this organization');
    app = await renderWithServices(connected, { provider });
    await waitFor(app, (f) => f.includes('No jobs yet'));
    await app.press('n', 's');
    let frame = await waitFor(app, (f) => f.includes('Create this job?'));
    expect(frame).toContain('No cost estimate');
    await app.press('y');
    frame = await waitFor(app, (f) => f.includes('can no longer create fine-tuning jobs'));
    await app.press(KEYS.esc);
    expect(app.store.getState().jobs.create.phase.kind).toBe('form');
  });

  it('watches a job: loss curve from metrics events, event log, checkpoints, cancel with confirmation', async () => {
    const job = fakeJob('ftjob-live', { status: 'running', rawStatus: 'running', finishedAt: null });
    const provider = fakeProvider({ jobs: [job] });
    provider.events.set(
      'ftjob-live',
      Array.from({ length: 30 }, (_, i) =>
        fakeEvent(`ev-${i}`, job.startedAt! + i * 1000, `Step ${i + 1}/60: training loss=${(2 / (1 + i / 4)).toFixed(3)}`, {
          step: i + 1,
          totalSteps: 60,
          trainLoss: 2 / (1 + i / 4),
          validLoss: i % 5 === 0 ? 2.2 / (1 + i / 4) : null,
        }),
      ),
    );
    provider.checkpoints.set('ftjob-live', [
      {
        id: 'ckpt-1',
        jobId: 'ftjob-live',
        step: 20,
        modelId: 'ft:gpt-4o-mini-2024-07-18:acme::ckpt-step-20',
        createdAt: job.startedAt! + 20_000,
        metrics: { trainLoss: 0.4, validLoss: 0.5, trainAccuracy: 0.8 },
      },
    ]);
    app = await renderWithServices(connected, { provider, now: () => job.startedAt! + 30_000 });
    await waitFor(app, (f) => f.includes('ftjob-live'));
    await app.press(KEYS.enter);
    const frame = await waitFor(app, (f) => f.includes('Step 30/60'));
    expect(frame).toMatch(/[\u2801-\u28FF]/);
    expect(frame).toContain('step 30/60');
    expect(frame).toContain('elapsed 30s');
    expect(frame).toContain('ETA 30s');
    expect(frame).toContain('ckpt-step-20');
    expect(frame).toContain('shuts down 2027-01-14');
    await app.press('c');
    expect(app.lastFrame()).toContain('Cancel job ftjob-live? y yes');
    await app.press('y');
    await waitFor(app, (f) => f.includes('cancelled'));
    expect(provider.calls).toContain('cancelJob');
  });

  it('keeps polling: new events appear, a 429 waits as asked and is explained, then polling resumes', async () => {
    const job = fakeJob('ftjob-poll', { status: 'running', rawStatus: 'running', finishedAt: null });
    const provider = fakeProvider({ jobs: [job] });
    const ev = (i: number) => fakeEvent(`ev-${i}`, job.startedAt! + i, `event number ${i}`);
    provider.events.set('ftjob-poll', [ev(1)]);
    // Polls run on the test's clock: each poll is armed when its predecessor's answer is on screen,
    // and fires when the clock is moved past it.
    app = await renderWithServices(connected, { provider, poll: { baseMs: 40, maxMs: 400 } });
    await waitFor(app, (f) => f.includes('ftjob-poll'));
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('event number 1'));
    provider.failNext.getJob = new FakeProviderError('rate_limited', 'Rate limit reached', 300);
    app.clock.advance(40);
    await waitFor(app, (f) => f.includes('Too many requests (the service asked for 1 s). Next try in 1 s.'));
    provider.events.set('ftjob-poll', [ev(1), ev(2)]);
    // The server asked for 300 ms: nothing is asked before then...
    const whenLimited = provider.calls.length;
    app.clock.advance(299);
    await tick();
    expect(provider.calls.length).toBe(whenLimited);
    expect(app.lastFrame()).toContain('Too many requests');
    // ...and polling resumes once they have passed.
    app.clock.advance(1);
    await waitFor(app, (f) => f.includes('event number 2') && !f.includes('Too many requests'));
    // a finished job stops the polling
    provider.jobs[0] = { ...job, status: 'succeeded', rawStatus: 'succeeded', finishedAt: job.startedAt! + 60_000 };
    app.clock.advance(40);
    await waitFor(app, (f) => f.includes('succeeded'));
    const calls = provider.calls.length;
    app.clock.advance(60_000);
    await tick();
    expect(provider.calls.length).toBe(calls);
  });

  it('the wait shown is the wait that happens, and repeated 429s lengthen it', async () => {
    const job = fakeJob('ftjob-429', { status: 'running', rawStatus: 'running', finishedAt: null });
    const provider = fakeProvider({ jobs: [job] });
    const polls = () => provider.calls.filter((c) => c === 'getJob').length;
    app = await renderWithServices(connected, { provider, poll: { baseMs: 100, maxMs: 5000 } });
    await waitFor(app, (f) => f.includes('ftjob-429'));
    await app.press(KEYS.enter);
    await waitFor(app, () => polls() === 1);
    // A 429 asking for 0.6 s: the screen says 1 s (rounded up), and the next poll comes at 0.6 s.
    provider.failNext.getJob = new FakeProviderError('rate_limited', 'Rate limit reached', 600);
    app.clock.advance(100);
    await waitFor(app, (f) => f.includes('Next try in 1 s.'));
    provider.failNext.getJob = new FakeProviderError('rate_limited', 'Rate limit reached', 600);
    app.clock.advance(599);
    await tick();
    expect(polls()).toBe(2);
    app.clock.advance(1);
    // The second 429 in a row doubles the wait: 1.2 s, shown as 2 s, and kept.
    await waitFor(app, (f) => f.includes('Next try in 2 s.'));
    expect(polls()).toBe(3);
    app.clock.advance(1199);
    await tick();
    expect(polls()).toBe(3);
    app.clock.advance(1);
    await waitFor(app, (f) => !f.includes('Too many requests'));
    expect(polls()).toBe(4);
  });

  it('rings the bell with a desktop notification when a watched job ends', async () => {
    const job = fakeJob('ftjob-bell', { status: 'running', rawStatus: 'running', finishedAt: null });
    const provider = fakeProvider({ jobs: [job] });
    const rung: string[] = [];
    app = await renderWithServices(connected, { provider, poll: { baseMs: 40, maxMs: 400 }, notify: (s) => rung.push(s) });
    await waitFor(app, (f) => f.includes('ftjob-bell'));
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('running'));
    expect(rung).toEqual([]);
    provider.jobs[0] = { ...job, status: 'succeeded', rawStatus: 'succeeded', finishedAt: job.startedAt! + 60_000, fineTunedModel: 'ft:x' };
    app.clock.advance(40);
    await waitFor(app, (f) => f.includes('succeeded'));
    expect(rung).toEqual(['\u001B]9;ftui: job ftjob-bell succeeded: ft:x\u0007\u0007']);
  });

  it('fits 80x24 in every view', async () => {
    const provider = fakeProvider({ jobs: Array.from({ length: 40 }, (_, i) => fakeJob(`ftjob-${i}`)) });
    app = await renderWithServices(connected, { provider }, { columns: 80, rows: 24 });
    const list = await waitFor(app, (f) => f.includes('ftjob-0'));
    fitsIn(list, 80, 24);
    expect(list).toContain('no new jobs from 2027-01-06');
    expect(list).toContain('shut down 2027-01-14');
    await app.press(KEYS.enter);
    fitsIn(await waitFor(app, (f) => f.includes('Job ftjob-0')), 80, 24);
    await app.press(KEYS.esc, 'n');
    fitsIn(app.lastFrame(), 80, 24);
  });
});
