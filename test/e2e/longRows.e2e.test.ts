// A row that takes the tokenizer a long time (15 MB without a space: minutes with gpt-tokenizer,
// still many seconds with a linear tokenizer) must never hold the app: the list shows at once with
// the row marked as being analysed, and q, ctrl+c and SIGTERM work at any time.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hasTmux, startTui, type TuiSession } from '../helpers/tmux.js';

const run = hasTmux || process.env.CI ? describe : describe.skip;

const example = (i: number) => JSON.stringify({ messages: [{ role: 'system', content: 's' }, { role: 'user', content: `question ${i}` }, { role: 'assistant', content: `answer ${i}` }] });

let file: string;
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'ftui-e2e-long-'));
  file = join(dir, 'train.jsonl');
  const long = JSON.stringify({ messages: [{ role: 'user', content: 'x'.repeat(15_000_000) }, { role: 'assistant', content: 'ok' }] });
  writeFileSync(file, `${[example(0), example(1), long, example(3), example(4)].join('\n')}\n`);
});

run('a 15 MB row without spaces (tmux)', () => {
  let session: TuiSession | undefined;
  afterEach(() => session?.kill());

  // Before: a 5 MB line left the app at 100% CPU ignoring q, ctrl+c and SIGTERM (only SIGKILL ended it),
  // and a 200 KB one took 24 s to show the list.
  it('lists the other rows at once, marks the long one as being analysed, and quits on q', async () => {
    session = startTui([file]);
    // The list shows while the long row is still being analysed: it did not wait for it (a
    // condition, where a time limit would depend on how busy the machine is).
    const pane = await session.waitFor('question 4');
    expect(pane).toMatch(/3 +…t +… tok +\(a 15\.0 MB line, being analysed…\)/);
    session.send('q');
    expect(await session.waitForExit()).toBe(0);
  });

  it('shows the token view as being counted and the editor open on the row, and ctrl+c still quits', async () => {
    session = startTui([file]);
    await session.waitFor('question 4');
    session.send('j');
    session.send('j');
    session.send('Enter');
    await session.waitFor(/1 user · … tok/);
    session.send('Escape');
    await session.waitFor('question 4');
    session.send('2');
    await session.waitFor('▸2 Validate');
    session.send('t');
    await session.waitFor('Counting the tokens of example 3 in the background');
    session.send('C-c');
    expect(await session.waitForExit()).toBe(0);
  });

  it('SIGTERM while it is analysed writes the draft of an edit and exits 143', async () => {
    session = startTui([file]);
    await session.waitFor('question 4');
    session.send('d');
    await session.waitFor('Delete example 1?');
    session.send('y');
    await session.waitFor('4 lines · unsaved');
    session.signal('SIGTERM');
    expect(await session.waitForExit()).toBe(143);
    expect(readdirSync(join(session.home, 'data', 'drafts'))).toHaveLength(1);
  });
});
