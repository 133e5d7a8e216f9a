// From a job to the Chat screen: the monitor offers its fine-tuned model and each checkpoint, and
// the chat that opens is compared with the base the job trained from.
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckpointRecord } from '../../src/core/domain.js';
import { fakeJob, fakeModel, fakeProvider } from '../helpers/fakeProvider.js';
import { KEYS } from '../helpers/keys.js';
import type { RenderedApp } from '../helpers/renderApp.js';
import { renderWithServices, waitFor } from '../helpers/renderWithServices.js';
import { connectedState } from '../helpers/connectedState.js';

const connected = connectedState('jobs');
const BASE = 'gpt-4.1-mini-2025-04-14';
const FT = `ft:${BASE}:acme::done1`;
const checkpoint = (step: number): CheckpointRecord => ({
  id: `ckpt-${step}`,
  jobId: 'ftjob-done',
  step,
  modelId: `${FT}:ckpt-step-${step}`,
  createdAt: 0,
  metrics: { trainLoss: 0.4, validLoss: null, trainAccuracy: null },
});

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

describe('chat with a job\'s model from the Jobs monitor', () => {
  it('offers the fine-tune and each checkpoint; the one chosen opens in Chat, compared with the job\'s base', async () => {
    const job = fakeJob('ftjob-done', { model: BASE, fineTunedModel: FT });
    const provider = fakeProvider({ jobs: [job], models: [fakeModel(BASE), fakeModel(FT, null, { fineTuned: true, baseModel: BASE })] });
    provider.checkpoints.set('ftjob-done', [checkpoint(10), checkpoint(20)]);
    app = await renderWithServices(connected, { provider });
    await waitFor(app, (f) => f.includes('ftjob-done'));
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('Checkpoints: step 10') && f.includes(' · t chat · '));
    await app.press('t');
    const frame = app.lastFrame();
    expect(frame).toContain(`▸ the fine-tuned model: ${FT}`);
    expect(frame).toContain(`checkpoint at step 20: ${FT}:ckpt-step-20`);
    expect(frame).toContain(`checkpoint at step 10: ${FT}:ckpt-step-10`);
    // c would cancel the job in the monitor; while the list is open it does nothing.
    await app.press('c', 'j', KEYS.enter);
    expect(app.store.getState().jobs.pending).toBeNull();
    expect(app.store.getState().ui.screen).toBe('chat');
    expect(app.store.getState().chat.model).toBe(`${FT}:ckpt-step-20`);
    await waitFor(app, (f) => f.includes(`Chat with ${FT}:ckpt-step-20`));
    await app.press('c');
    expect(app.lastFrame()).toContain(`Compare ${FT}:ckpt-step-20 with ${BASE}`);
    // Back on Jobs, the list is closed and the monitor is as it was.
    await app.press('3');
    expect(app.lastFrame()).toContain(' · t chat · ');
    expect(app.store.getState().jobs.monitor?.chatWith).toBeNull();
  });

  it('offers nothing for a running job with no checkpoint yet', async () => {
    const job = fakeJob('ftjob-run', { status: 'running', rawStatus: 'running', finishedAt: null });
    const provider = fakeProvider({ jobs: [job] });
    app = await renderWithServices(connected, { provider });
    await waitFor(app, (f) => f.includes('ftjob-run'));
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('Checkpoints: none yet'));
    expect(app.lastFrame()).not.toContain('t chat');
    await app.press('t');
    expect(app.store.getState().jobs.monitor?.chatWith ?? null).toBeNull();
    expect(app.lastFrame()).not.toContain('Chat with:');
  });
});
