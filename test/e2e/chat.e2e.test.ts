// Chat closing the loop in a real terminal, against `ftui sandbox` in a process of its own: a
// fine-tune compared with its base, a reply picked, a preference pair and a supervised example
// added, a three-turn conversation added; then the dataset and the DPO file validate clean with
// exactly the examples expected.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { validateFile } from '../../src/core/validate/index.js';
import { replyText } from '../../src/sandbox/chat.js';
import { startSandboxProcess, trainFineTune, type SandboxProcess } from '../helpers/sandboxProcess.js';
import { sampleTrainingJsonl } from '../helpers/sandbox.js';
import { hasTmux, startTui, type TuiSession } from '../helpers/tmux.js';

const run = hasTmux || process.env.CI ? describe : describe.skip;

const SYSTEM = 'You answer in one short sentence.';
const BASE = 'gpt-4o-mini-2024-07-18';

/** Nine preference pairs already in the DPO file: the one the chat adds makes the ten the API asks for. */
function pairsJsonl(n: number): string {
  return Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      input: { messages: [{ role: 'system', content: SYSTEM }, { role: 'user', content: `What is ${i} times two?` }] },
      preferred_output: [{ role: 'assistant', content: `${i} times two is ${2 * i}.` }],
      non_preferred_output: [{ role: 'assistant', content: `Maybe ${2 * i + 1}.` }],
    }),
  )
    .map((l) => `${l}\n`)
    .join('');
}

const fits = (pane: string, columns: number, rows: number) => {
  const lines = pane.replace(/\n+$/, '').split('\n');
  expect(lines.length).toBeLessThanOrEqual(rows);
  for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
};

const jsonl = (path: string) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

run('Chat closes the loop in a real terminal (tmux)', () => {
  let session: TuiSession | undefined;
  let sandbox: SandboxProcess | undefined;
  afterEach(() => {
    session?.kill();
    sandbox?.stop();
  });

  it('compares a fine-tune with its base, adds a DPO pair, the picked reply and a three-turn conversation; both files validate clean', async () => {
    sandbox = await startSandboxProcess('--speed', '500');
    const { model: ft } = await trainFineTune(sandbox.baseUrl, BASE);
    const dir = mkdtempSync(join(tmpdir(), 'ftui-e2e-chat-'));
    const dataset = join(dir, 'train.jsonl');
    const pairs = join(dir, 'train.dpo.jsonl');
    writeFileSync(dataset, sampleTrainingJsonl(12));
    writeFileSync(pairs, pairsJsonl(9));

    session = startTui([dataset], { columns: 80, rows: 24, env: { OPENAI_BASE_URL: sandbox.baseUrl, OPENAI_API_KEY: 'sandbox' } });
    await session.waitFor('1 Dataset');
    session.send('4');
    await session.waitFor(`Chat with ${ft.slice(0, 40)}`);
    // The system prompt the dataset's examples share.
    let pane = await session.waitFor(`System: ${SYSTEM}`);
    expect(pane).toContain('(shared by 12 of 12');

    // Compare: the fine-tune and its base answer side by side.
    session.send('c');
    await session.waitFor('Compare ft:');
    session.send('Enter');
    await session.waitFor('enter sends');
    const question = 'What is 7 + 7?';
    session.type(question);
    session.send('Enter');
    pane = await session.waitFor('←/→ pick a reply');
    const input = [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: question },
    ];
    const ftReply = replyText(ft, input);
    const baseReply = replyText(BASE, input);
    // Each reply's latency, tokens and cost, under it.
    expect(pane.match(/\d\.\d s · \d+\+\d+ tok · \$0\.\d+/g)).toHaveLength(2);
    expect(pane).toContain(`▸ ${ft.slice(0, 20)}`);
    fits(pane, 80, 24);

    // Pick the base's reply; p adds the pair to the DPO file beside the dataset (suggested, confirmed with enter).
    session.send('Escape');
    await session.waitFor('enter write · ←/→ pick');
    session.send('Right');
    await session.waitFor(`▸ ${BASE}`);
    session.send('p');
    await session.waitFor('Preference pairs go to (DPO file):');
    session.send('Enter');
    await session.waitFor('Added a preference pair to train.dpo.jsonl');
    // a adds the conversation with the picked reply to the open dataset.
    session.send('a');
    await session.waitFor('Added the conversation (1 turn) to train.jsonl as example 13');

    // A new chat, one model, three turns, added as one example.
    session.send('n');
    session.send('c');
    await session.waitFor(`Chat with ${ft.slice(0, 40)}`);
    session.send('Enter');
    const questions = ['Hello there', 'What can you do?', 'Thanks, bye'];
    const history: { role: string; content: string }[] = [{ role: 'system', content: SYSTEM }];
    for (const q of questions) {
      session.type(q);
      session.send('Enter');
      history.push({ role: 'user', content: q });
      const reply = replyText(ft, history);
      history.push({ role: 'assistant', content: reply });
      // The end of each reply, once it is all there.
      await session.waitFor((p) => p.replace(/\s+/g, ' ').includes(reply.slice(-25)) && p.includes('Last reply:'));
    }
    session.send('Escape');
    await session.waitFor('enter write · m model');
    session.send('a');
    await session.waitFor('Added the conversation (3 turns) to train.jsonl as example 14');
    fits(session.capture(), 80, 24);

    // Save the dataset, then quit.
    session.send('1');
    await session.waitFor('train.jsonl · 14 lines · unsaved');
    session.send('C-s');
    await session.waitFor('Saved 14 lines');
    session.send('q');
    expect(await session.waitForExit()).toBe(0);

    const rows = jsonl(dataset);
    expect(rows).toHaveLength(14);
    expect(rows[12]).toEqual({ messages: [...input, { role: 'assistant', content: baseReply }] });
    expect(rows[13]).toEqual({ messages: history });
    const dpo = jsonl(pairs);
    expect(dpo).toHaveLength(10);
    expect(dpo[9]).toEqual({
      input: { messages: input },
      preferred_output: [{ role: 'assistant', content: baseReply }],
      non_preferred_output: [{ role: 'assistant', content: ftReply }],
    });
    const supervised = await validateFile(dataset, { model: BASE });
    expect(supervised.findings.map((f) => f.code)).toEqual([]);
    expect(supervised.file).toMatchObject({ examples: 14, chatExamples: 14, preferenceExamples: 0 });
    const preference = await validateFile(pairs, { model: BASE });
    expect(preference.findings.map((f) => f.code)).toEqual([]);
    expect(preference.file).toMatchObject({ examples: 10, chatExamples: 0, preferenceExamples: 10 });
  }, 180_000);
});
