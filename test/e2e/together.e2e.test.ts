// The whole loop on Together, in a real terminal, against `ftui sandbox --protocol together`'s
// server: open a dataset, validate it for a Llama base, create a LoRA job with a validation file
// (the provider's own price beside ftui's), watch it to completion with its loss chart, deploy
// the result after confirming its price per hour, chat with it, add a corrected answer to the
// dataset, and stop the endpoint. The sandbox runs in this process at 10x speed on real time.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxServer } from '../../src/sandbox/server.js';
import { togetherTrainingJsonl } from '../helpers/sandbox.js';
import { hasTmux, startTui, type TuiSession } from '../helpers/tmux.js';

const run = hasTmux || process.env.CI ? describe : describe.skip;

run('the Together loop in a real terminal (tmux)', () => {
  let session: TuiSession | undefined;
  let server: SandboxServer | undefined;
  afterEach(async () => {
    session?.kill();
    await server?.close();
  });

  it('validates for Llama, trains LoRA with a validation file, deploys after the price, chats, adds a corrected answer, stops the endpoint', async () => {
    server = await startSandbox({ protocol: 'together', port: 0, speed: 10, streamDelayMs: 0 });
    const dir = mkdtempSync(join(tmpdir(), 'ftui-e2e-together-'));
    const train = join(dir, 'train.jsonl');
    const valid = join(dir, 'valid.jsonl');
    writeFileSync(train, togetherTrainingJsonl(40));
    writeFileSync(valid, togetherTrainingJsonl(10, ' (held out)'));
    session = startTui([train], { columns: 100, rows: 30, env: { TOGETHER_BASE_URL: server.baseUrl, TOGETHER_API_KEY: 'sandbox' } });
    await session.waitFor(/Together SANDBOX 127\.0\.0\.1:\d+/);

    // Validate for a Llama base: the service's first model is chosen once its list arrives, with
    // the limit the service trains on (not the model's context), its price, estimates labelled.
    session.send('2');
    // The figures follow once the background validation has run for the new model.
    let pane = await session.waitFor((p) => /meta-llama\/Meta-Llama-3\.1-8B-Instruct-Reference · limit 16,384 tok · \$0\.48\/1M/.test(p) && /1 epoch \(default\) × [\d,]+ billed tok = \$\d+\.\d+ \(estimate\)/.test(p));
    expect(pane).toMatch(/service: trains ≤16,384 tok \(SFT\)/);
    expect(pane).toMatch(/m: next of the service's \d models/);
    await session.waitFor('No problems found');

    // A LoRA job with a validation file, 3 epochs, batch 8 and 3 evaluations.
    session.send('3');
    await session.waitFor('No jobs yet');
    session.send('n');
    await session.waitFor('▸ Base model      ‹ meta-llama/Meta-Llama-3.1-8B-Instruct-Reference ›');
    session.send('j', 'j', 'j', 'Enter');
    session.type(valid);
    session.send('Enter');
    session.send('j', 'j', 'j', 'j', 'j', 'j', 'Enter');
    session.type('3');
    session.send('Enter', 'j', 'Enter');
    session.type('8');
    session.send('Enter', 'j', 'j', 'j', 'j', 'j', 'j', 'Enter');
    session.type('3');
    session.send('Enter');
    pane = await session.waitFor(/▸ Evaluations\s+3/);
    expect(pane).toMatch(/Training\s+‹ lora ›/);
    expect(pane).toMatch(/Epochs\s+3/);
    expect(pane).toMatch(/Batch size\s+8/);
    session.send('s');
    pane = await session.waitFor('Create this job?');
    expect(pane).toMatch(/ftui: Estimated cost: ~\$\d/);
    expect(pane).toMatch(/The provider's price for these files \(what bills\): \$\d+\.\d+ for [\d,]+ training tokens/);
    session.send('y');
    pane = await session.waitFor(/succeeded/, 60_000);
    expect(pane).toMatch(/[\u2801-\u28FF]/);
    expect(pane).toMatch(/step 15\/15/);
    expect(pane).toMatch(/valid \d/);
    expect(pane).toMatch(/→ sandbox\/Meta-Llama-3\.1-8B/);
    expect(pane).toContain('epoch complete: Epoch completed');

    // Deploy: the price per hour first, nothing starts before y.
    session.send('D');
    pane = await session.waitFor('Deploy on 1× h100-80gb for $3.36/h?');
    expect(pane).toContain('≈ $81 a day');
    expect(pane).toContain('stops after 15 idle minutes');
    expect(server.together!.state.endpoints).toHaveLength(0);
    session.send('y');
    pane = await session.waitFor(/Deployment sandbox\/\S+: ready · \$3\.36\/h while up/, 60_000);

    // Chat with it, correct the answer into the dataset.
    session.send('4');
    await session.waitFor(/Chat with sandbox\/Meta-Llama-3\.1-8B-Instruct-Reference-\S+/);
    session.send('Enter');
    await session.waitFor('esc leaves the field');
    session.type('What is 7 + 7?');
    session.send('Enter');
    pane = await session.waitFor(/model: \[sandbox/);
    expect(pane).toContain('you: What is 7 + 7?');
    session.send('Escape');
    // e only once the field is left: an Esc and an e in one read are alt+e.
    await session.waitFor((p) => !p.includes('esc leaves the field') && p.includes('a add · e correct'));
    session.send('e');
    await session.waitFor('enter adds the conversation with this reply to the dataset');
    session.send('C-a', 'C-k');
    session.type('7 + 7 is 14.');
    session.send('Enter');
    await session.waitFor(/Added the conversation \(1 turn\) to train\.jsonl/);

    // Stop the endpoint after asking.
    session.send('X');
    await session.waitFor('Billing stops');
    session.send('y');
    await session.waitFor(/Deployment sandbox\/\S+: stopp(ing|ed)/);
    expect(['STOPPING', 'STOPPED']).toContain(server.together!.state.endpoints[0]!.state);
    expect(server.together!.state.endpoints).toHaveLength(1);
    expect(server.together!.state.jobs).toHaveLength(1);

    // The corrected example is in the dataset once it is saved.
    session.send('1');
    // ctrl+s only once the Dataset screen is drawn ("train.jsonl *" is on every screen's status bar).
    await session.waitFor((p) => p.includes('▸1 Dataset') && p.includes('train.jsonl *'));
    session.send('C-s');
    await session.waitFor(() => readFileSync(train, 'utf8').trim().split('\n').length === 41);
    const lines = readFileSync(train, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(41);
    // Chat starts from the system prompt the dataset's examples share, so the example has it too.
    expect(JSON.parse(lines[40]!)).toEqual({ messages: [{ role: 'system', content: 'Answer briefly.' }, { role: 'user', content: 'What is 7 + 7?' }, { role: 'assistant', content: '7 + 7 is 14.' }] });
    session.send('q');
    expect(await session.waitForExit()).toBe(0);
  }, 240_000);
});
