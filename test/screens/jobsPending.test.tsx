// A cancel, pause or resume on its way takes no other action; a key pressed meanwhile is answered
// on screen ("waiting for the resume to answer…"), never dropped in silence. The list shows the
// question too, not only the monitor.
import { afterEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { JobRecord } from '../../src/core/domain.js';
import { initialAppState } from '../../src/store/state.js';
import { fakeJob, fakeProvider } from '../helpers/fakeProvider.js';
import { KEYS } from '../helpers/keys.js';
import type { RenderedApp } from '../helpers/renderApp.js';
import { renderWithServices, waitFor } from '../helpers/renderWithServices.js';
import { connectedState } from '../helpers/connectedState.js';

const dataset = fileURLToPath(new URL('../fixtures/jobs/small-train.jsonl', import.meta.url));
const connected = connectedState('jobs', { dataset: { ...initialAppState.dataset, filePath: dataset } });

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

describe('a job action on its way', () => {
  it('says a key has to wait for the resume to answer, then takes it once it has', async () => {
    const provider = fakeProvider({ jobs: [fakeJob('ftjob-paused', { status: 'paused', rawStatus: 'paused', finishedAt: null })] });
    let answer: (job: JobRecord) => void = () => undefined;
    provider.resumeJob = (id) => new Promise<JobRecord>((resolve) => (answer = () => resolve({ ...provider.jobs.find((j) => j.id === id)!, status: 'running', rawStatus: 'running' })));
    app = await renderWithServices(connected, { provider });
    await waitFor(app, (f) => f.includes('ftjob-paused'));
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('Job ftjob-paused'));
    await app.press('r');
    expect(app.lastFrame()).toContain('Resume job ftjob-paused? y yes · esc no');
    // Another action while the question is open: the question stays and says so.
    await app.press('c');
    expect(app.lastFrame()).toContain('Resume job ftjob-paused? y yes · esc no (first answer this; c waits)');
    await app.press('y');
    expect(app.lastFrame()).toContain('Resume: asking the provider…');
    await app.press('c');
    expect(app.lastFrame()).toContain('Waiting for the resume to answer… press c again once it has.');
    expect(app.store.getState().jobs.pending?.action).toBe('resume');
    answer(provider.jobs[0]!);
    await app.until(() => app!.store.getState().jobs.pending === null);
    await app.press('c');
    expect(app.lastFrame()).toContain('Cancel job ftjob-paused? y yes · esc no');
  });

  it('shows the question on the job list as well', async () => {
    const provider = fakeProvider({ jobs: [fakeJob('ftjob-listed', { status: 'running', rawStatus: 'running', finishedAt: null })] });
    app = await renderWithServices(connected, { provider });
    await waitFor(app, (f) => f.includes('ftjob-listed'));
    await app.press('c');
    expect(app.lastFrame()).toContain('Cancel job ftjob-listed? y yes · esc no');
    await app.press(KEYS.esc);
    expect(app.lastFrame()).not.toContain('Cancel job ftjob-listed?');
    expect(app.store.getState().jobs.pending).toBeNull();
  });
});
