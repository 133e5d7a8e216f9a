// Issue 13 in a real terminal: several keys in one tmux send-keys arrive in one read. Before the
// key decoder, Backspaces in a burst were saved into the JSONL as \x7f characters.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTmux, startTui, type TuiSession } from '../helpers/tmux.js';

const run = hasTmux || process.env.CI ? describe : describe.skip;

run('key bursts in a real terminal (tmux, 80x24)', () => {
  let session: TuiSession | undefined;
  afterEach(() => session?.kill());

  it('Backspaces, arrows and text sent in one send-keys edit the message and save clean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftui-e2e-burst-'));
    const file = join(dir, 'train.jsonl');
    writeFileSync(file, `${JSON.stringify({ messages: [{ role: 'user', content: 'Hello world' }, { role: 'assistant', content: 'Hi' }] })}\n`);
    session = startTui([file], { columns: 80, rows: 24 });
    await session.waitFor('Hello world');
    session.send('Enter');
    await session.waitFor('user');
    session.send('Enter');
    await session.waitFor('finish');
    // One send-keys: three Backspaces, four lefts, text, a right and a Backspace.
    session.send('BSpace', 'BSpace', 'BSpace', 'Left', 'Left', 'Left', 'Left', 'b', 'i', 'g', ' ', 'Right', 'BSpace');
    await session.waitFor('Hellbig  wo');
    session.send('Enter', 'Escape');
    await session.waitFor((p) => !p.includes('finish'));
    session.send('C-s');
    await session.waitFor('Saved');
    const saved = readFileSync(file, 'utf8');
    expect(saved).not.toContain('\\u007f');
    expect(JSON.parse(saved).messages[0].content).toBe('Hellbig  wo');
  });
});
