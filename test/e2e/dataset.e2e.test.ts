import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTmux, startTui, type TuiSession } from '../helpers/tmux.js';

const run = hasTmux || process.env.CI ? describe : describe.skip;

run('the Dataset screen in a real terminal (tmux, 100x30)', () => {
  let session: TuiSession | undefined;
  afterEach(() => session?.kill());

  it('opens a file, authors two examples, saves, quits, and the file has them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftui-e2e-dataset-'));
    const file = join(dir, 'train.jsonl');
    const existing = '{"messages": [{"role": "user", "content": "Existing"}, {"role": "assistant", "content": "Kept as is"}], "extra": 1}';
    writeFileSync(file, `${existing}\n`);
    session = startTui([file]);
    await session.waitFor('Existing');

    for (const [question, answer] of [
      ['What is 2+2?', 'Four.'],
      ['And q, j, k?', 'Letters: q j k ? /'],
    ] as const) {
      session.type('a');
      await session.waitFor('Next: user');
      session.type(question);
      session.send('Enter');
      await session.waitFor('Next: assistant');
      session.type(answer);
      session.send('Enter');
      await session.waitFor((p) => (p.match(/Next: user/g) ?? []).length > 0 && p.includes(answer));
      session.send('Escape');
      // The first esc stops typing the empty next turn; the second, sent once that shows, closes the example.
      await session.waitFor((p) => p.includes('(empty)') && !p.includes('typing:'));
      session.send('Escape');
      await session.waitFor('added');
    }
    session.send('C-s');
    await session.waitFor('Saved 3 lines');
    session.type('q');
    expect(await session.waitForExit()).toBe(0);

    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines[0]).toBe(existing);
    expect(JSON.parse(lines[1]!)).toEqual({ messages: [{ role: 'user', content: 'What is 2+2?' }, { role: 'assistant', content: 'Four.' }] });
    expect(JSON.parse(lines[2]!).messages[1].content).toBe('Letters: q j k ? /');
    expect(lines[3]).toBe('');
  });
});
