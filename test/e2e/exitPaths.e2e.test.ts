// Every way ftui can end other than `q`: the terminal window closed mid-edit, a failure before the
// interface is up, an uncaught error that carries the key. None may lose an edit, leave the
// terminal in the alternate screen, print a stack trace, or show or log the key.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { E2E_WAIT_MS, hasTmux, repoRoot, startTui, type TuiSession } from '../helpers/tmux.js';

const run = hasTmux || process.env.CI ? describe : describe.skip;

const fixture = (name: string) => join(repoRoot, 'test', 'fixtures', 'e2e', name);

async function waitUntilGone(pid: number, timeoutMs = E2E_WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`process ${pid} still runs ${timeoutMs} ms after its terminal was closed`);
}

function crashLogs(home: string): string[] {
  const dir = join(home, 'log');
  return existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : [];
}

function alternateScreenOn(session: TuiSession): boolean {
  return execFileSync('tmux', ['display-message', '-p', '-t', session.name, '#{alternate_on}'], { encoding: 'utf8' }).trim() === '1';
}

const example = (i: number) => JSON.stringify({ messages: [{ role: 'system', content: 's' }, { role: 'user', content: `question ${i}` }, { role: 'assistant', content: `answer ${i}` }] });

run('ways out other than quitting (tmux)', () => {
  let session: TuiSession | undefined;
  afterEach(() => session?.kill());

  // Before: the write to the closed terminal threw EIO, a crash log was written and no draft (2 of 2).
  it('closing the terminal while typing keeps the text in a draft, writes no crash log, and ends the process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftui-e2e-hangup-'));
    const file = join(dir, 'train.jsonl');
    writeFileSync(file, `${[0, 1, 2].map(example).join('\n')}\n`);
    session = startTui([file]);
    await session.waitFor('question 0');
    session.send('Enter');
    // The open example, not the preview pane's title ('Example 1 · enter opens it').
    await session.waitFor((p) => p.includes('Example 1') && !p.includes('enter opens it'));
    session.send('j');
    session.send('Enter');
    await session.waitFor('typing');
    session.type(' EDITED');
    await session.waitFor('question 0 EDITED');
    const pid = session.pid();
    // Closing the window: tmux hangs up the terminal under the app, as a terminal emulator does.
    session.kill();
    await waitUntilGone(pid);

    const drafts = readdirSync(join(session.home, 'data', 'drafts'));
    expect(drafts).toHaveLength(1);
    expect(readFileSync(join(session.home, 'data', 'drafts', drafts[0]!), 'utf8')).toContain('question 0 EDITED');
    expect(crashLogs(session.home)).toEqual([]);
  });

  // Before: the error escaped before any handler was installed: Node printed its stack and the
  // terminal stayed in the alternate screen, with no crash log.
  it('a failure while starting still leaves the alternate screen, prints one line and writes the crash log', async () => {
    session = startTui([], { nodeArgs: ['--import', fixture('throw-while-starting.mjs')] });
    expect(await session.waitForExit()).toBe(1);
    const pane = session.captureWithHistory();
    expect(pane).toContain('ftui stopped after an unexpected error: simulated failure while starting');
    expect(pane).not.toMatch(/^\s+at /m);
    expect(alternateScreenOn(session)).toBe(false);
    const logs = crashLogs(session.home);
    expect(logs).toHaveLength(1);
    expect(readFileSync(logs[0]!, 'utf8')).toContain('throw-while-starting.mjs');
  });

  // Before: the one line on stderr printed "…Bearer sk-…" as it was.
  it('an uncaught error that carries the key shows and logs it redacted', async () => {
    const key = 'sk-proj-E2eLeakTest0123456789abcdefABCDEF';
    session = startTui([], {
      env: { OPENAI_API_KEY: key, OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' },
      nodeArgs: ['--import', fixture('throw-with-key.mjs')],
    });
    expect(await session.waitForExit()).toBe(1);
    const pane = session.captureWithHistory().replace(/\n/g, '');
    expect(pane).toContain('ftui stopped after an unexpected error: the service refused the request');
    expect(pane).not.toContain('E2eLeakTest');
    const logs = crashLogs(session.home);
    expect(logs).toHaveLength(1);
    const log = readFileSync(logs[0]!, 'utf8');
    expect(log).toContain('the service refused the request');
    expect(log).not.toContain('E2eLeakTest');
  });

  // Before: redaction knew only variable names with KEY, TOKEN, SECRET or PASSWORD in them, so
  // the value of MY_CRED went into the crash log whole.
  it('with --api-key-env MY_CRED, the value of MY_CRED is in neither the terminal nor the crash log', async () => {
    const key = 'plaincredential0123456789';
    session = startTui(['--api-key-env', 'MY_CRED', '--base-url', 'http://127.0.0.1:9/v1'], {
      env: { MY_CRED: key, FTUI_TEST_KEY_VAR: 'MY_CRED' },
      nodeArgs: ['--import', fixture('throw-with-key.mjs')],
    });
    expect(await session.waitForExit()).toBe(1);
    const pane = session.captureWithHistory().replace(/\n/g, '');
    expect(pane).toContain('[MY_CRED redacted]');
    expect(pane).not.toContain(key);
    const logs = crashLogs(session.home);
    expect(logs).toHaveLength(1);
    const log = readFileSync(logs[0]!, 'utf8');
    expect(log).toContain('[MY_CRED redacted]');
    expect(log).not.toContain(key);
  });
});
