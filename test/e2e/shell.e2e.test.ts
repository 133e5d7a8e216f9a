import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { binPath, hasTmux, repoRoot, startTui, type TuiSession } from '../helpers/tmux.js';

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
    // Help scrolls: the global keys are at its end.
    session.send('G');
    pane = await session.waitFor('previous screen');
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

run('ftui in a real terminal: sizes, colours and crashes', () => {
  let session: TuiSession | undefined;
  afterEach(() => session?.kill());

  it('fits 80x24 and follows a resize to 120x35', async () => {
    session = startTui([], { columns: 80, rows: 24 });
    let pane = await session.waitFor('1 Dataset');
    let lines = pane.split('\n');
    expect(lines.every((l) => l.length <= 80)).toBe(true);
    expect(lines[22]).toContain('? help');

    session.resize(120, 35);
    pane = await session.waitFor((p) => (p.split('\n')[33] ?? '').includes('? help'));
    lines = pane.split('\n');
    expect(lines[33]!.trimEnd().length).toBeGreaterThan(80);
    session.send('q');
    expect(await session.waitForExit()).toBe(0);
  });

  it('draws no colours when NO_COLOR is set', async () => {
    session = startTui([], { env: { NO_COLOR: '1' } });
    await session.waitFor('1 Dataset');
    session.send('?');
    await session.waitFor('Keys — Dataset');
    // SGR sequences other than a plain reset would be colour, bold or inverse.
    const styled = session.captureRaw().match(/\u001B\[[0-9;]*m/g) ?? [];
    expect(styled.filter((s) => s !== '\u001B[0m' && s !== '\u001B[m' && s !== '\u001B[39m' && s !== '\u001B[49m')).toEqual([]);
    session.send('Escape');
    await session.waitFor((p) => !p.includes('Keys — Dataset'));
    session.send('q');
    expect(await session.waitForExit()).toBe(0);
  });

  it('on an uncaught error prints one line and the crash log path, restores the terminal, exits 1', async () => {
    session = startTui([], { nodeArgs: ['--import', join(repoRoot, 'test/fixtures/e2e/throw-after-start.mjs')] });
    await session.waitFor('1 Dataset');
    // The fixture throws when told to, so the error always meets a running app with its first frame drawn.
    session.signal('SIGUSR2');
    expect(await session.waitForExit()).toBe(1);
    const pane = session.captureWithHistory();
    expect(pane).toContain('ftui stopped after an unexpected error: simulated failure for the crash test');
    expect(pane).not.toContain('2 Validate');
    expect(pane).not.toMatch(/^\s+at /m);
    const logPath = /Details are in (\S+?\.log)/.exec(pane.replace(/\n/g, ''))?.[1];
    expect(logPath).toBeDefined();
    expect(logPath!.startsWith(join(session.home, 'log'))).toBe(true);
    expect(readFileSync(logPath!, 'utf8')).toContain('throw-after-start.mjs');
  });
});
