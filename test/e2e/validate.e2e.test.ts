import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateFile } from '../../src/core/validate/index.js';
import { money } from '../../src/core/money.js';
import { hasTmux, startTui, type TuiSession } from '../helpers/tmux.js';

const run = hasTmux || process.env.CI ? describe : describe.skip;

const ex = (q: string, a = 'Answer.') => JSON.stringify({ messages: [{ role: 'system', content: 'S' }, { role: 'user', content: q }, { role: 'assistant', content: a }] });

run('the Validate screen in a real terminal (tmux, 80x24)', () => {
  let session: TuiSession | undefined;
  afterEach(() => session?.kill());

  it('shows the engine figures, applies safe fixes until only the hand fix is left, saves a file the engine agrees on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftui-e2e-validate-'));
    const file = join(dir, 'train.jsonl');
    const lines = [
      ...Array.from({ length: 11 }, (_, i) => ex(`Question ${i}`)),
      ex('Question 3'),
      JSON.stringify({ messages: [{ role: 'system', content: 'S' }, { role: 'user', content: '   ' }, { role: 'user', content: 'Q' }, { role: 'assistant', content: 'A' }] }),
      '{"messages": [',
    ];
    writeFileSync(file, `${lines.join('\n')}\n`);
    const before = await validateFile(file, { model: 'gpt-4.1-mini' });
    session = startTui([file], { columns: 80, rows: 24, env: { NO_COLOR: '1' } });
    await session.waitFor('Question 0');
    session.type('2');
    let pane = await session.waitFor('duplicate_example');
    // The figures are the engine's, in full at 80 columns.
    expect(pane).toContain(`= ${money(before.cost.usd!)}`);
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    expect(pane).toContain(`${plural(before.file.examples, 'example')} · ${plural(before.errors, 'error')} · ${plural(before.warnings, 'warning')}`);
    expect(pane).toContain('missing_content');
    expect(pane).toContain('invalid_json');
    for (const row of pane.split('\n')) expect(row.length).toBeLessThanOrEqual(80);

    // Without colour, the token view still says which tokens are trained (G: the duplicate, line 12).
    session.type('G');
    session.type('t');
    await session.waitFor((p) => p.includes('TRAINED teaches the model') && /Example 12: \d+ billed tokens/.test(p) && p.includes('assistant · TRAINED'));
    session.send('Escape');
    pane = await session.waitFor('duplicate_example');

    for (let round = 0; round < 3 && /missing_content|duplicate_example/.test(pane); round++) {
      session.type('f');
      await session.waitFor('y apply (undoable)');
      session.type('y');
      const previous = pane;
      pane = await session.waitFor((p) => !p.includes('y apply') && p !== previous && !p.includes('updating'));
    }
    pane = await session.waitFor((p) => !/missing_content|duplicate_example/.test(p));
    expect(pane).toContain('invalid_json');

    session.type('1');
    await session.waitFor((p) => p.includes('▸1 Dataset') && p.includes('Question 0'));
    session.send('C-s');
    await session.waitFor('Saved');
    session.type('q');
    expect(await session.waitForExit()).toBe(0);

    const after = await validateFile(file, { model: 'gpt-4.1-mini' });
    expect(after.findings.map((g) => g.code)).toEqual(['invalid_json']);
    expect(readFileSync(file, 'utf8').split('\n').filter(Boolean)).toHaveLength(13);
  });
});
