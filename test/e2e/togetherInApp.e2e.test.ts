// With no key at all, ctrl+o starts a Together-protocol sandbox inside ftui (no second terminal,
// no server to run): the status bar says so, Validate walks the service's models, and a job is
// created once after the confirmation shows the provider's own price.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { togetherTrainingJsonl } from '../helpers/sandbox.js';
import { hasTmux, startTui, type TuiSession } from '../helpers/tmux.js';

const run = hasTmux || process.env.CI ? describe : describe.skip;

run('the Together sandbox started from inside the app (tmux)', () => {
  let session: TuiSession | undefined;
  afterEach(() => session?.kill());

  it('ctrl+o → Together sandbox: the service models on Validate, a job after its price, listed once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftui-e2e-together-inapp-'));
    const train = join(dir, 'train.jsonl');
    writeFileSync(train, togetherTrainingJsonl(12));
    session = startTui([train], { columns: 80, rows: 24 });
    await session.waitFor('no key');

    session.send('C-o');
    await session.waitFor("Together sandbox — a local imitation of Together AI's API");
    session.send('j');
    await session.waitFor('▸ Together sandbox');
    session.send('Enter');
    await session.waitFor(/Together SANDBOX 127\.0\.0\.1:\d+/);

    session.send('2');
    let pane = await session.waitFor((p) => /meta-llama\/Meta-Llama-3\.1-8B-Instruct-Reference · limit 16,384 tok/.test(p) && p.includes("m: next of the service's"));
    expect(pane).toMatch(/service: trains ≤16,384 tok \(SFT\)/);

    session.send('3');
    await session.waitFor('No jobs yet');
    session.send('n');
    await session.waitFor("LoRA rank       the model's largest, 64");
    session.send('s');
    pane = await session.waitFor('Create this job?');
    expect(pane).toMatch(/The provider's price for these files \(what bills\): \$\d+\.\d+/);
    expect(pane).toMatch(/\(1 epoch × [\d,]+ tokens\)/);
    session.send('y');
    await session.waitFor(/Job \S+ (queued|running|pending)/);
    session.send('Escape');
    await session.waitFor('Fine-tuning jobs: 1');
    session.send('q');
    expect(await session.waitForExit()).toBe(0);
  }, 120_000);
});
