// The job trains on what the user sees: unsaved edits are saved first (or nothing happens), a
// file changed on disk since it was read is not uploaded, and files with errors the API would
// reject go up only on an explicit override, which the job's screen then repeats.
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDataset } from '../../src/effects/datasetFiles.js';
import { preflight } from '../../src/effects/preflight.js';
import { initialAppState } from '../../src/store/state.js';
import { fakeProvider } from '../helpers/fakeProvider.js';
import { KEYS } from '../helpers/keys.js';
import { renderWithServices, type RenderedApp } from '../helpers/renderApp.js';
import { sampleTrainingJsonl } from '../helpers/sandbox.js';

let dir: string;
let app: RenderedApp;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftui-see-'));
  process.env.FTUI_DATA_DIR = join(dir, 'data');
});

async function open(content: string) {
  const path = join(dir, 'train.jsonl');
  writeFileSync(path, content);
  const provider = fakeProvider();
  const uploaded: string[] = [];
  const upload = provider.uploadFile.bind(provider);
  provider.uploadFile = async (source, options) => {
    uploaded.push(typeof source === 'string' ? readFileSync(source, 'utf8') : '');
    return upload(source, options);
  };
  app = await renderWithServices({ connection: { ...initialAppState.connection, kind: 'openai', keyPresent: true } }, { provider, preflight });
  await openDataset(app.store, path);
  await app.until(() => app.store.getState().dataset.base?.sha256 != null);
  return { path, provider, uploaded };
}

async function toForm() {
  await app.press('3');
  await app.waitFor((f) => f.includes('No jobs yet'));
  await app.press('n');
}

describe('the job trains on what the user sees', () => {
  it('unsaved edits: y saves them first, and the upload is the saved file', async () => {
    const { path, uploaded } = await open(sampleTrainingJsonl(12));
    // An edit on the Dataset screen: the first example's last message gets a "!".
    await app.press(KEYS.enter, 'j', 'j', KEYS.enter, KEYS.ctrl('e'), '!', KEYS.enter, KEYS.esc);
    await app.until(() => app.store.getState().dataset.dirty);
    await toForm();
    await app.press('s');
    await app.waitFor((f) => f.includes('edits that are not saved yet') && f.includes('y save and go on'));
    expect(readFileSync(path, 'utf8')).toBe(sampleTrainingJsonl(12));
    await app.press('y');
    await app.waitFor((f) => f.includes('Create this job?'));
    expect(readFileSync(path, 'utf8')).toContain('1 + 1 is 2.!');
    await app.press('y');
    await app.waitFor((f) => f.includes('Job ftjob-new0'));
    expect(uploaded).toEqual([readFileSync(path, 'utf8')]);
  });

  it('a file changed on disk since it was read is not uploaded', async () => {
    const { path, provider } = await open(sampleTrainingJsonl(12));
    appendFileSync(path, sampleTrainingJsonl(1));
    await toForm();
    await app.press('s');
    const frame = await app.waitFor((f) => f.includes('The file on disk is not the one on screen'));
    expect(frame).toContain('nothing was uploaded');
    expect(provider.calls).not.toContain('uploadFile');
  });

  it('errors the API will reject: y does nothing, F overrides, and the job says so', async () => {
    const { provider } = await open(`${sampleTrainingJsonl(12)}{"messages": [{"role": "user", "content": "no answer"}]}\n`);
    await toForm();
    await app.press('s');
    let frame = await app.waitFor((f) => f.includes('Create anyway') || f.includes('F create anyway'));
    expect(frame.replace(/\s+/g, ' ')).toMatch(/has 1 error the API will reject \(example_missing_assistant_message\)/);
    await app.press('y');
    expect(provider.calls).not.toContain('uploadFile');
    expect(app.store.getState().jobs.create.phase.kind).toBe('confirm');
    await app.press('F');
    frame = await app.waitFor((f) => f.includes('Job ftjob-new0'));
    expect(frame).toContain('Sent with errors the API will reject');
  });

  it('repeats the warnings that matter: overlap with training and the shutdown date', async () => {
    await open(sampleTrainingJsonl(12));
    const valid = join(dir, 'valid.jsonl');
    writeFileSync(valid, sampleTrainingJsonl(10));
    await toForm();
    await app.press('j', 'j', 'j', KEYS.enter);
    await app.paste(valid);
    await app.press(KEYS.enter, 's');
    const frame = await app.waitFor((f) => f.includes('Create this job?'));
    expect(frame).toContain('Warning: 10 validation examples are also in the training file');
    expect(frame).toContain('Warning: gpt-4.1-mini-2025-04-14 and its fine-tunes shut down on 2027-01-14.');
  });
});
