import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleTrainingJsonl } from '../helpers/sandbox.js';
import { hasTmux, startTui, type TuiSession } from '../helpers/tmux.js';

// In CI tmux is installed by .ci/run, so a missing tmux there must fail, not skip.
const run = hasTmux || process.env.CI ? describe : describe.skip;

const fits = (pane: string, columns: number, rows: number) => {
  const lines = pane.replace(/\n+$/, '').split('\n');
  expect(lines.length).toBeLessThanOrEqual(rows);
  for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
};

run('Jobs and Chat in a real terminal (tmux)', () => {
  let session: TuiSession | undefined;
  afterEach(() => session?.kill());

  it('without a key, both screens say how to connect, and q still quits from them', async () => {
    session = startTui([], { columns: 80, rows: 24 });
    await session.waitFor('1 Dataset');
    session.send('3');
    let pane = await session.waitFor('Fine-tuning jobs need a connection');
    expect(pane).toContain('export OPENAI_API_KEY=sk-...');
    expect(pane).toContain('--base-url');
    expect(pane).toContain('provider profile');
    fits(pane, 80, 24);
    session.send('4');
    pane = await session.waitFor('Chat with a model need a connection');
    fits(pane, 80, 24);
    session.send('q');
    expect(await session.waitForExit()).toBe(0);
  });

  it('starts the sandbox from Jobs, trains a job from the open dataset, then chats with the fine-tuned model', async () => {
    const dataset = join(mkdtempSync(join(tmpdir(), 'ftui-e2e-jobs-')), 'train.jsonl');
    writeFileSync(dataset, sampleTrainingJsonl(12));
    session = startTui([dataset], { columns: 100, rows: 30 });
    await session.waitFor('1 Dataset');
    session.send('3');
    await session.waitFor('press S to start the local sandbox');
    session.send('S');
    let pane = await session.waitFor('No jobs yet');
    expect(pane).toMatch(/^SANDBOX /m);
    session.send('n');
    await session.waitFor('New fine-tuning job from');
    session.send('s');
    pane = await session.waitFor('Create this job?');
    expect(pane).toMatch(/Estimated cost: ~?\$\d/);
    session.send('y');
    await session.waitFor(/Job ftjob-\S+/);
    // The sandbox trains for about 20 s of real time, and the app polls every 5 s.
    pane = await session.waitFor(/succeeded/, 60_000);
    expect(pane).toMatch(/[\u2801-\u28FF]/);
    expect(pane).toMatch(/→ ft:gpt-4\.1-mini-2025-04-14:/);
    fits(pane, 100, 30);

    session.send('4');
    pane = await session.waitFor(/Chat with ft:gpt-4\.1-mini/);
    session.send('Enter');
    await session.waitFor('enter sends · alt+enter new line');
    session.type('Hello there');
    session.send('Enter');
    pane = await session.waitFor(/Last reply: \d+ prompt \+ \d+ completion tokens/);
    expect(pane).toContain('you: Hello there');
    expect(pane).toMatch(/model: \S/);
    session.send('Escape');
    // q only once the field is left (the status bar says "enter write" either way): an Esc and a q
    // in one read are alt+q, as a terminal sends it, and nothing quits.
    await session.waitFor((p) => !p.includes('esc leaves the field') && p.includes('enter write · m model'));
    session.send('q');
    expect(await session.waitForExit()).toBe(0);
    // Real time: about 20 s of training plus the app's 5 s polls; the bound only catches a hang.
  }, 240_000);
});
