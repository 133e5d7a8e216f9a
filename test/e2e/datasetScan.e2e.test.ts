// Issue 13's follow-up in a real terminal: scanning examples with the preview pane (under the list
// at 80x24, beside it once the window is 120 wide), a find that filters the list and looks in one
// role, and the detail view of a cut-off path with the copy shown on the notice line.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTmux, startTui, type TuiSession } from '../helpers/tmux.js';

const run = hasTmux || process.env.CI ? describe : describe.skip;

const ex = (user: string, assistant: string) =>
  JSON.stringify({ messages: [{ role: 'system', content: 'You answer billing questions for Acme.' }, { role: 'user', content: user }, { role: 'assistant', content: assistant }] });

run('scanning a dataset in a real terminal (tmux)', () => {
  let session: TuiSession | undefined;
  afterEach(() => session?.kill());

  it('previews the selected example, filters by a find in one role, and opens a cut-off path in full', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftui-e2e-scan-with-a-long-folder-name-'));
    const file = join(dir, 'customer-support-billing-conversations.jsonl');
    writeFileSync(
      file,
      [
        ex('Where is my invoice?', 'Under Billing, then Invoices.'),
        ex('Can I get a refund?', 'Yes: a refund takes 30 days to reach your card.'),
        ex('Refund my order now', 'Please share the order id first.'),
        ex('I was charged twice.', 'We will look into it today.'),
      ].join('\n') + '\n',
    );
    session = startTui([file], { columns: 80, rows: 24 });
    await session.waitFor('── Example 1 · enter opens it');
    let pane = session.capture();
    expect(pane).toContain('Under Billing, then Invoices.');
    session.send('j');
    pane = await session.waitFor('── Example 2 ·');
    expect(pane).toContain('Yes: a refund takes 30 days to reach your card.');

    // Find "refund" in assistant messages only: one example.
    session.send('/');
    await session.waitFor('tab: role');
    session.type('role:assistant refund');
    session.send('Enter');
    pane = await session.waitFor('Find "refund" in assistant messages: 1 match');
    expect(pane).toMatch(/^\s+2 .*assistant: Yes: a refund takes/m);
    expect(pane).not.toContain('Where is my invoice?');
    // Any role: two.
    session.send('/');
    await session.waitFor('tab: role');
    // assistant -> system -> tool -> any role, in one burst.
    session.send('Right', 'Tab', 'Tab', 'Tab', 'Enter');
    pane = await session.waitFor('Find "refund": 2 matches');
    expect(pane).toMatch(/^\s+3 .*user: Refund my order now/m);
    session.send('Escape');
    await session.waitFor((p) => !p.includes('Find "refund"') && p.includes('Where is my invoice?'));

    // Wider: the preview stands beside the list.
    session.resize(120, 40);
    await session.waitFor(/│ Example 2 · enter opens it/);

    // The path is cut in the header at 80 columns; z shows it whole, Y copies it and shows it.
    session.resize(80, 24);
    await session.waitFor('── Example 2 ·');
    session.send('z');
    pane = await session.waitFor('In full — Dataset');
    expect(pane.replace(/[\s│]/g, '')).toContain(file.replace(/\s/g, ''));
    session.send('Escape');
    await session.waitFor((p) => !p.includes('In full — Dataset'));
    session.send('Y');
    pane = await session.waitFor('Copied file (OSC 52):');
    expect(pane.replace(/\s/g, '')).toContain(file);
  });
});
