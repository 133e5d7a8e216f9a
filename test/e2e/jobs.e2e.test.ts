import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTmux, startTui, type TuiSession } from '../helpers/tmux.js';

// In CI tmux is installed by .ci/run, so a missing tmux there must fail, not skip.
const run = hasTmux || process.env.CI ? describe : describe.skip;

const fits = (pane: string, columns: number, rows: number) => {
  const lines = pane.replace(/\n+$/, '').split('\n');
  expect(lines.length).toBeLessThanOrEqual(rows);
  for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
};

run('Jobs and Chat in a real terminal (tmux, 80x24)', () => {
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
});
