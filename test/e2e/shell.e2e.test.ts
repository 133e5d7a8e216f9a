import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { binPath, hasTmux, startTui, type TuiSession } from '../helpers/tmux.js';

// In CI tmux is installed by .ci/run, so a missing tmux there must fail, not skip.
const run = hasTmux || process.env.CI ? describe : describe.skip;

run('ftui in a real terminal (tmux, 100x30)', () => {
  let session: TuiSession | undefined;
  afterEach(() => session?.kill());

  it('opens full screen, switches screens, shows help, quits and restores the terminal', async () => {
    expect(existsSync(binPath)).toBe(true);
    session = startTui(['notes.jsonl']);
    let pane = await session.waitFor('1 Dataset');
    expect(pane).toMatch(/▸1 Dataset\s+2 Validate\s+3 Jobs\s+4 Chat/);
    expect(pane).toContain('no key (set OPENAI_API_KEY)');
    expect(pane).toContain('notes.jsonl');
    expect(pane.split('\n').length).toBeLessThanOrEqual(31);

    session.send('Tab');
    await session.waitFor('▸2 Validate');
    session.send('3');
    pane = await session.waitFor('▸3 Jobs');
    expect(pane).toContain('need a connection');
    session.send('BTab');
    await session.waitFor('▸2 Validate');

    session.send('?');
    pane = await session.waitFor('Keys — Validate');
    expect(pane).toContain('previous screen');
    session.send('Escape');
    await session.waitFor((p) => !p.includes('Keys — Validate'));

    session.send('q');
    expect(await session.waitForExit()).toBe(0);
    // Back on the normal screen: nothing of ftui's frame is left behind.
    pane = session.capture();
    expect(pane).not.toContain('2 Validate');
  });

  it('leaves the terminal clean on SIGTERM', async () => {
    session = startTui([]);
    await session.waitFor('1 Dataset');
    session.signal('SIGTERM');
    expect(await session.waitForExit()).toBe(143);
    expect(session.capture()).not.toContain('2 Validate');
  });
});
