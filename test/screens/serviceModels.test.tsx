// The connected service's own base models on the Validate and Jobs screens (Together's sandbox,
// through the real provider): m cycles the service's list (a model ftui's own table lacks
// included), the facts shown and counted with are what the service says for the model (its
// longest example, LoRA/full, SFT/DPO), and the create form's ranges are the chosen model's, so a
// rank the service would refuse is caught on the form.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTogetherProvider } from '../../src/api/together/provider.js';
import { openDataset } from '../../src/effects/datasetFiles.js';
import { initialAppState } from '../../src/store/state.js';
import { KEYS } from '../helpers/keys.js';
import type { RenderedApp } from '../helpers/renderApp.js';
import { renderWithServices } from '../helpers/renderWithServices.js';
import { startTestSandbox, togetherTrainingJsonl, type TestSandbox } from '../helpers/sandbox.js';

let sandbox: TestSandbox;
let app: RenderedApp | undefined;
let dataset: string;

beforeEach(async () => {
  sandbox = await startTestSandbox({ protocol: 'together' });
  const dir = mkdtempSync(join(tmpdir(), 'ftui-service-models-'));
  process.env.FTUI_DATA_DIR = join(dir, 'data');
  dataset = join(dir, 'train.jsonl');
  writeFileSync(dataset, togetherTrainingJsonl(12));
});
afterEach(async () => {
  app?.unmount();
  app = undefined;
  await sandbox.close();
});

async function open(size = { columns: 100, rows: 30 }) {
  const provider = createTogetherProvider({ name: 't', kind: 'together', baseUrl: sandbox.baseUrl, apiKeyEnv: 'K' }, { K: 'sandbox' }, { maxRetries: 0 });
  app = await renderWithServices({ connection: { ...initialAppState.connection, kind: 'together', keyPresent: true, baseUrl: sandbox.baseUrl } }, { provider, clock: sandbox.clock }, size);
  await openDataset(app.store, dataset);
  await app.until(() => app!.store.getState().validation.service?.models?.length);
}

/** Presses m until the Validate screen is on `model` and its report is made with the service's facts. */
async function chooseModel(model: string): Promise<string> {
  for (let i = 0; i < 10 && app!.store.getState().validation.model !== model; i++) await app!.press('m');
  expect(app!.store.getState().validation.model).toBe(model);
  // The report for this model is drawn: its cost line, not a stale one ('(updating…)') nor none yet ('Validating…').
  return app!.waitFor((f) => f.includes('service: trains') && f.includes(model) && f.includes('billed tok') && !f.includes('(updating…)') && !f.includes('Validating…'));
}

describe("the service's base models", () => {
  it("Validate cycles the service's list and shows and counts with what the service says about each model", async () => {
    await open({ columns: 80, rows: 24 });
    // ftui's default (an OpenAI model) is not the service's: the service's first model is chosen.
    await app!.until(() => app!.store.getState().validation.model === 'meta-llama/Meta-Llama-3.1-8B-Instruct-Reference');
    await app!.press('2');
    await app!.waitFor("(m: next of the service's 5 models)");
    let frame = await chooseModel('meta-llama/Llama-3.2-1B-Instruct');
    // Not in ftui's table: the facts are the service's, the counts a labelled estimate.
    expect(frame).toMatch(/service: trains ≤8,192 tok \(SFT\), no DPO/);
    expect(frame).toMatch(/LoRA \(rank ≤16\) and full/);
    expect(frame).toMatch(/limit 8,192 tok/);
    expect(frame).toMatch(/\(estimate\)/);
    for (const row of frame.split('\n')) expect(row.length).toBeLessThanOrEqual(80);
    expect(app!.store.getState().validation.report?.model.tokenLimit).toBe(8192);

    frame = await chooseModel('meta-llama/Llama-3.3-70B-Instruct-Reference');
    expect(frame).toMatch(/service: trains ≤8,192 tok \(SFT\) \/ ≤4,096 \(DPO\)/);
    expect(frame).toMatch(/LoRA \(rank ≤32\)/);
    expect(frame).not.toMatch(/limit 131,072/);
  });

  it("the create form takes the chosen model's ranges: a rank over its largest is refused on the form", async () => {
    await open();
    await app!.press('3');
    await app!.waitFor('No jobs yet');
    await app!.press('n');
    await app!.waitFor('Base model');
    // Right until the 70B model is chosen; its ranges arrive from the service.
    for (let i = 0; i < 10 && app!.store.getState().jobs.create.form.model !== 'meta-llama/Llama-3.3-70B-Instruct-Reference'; i++) await app!.press(KEYS.right);
    await app!.until(() => app!.store.getState().jobs.create.fieldsModel === 'meta-llama/Llama-3.3-70B-Instruct-Reference');
    await app!.waitFor("the model's largest, 32");
    // Down to LoRA rank (method, training file, validation file, training, then rank), type 64.
    await app!.press('j', 'j', 'j', 'j', 'j');
    await app!.waitFor(/▸ LoRA rank/);
    await app!.press(KEYS.enter, '6', '4', KEYS.enter, 's');
    const frame = await app!.waitFor('LoRA rank: 64 is too large');
    expect(frame).toMatch(/from 1 to 32/);
    expect(app!.store.getState().jobs.create.phase.kind).toBe('form');
  });
});
