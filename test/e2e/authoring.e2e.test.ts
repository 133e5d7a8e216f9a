// Issue 13's "done when": at 80x24, author a three-turn example with a multi-line answer, fix a
// typo in the middle of a message, view and edit a tool call, and save — the file is byte for
// byte what was meant. Driven key by key in tmux as a person would type it.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTmux, startTui, type TuiSession } from '../helpers/tmux.js';

const run = hasTmux || process.env.CI ? describe : describe.skip;

run('authoring an example in a real terminal (tmux, 80x24)', () => {
  let session: TuiSession | undefined;
  afterEach(() => session?.kill());

  it('three turns, a multi-line answer, a typo fixed mid-message, a tool call, saved byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftui-e2e-author-'));
    const file = join(dir, 'new.jsonl');
    const s = startTui([file], { columns: 80, rows: 24 });
    session = s;
    await s.waitFor('New file');

    // Turn 1, with a two-line answer (alt+enter).
    s.type('a');
    await s.waitFor('Next: user');
    s.type('Hi, who are you?');
    s.send('Enter');
    await s.waitFor('Next: assistant');
    s.type('I am a helpful bot.');
    s.send('M-Enter');
    s.type('Ask me anything.');
    s.send('Enter');
    await s.waitFor((p) => p.includes('Ask me anything.') && p.includes('Next: user'));

    // Turn 2: a typo, fixed in the middle: two words back, one right, delete forward, the right letter.
    s.type('What is the weather in Pqris today?');
    await s.waitFor('Pqris today?');
    s.send('M-b', 'M-b', 'Right', 'DC');
    s.type('a');
    await s.waitFor('Paris today?');
    s.send('Enter');
    await s.waitFor('Next: assistant');
    s.type('Let me check.');
    s.send('Enter');
    await s.waitFor((p) => p.includes('Let me check.') && p.includes('Next: user'));

    // Turn 3.
    s.type('Thanks!');
    s.send('Enter');
    await s.waitFor('Next: assistant');
    s.type("You're welcome.");
    s.send('Enter');
    await s.waitFor((p) => p.includes("You're welcome.") && p.includes('Next: user'));
    s.send('Escape');
    await s.waitFor((p) => !p.includes('Next:'));

    // A tool call on "Let me check." (message 4): up to it, t, fill in the name and arguments.
    s.send('k', 'k', 'k');
    await s.waitFor('▸ 4 assistant');
    s.type('t');
    await s.waitFor('"arguments": {}');
    s.send('Up', 'Up', 'Up', 'C-e', 'Left', 'Left');
    s.type('get_weather');
    s.send('Down', 'C-e', 'Left');
    s.type('"city": "Paris"');
    await s.waitFor('"arguments": {"city": "Paris"}');
    s.send('Enter');
    await s.waitFor('→ get_weather({"city":"Paris"})  call_1');
    // View it again as JSON, change the city, keep it.
    s.type('t');
    await s.waitFor('"city": "Paris"');
    s.send('Up', 'Up', 'Up', 'C-e', 'M-b', 'M-d');
    s.type('Lyon');
    s.send('Enter');
    await s.waitFor('→ get_weather({"city":"Lyon"})  call_1');

    s.send('Escape');
    await s.waitFor('Example 1 added.');
    s.send('C-s');
    await s.waitFor('Saved 1 line');
    s.type('q');
    expect(await s.waitForExit()).toBe(0);

    expect(existsSync(file)).toBe(true);
    const intended = `${JSON.stringify({
      messages: [
        { role: 'user', content: 'Hi, who are you?' },
        { role: 'assistant', content: 'I am a helpful bot.\nAsk me anything.' },
        { role: 'user', content: 'What is the weather in Paris today?' },
        {
          role: 'assistant',
          content: 'Let me check.',
          tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Lyon"}' } }],
        },
        { role: 'user', content: 'Thanks!' },
        { role: 'assistant', content: "You're welcome." },
      ],
    })}\n`;
    expect(readFileSync(file, 'utf8')).toBe(intended);
  });
});
