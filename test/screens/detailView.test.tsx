// What a screen cuts to fit can be read whole (z: the detail view, scrollable, esc closes), and
// ids and model names are copied with one key through OSC 52 on the app's own stdout, with the
// text shown as well for terminals that ignore OSC 52.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { osc52 } from '../../src/components/clipboard.js';
import { openDataset } from '../../src/effects/datasetFiles.js';
import { initialAppState } from '../../src/store/state.js';
import { fakeEvent, fakeJob, fakeModel, fakeProvider } from '../helpers/fakeProvider.js';
import { KEYS } from '../helpers/keys.js';
import { renderApp, renderWithServices, type RenderedApp } from '../helpers/renderApp.js';
import { connectedState } from '../helpers/connectedState.js';
import { plain } from '../helpers/ansi.js';

const SMALL = { columns: 80, rows: 24 };
const FT = 'ft:gpt-4o-mini-2024-07-18:acme-research-laboratories:customer-support-escalations:AbC123xy';
const jobsScreen = connectedState('jobs');

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

const fits = (frame: string) => frame.split('\n').every((line) => stringWidth(line) <= SMALL.columns);
/** The frame's text with the wrapping undone: what a person reads across the rows. */
const flat = (frame: string) => plain(frame).replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');
/** The same without any spaces: an id broken across two rows reads as one. */
const squash = (text: string) => plain(text).replace(/[\s│╭╮╰╯─]/g, '');

describe('the detail view and copying', () => {
  it('copies a cut-off fine-tuned model name from the job list with Y, and shows it whole', async () => {
    const provider = fakeProvider({ jobs: [fakeJob('ftjob-abc123', { fineTunedModel: FT })] });
    app = await renderWithServices(jobsScreen, { provider }, SMALL);
    const frame = await app.waitFor('ftjob-abc123');
    // At 80 columns the list cuts the name.
    expect(frame).not.toContain(FT);
    await app.press('Y');
    expect(app.writes()).toContain(osc52(FT));
    expect(squash(app.lastFrame())).toContain(squash(`Copied fine-tuned model (OSC 52): ${FT}`));
    expect(fits(app.lastFrame())).toBe(true);
  });

  it('opens every event, checkpoint and error of the monitor in full; y copies the one selected; esc closes', async () => {
    const job = fakeJob('ftjob-live', { status: 'failed', rawStatus: 'failed', fineTunedModel: null, error: { message: `The job failed because the training file has examples over the context length of the model; ${'see line 12, '.repeat(6)}and remove them.`, code: 'invalid_training_file', param: null } as never });
    const provider = fakeProvider({ jobs: [job] });
    const longEvent = `Checkpoint saved to gs://bucket/ftjob-live/checkpoints/step-0000040/adapter_model.safetensors with ${'detail '.repeat(12)}end-of-event`;
    provider.events.set('ftjob-live', [fakeEvent('ev-1', job.startedAt! + 1000, 'Training started'), fakeEvent('ev-2', job.startedAt! + 2000, longEvent)]);
    provider.checkpoints.set('ftjob-live', [{ id: 'ckpt-1', jobId: 'ftjob-live', step: 40, modelId: `${FT}:ckpt-step-40`, createdAt: job.startedAt! + 3000, metrics: null as never }]);
    app = await renderWithServices(jobsScreen, { provider }, SMALL);
    await app.waitFor('ftjob-live');
    await app.press(KEYS.enter);
    const monitor = await app.waitFor('Checkpoint saved to gs://');
    expect(monitor).not.toContain('end-of-event');
    await app.press('z');
    let frame = app.lastFrame();
    expect(frame).toContain('In full — Jobs');
    expect(fits(frame)).toBe(true);
    // Scroll to the end: every row of every item is reachable.
    const seen: string[] = [];
    for (let i = 0; i < 60; i++) {
      seen.push(app.lastFrame());
      await app.press('j');
    }
    const all = flat(seen.join('\n'));
    expect(all).toContain('invalid_training_file');
    expect(all).toContain('and remove them.');
    expect(all).toContain('end-of-event');
    expect(squash(seen.join('\n'))).toContain(`${FT}:ckpt-step-40`);
    // Back to the checkpoint and copy it.
    await app.press('g');
    for (let i = 0; i < 40 && !/▸ Checkpoint at step 40/.test(app.lastFrame()); i++) await app.press('j');
    expect(app.lastFrame()).toMatch(/▸ Checkpoint at step 40 \(y copies\)/);
    await app.press('y');
    expect(app.writes()).toContain(osc52(`${FT}:ckpt-step-40`));
    await app.press(KEYS.esc);
    expect(app.store.getState().ui.modal).toBeNull();
    expect(flat(app.lastFrame())).toContain('Copied checkpoint at step 40 (OSC 52)');
  });

  it("shows the Validate screen's selected finding and the notice line in full", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftui-detail-'));
    process.env.FTUI_DATA_DIR = join(dir, 'data');
    const path = join(dir, `a-rather-long-directory-name-for-datasets-${'x'.repeat(30)}.jsonl`);
    writeFileSync(path, `${JSON.stringify({ messages: [{ role: 'user', content: 'Hi' }] })}\n`);
    app = await renderApp({}, SMALL);
    await openDataset(app.store, path);
    await app.press('2');
    await app.waitFor('missing_assistant');
    await app.press('j');
    await app.press('z');
    const text = flat(app.lastFrame());
    expect(text).toContain('In full — Validate');
    expect(text).toMatch(/Where \(y copies\) line 1/);
    await app.press(KEYS.esc);
    // A notice too long for its row is read whole in the view.
    app.store.dispatch({ type: 'ui/notify', notice: { level: 'warning', text: `Something long happened: ${'word '.repeat(60)}the end.` } });
    await app.press('z');
    let seen = '';
    for (let i = 0; i < 30; i++, await app.press('j')) seen += app.lastFrame();
    expect(flat(seen)).toContain('the end.');
    await app.press('q');
    expect(app.store.getState().ui.modal).toBeNull();
    expect(app.store.getState().ui.exiting).toBe(false);
  });

  it("copies Chat's model name with Y", async () => {
    const provider = fakeProvider({ models: [fakeModel('gpt-4o-mini-2024-07-18'), fakeModel(FT, null, { fineTuned: true, baseModel: 'gpt-4o-mini-2024-07-18' })] });
    app = await renderWithServices({ ...jobsScreen, ui: { ...initialAppState.ui, screen: 'chat' } }, { provider }, SMALL);
    await app.waitFor('Chat with');
    app.store.dispatch({ type: 'chat/pickModel', model: FT, now: 0 });
    await app.waitFor('Chat with ft:');
    await app.press('Y');
    expect(app.writes()).toContain(osc52(FT));
    expect(squash(app.lastFrame())).toContain(squash(`Copied model (OSC 52): ${FT}`));
  });

  it('says so when there is nothing to copy', async () => {
    app = await renderApp({}, SMALL);
    await app.press('Y');
    expect(app.lastFrame()).toContain('Nothing here to copy');
    expect(app.writes().some((w) => w.includes('\u001B]52;'))).toBe(false);
  });
});
