import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { freshRow } from '../../src/core/dataset/row.js';
import { chatMessages, isStreaming, lastAssistant } from '../../src/store/slices/chat.js';
import { initialDatasetState, reduceDataset, type DatasetState } from '../../src/store/slices/dataset.js';
import { initialAppState } from '../../src/store/state.js';
import { fakeModel, fakeProvider, FakeProviderError } from '../helpers/fakeProvider.js';
import { KEYS } from '../helpers/keys.js';
import type { RenderedApp } from '../helpers/renderApp.js';
import { renderWithServices, waitFor } from '../helpers/renderWithServices.js';
import { connectedState } from '../helpers/connectedState.js';

const connected = connectedState('chat');
const FT = 'ft:gpt-4o-mini-2024-07-18:acme:support:abc123';
const BASE = 'gpt-4o-mini-2024-07-18';
const models = [fakeModel(BASE), fakeModel(FT, null, { fineTuned: true, baseModel: BASE })];

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

const typeText = async (text: string) => {
  for (const ch of text) await app!.press(ch);
};

/** A dataset open and loaded at `path` with these lines. */
function openDataset(path: string, lines: string[]): DatasetState {
  const opened = reduceDataset(initialDatasetState, { type: 'dataset/opened', filePath: path });
  return reduceDataset(opened, { type: 'dataset/loaded', rows: lines.map(freshRow), format: { ...opened.format }, mode: null, base: null, notice: null, exists: true });
}

const example = (system: string, user: string, assistant: string) => JSON.stringify({ messages: [{ role: 'system', content: system }, { role: 'user', content: user }, { role: 'assistant', content: assistant }] });

async function send(text: string) {
  await app!.press(KEYS.enter);
  await typeText(text);
  await app!.press(KEYS.enter);
}

const rows = (app: RenderedApp) => app.store.getState().dataset.rows.toArray().map((r) => JSON.parse(r.text));

describe('the Chat screen', () => {
  it('without a key, says how to connect', async () => {
    app = await renderWithServices({ ui: { ...initialAppState.ui, screen: 'chat' } }, {});
    const frame = app.lastFrame();
    expect(frame).toContain('Chat with a model need a connection');
    expect(frame).toContain('OPENAI_API_KEY');
    expect(frame).not.toContain('press S');
  });

  it('without a key, S starts the sandbox and the chat opens on it', async () => {
    const provider = fakeProvider({ models });
    app = await renderWithServices(
      { ui: { ...initialAppState.ui, screen: 'chat' } },
      { startSandbox: async () => ({ provider, baseUrl: 'http://127.0.0.1:9/v1', stop: async () => undefined }) },
    );
    expect(app.lastFrame()).toContain('press S to start the local sandbox');
    await app.press('S');
    const frame = await waitFor(app, (f) => f.includes('SANDBOX · Chat with ft:'));
    expect(app.store.getState().connection.kind).toBe('sandbox');
    expect(frame).toMatch(/^SANDBOX /m);
  });

  it('picks the fine-tuned model first, streams the reply, and keeps global keys out of the text field', async () => {
    const provider = fakeProvider({ models });
    app = await renderWithServices(connected, { provider });
    let frame = await waitFor(app, (f) => f.includes(`Chat with ${FT}`));
    expect(frame).toContain('shuts down 2027-01-14');
    await app.press(KEYS.enter);
    await typeText('q 1 ? tab');
    expect(app.store.getState().ui.exiting).toBe(false);
    expect(app.store.getState().ui.screen).toBe('chat');
    expect(app.store.getState().chat.draft).toBe('q 1 ? tab');
    await app.press(KEYS.enter);
    frame = await waitFor(app, (f) => f.includes('model: Hello from the fake.'));
    expect(frame).toContain('you: q 1 ? tab');
    // Latency, tokens and the fine-tune's price (gpt-4o-mini fine-tuned: $0.30 in, $1.20 out per 1M).
    expect(frame).toContain('Last reply: 7 prompt + 4 completion tokens · 0.0 s · $0.0000069');
    // esc leaves the field; then 3 switches screens again
    await app.press(KEYS.esc, '3');
    expect(app.store.getState().ui.screen).toBe('jobs');
  });

  it('lists fine-tunes first with their base and shutdown date; a model that has shut down is marked and not chosen', async () => {
    const provider = fakeProvider({ models: [...models, fakeModel('gpt-3.5-turbo-0125'), fakeModel('ft:meta:x', null, { fineTuned: true, baseModel: 'meta-llama', needsDeployment: true })] });
    app = await renderWithServices(connected, { provider });
    await waitFor(app, (f) => f.includes(`Chat with ${FT}`));
    await app.press('m');
    const frame = app.lastFrame();
    expect(frame).toContain('Chat with which model? (4)');
    const lines = frame.split('\n');
    const row = (id: string) => lines.findIndex((l) => l.includes(`${id}  `));
    expect([row(FT), row('ft:meta:x'), row(BASE), row('gpt-3.5-turbo-0125')]).toEqual([3, 4, 5, 6]);
    expect(lines[3]).toContain(`▸ ${FT}  fine-tune of ${BASE} · shuts down`);
    // The model under the cursor, in full above the list (a long name cuts its row).
    expect(lines[2]).toContain(`(fine-tune of ${BASE} · shuts down 2027-01-14)`);
    expect(lines[4]).toContain('ft:meta:x  fine-tune of meta-llama · needs a deployment before chat');
    expect(lines[6]).toContain('gpt-3.5-turbo-0125  SHUT DOWN 2026-10-23');
    for (let i = 0; i < 3; i++) await app.press('j');
    await app.press(KEYS.enter);
    expect(app.store.getState().chat.model).toBe(FT);
    expect(app.lastFrame()).toContain('gpt-3.5-turbo-0125 has shut down and no longer answers');
    // A fine-tune that needs a deployment can be chosen, but sending says what to do.
    await app.press('k', 'k', KEYS.enter);
    expect(app.store.getState().chat.model).toBe('ft:meta:x');
    await send('Hi');
    expect(app.lastFrame()).toContain('ft:meta:x must be deployed before it can answer');
    expect(provider.calls).not.toContain('chatStream');
  });

  it('switches model with the picker and sends the system prompt', async () => {
    const provider = fakeProvider({ models });
    app = await renderWithServices(connected, { provider });
    await waitFor(app, (f) => f.includes('Chat with ft:'));
    await app.press('m');
    await app.press('j', KEYS.enter);
    expect(app.store.getState().chat.model).toBe(BASE);
    await app.press('s');
    await typeText('Be brief.');
    await app.press(KEYS.enter);
    await send('Hi');
    await waitFor(app, (f) => f.includes('model: Hello'));
    expect(provider.chatRequests[0]).toEqual({
      model: BASE,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
    });
  });

  it('says why a message was not sent when no model could be chosen', async () => {
    const provider = fakeProvider({ models });
    provider.failNext.listModels = new FakeProviderError('network', 'connect ECONNREFUSED');
    app = await renderWithServices(connected, { provider });
    await waitFor(app, (f) => f.includes('Cannot reach the service'));
    await send('Hello?');
    expect(app.lastFrame()).toContain('No model chosen: the model list did not load (R tries again).');
    expect(app.store.getState().chat.draft).toBe('Hello?');
    await app.press(KEYS.esc, 'R');
    await waitFor(app, (f) => f.includes(`Chat with ${FT}`));
  });

  it('adds the whole conversation, or it with a corrected reply, to the open dataset (undoable there)', async () => {
    const provider = fakeProvider({ models });
    const path = join(mkdtempSync(join(tmpdir(), 'ftui-chat-')), 'train.jsonl');
    app = await renderWithServices({ ...connected, dataset: openDataset(path, []) }, { provider });
    await waitFor(app, (f) => f.includes('Chat with ft:'));
    await app.press('s');
    await typeText('Be kind.');
    await app.press(KEYS.enter);
    await send('Hi');
    await waitFor(app, (f) => f.includes('model: Hello from the fake.'));
    provider.replyWords = ['Sure.'];
    await typeText('Thanks');
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('model: Sure.'));
    await app.press(KEYS.esc, 'a');
    expect(app.lastFrame()).toContain('Added the conversation (2 turns) to train.jsonl as example 1');
    await app.press('e');
    expect(app.store.getState().chat.focus).toBe('edit');
    // ctrl+u clears the reply; the corrected one is typed in its place, over two lines
    await app.press(KEYS.ctrl('u'));
    await typeText('Gladly.');
    await app.press(KEYS.ctrl('j'));
    await typeText('Anything else?');
    await app.press(KEYS.enter);
    expect(app.lastFrame()).toContain('Added the conversation (2 turns) to train.jsonl as example 2');
    const turns = [
      { role: 'system', content: 'Be kind.' },
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello from the fake.' },
      { role: 'user', content: 'Thanks' },
    ];
    expect(rows(app)).toEqual([{ messages: [...turns, { role: 'assistant', content: 'Sure.' }] }, { messages: [...turns, { role: 'assistant', content: 'Gladly.\nAnything else?' }] }]);
    expect(app.store.getState().chat.focus).toBe('none');
    // The correction is now the reply the conversation goes on with; the model's stays reachable.
    expect(app.lastFrame()).toContain('corrected [2/2]: Gladly.');
    // The examples went in through the dataset slice: one undo takes the last one back.
    app.store.dispatch({ type: 'dataset/undo' });
    expect(rows(app)).toHaveLength(1);
  });

  it('keeps a correction in its field when there is no dataset to add it to', async () => {
    const provider = fakeProvider({ models });
    app = await renderWithServices(connected, { provider });
    await waitFor(app, (f) => f.includes('Chat with ft:'));
    await send('Hi');
    await waitFor(app, (f) => f.includes('model: Hello from the fake.'));
    await app.press(KEYS.esc, 'e', KEYS.ctrl('u'));
    await typeText('Better.');
    await app.press(KEYS.enter);
    expect(app.lastFrame()).toContain('No dataset is open');
    expect(app.store.getState().chat.focus).toBe('edit');
    expect(app.store.getState().chat.edit).toEqual({ text: 'Better.' });
  });

  it('starts with the system prompt the dataset\'s examples share', async () => {
    const provider = fakeProvider({ models });
    const lines = Array.from({ length: 12 }, (_, i) => example('You answer in one short sentence.', `Q${i}`, `A${i}`));
    lines.push(example('Something else.', 'Q', 'A'));
    app = await renderWithServices({ ...connected, dataset: openDataset('/tmp/ftui-chat-none/train.jsonl', lines) }, { provider });
    const frame = await waitFor(app, (f) => f.includes('System: You answer in one short sentence.'));
    expect(frame).toContain('(shared by 12 of 13 dataset examples)');
    await send('Hi');
    await waitFor(app, (f) => f.includes('model: Hello'));
    expect(provider.chatRequests[0]!.messages[0]).toEqual({ role: 'system', content: 'You answer in one short sentence.' });
  });

  it('compares the fine-tune with its base side by side, with figures and cost; picks a reply and adds a DPO pair to a file beside the dataset', async () => {
    const provider = fakeProvider({ models });
    provider.replyByModel = { [FT]: ['Paris', ' is', ' the', ' capital.'], [BASE]: ['Lyon?'] };
    const dir = mkdtempSync(join(tmpdir(), 'ftui-chat-'));
    const path = join(dir, 'train.jsonl');
    app = await renderWithServices({ ...connected, dataset: openDataset(path, [example('Sys', 'Q', 'A')]) }, { provider });
    await waitFor(app, (f) => f.includes('Chat with ft:'));
    await app.press('c');
    expect(app.lastFrame()).toContain(`Compare ${FT} with ${BASE}`);
    await send('Capital of France?');
    const frame = await waitFor(app, (f) => f.includes('Paris is the capital.') && f.includes('Lyon?'));
    // Both requests went out at once, with the same messages.
    expect(provider.chatRequests.map((r) => r.model).sort()).toEqual([BASE, FT].sort());
    expect(provider.chatRequests[0]!.messages).toEqual(provider.chatRequests[1]!.messages);
    const row = frame.split('\n').find((l) => l.includes('Paris is the capital.'))!;
    expect(row).toMatch(/Paris is the capital\.\s+│ Lyon\?/);
    expect(frame).toMatch(/▸ ft:gpt-4o-mini.*│\s+gpt-4o-mini-2024-07-18/);
    // Each reply's latency, tokens and cost: the fine-tune at its price, the base at its own.
    expect(frame).toContain('0.0 s · 7+4 tok · $0.0000069');
    expect(frame).toMatch(/0\.0 s · 7\+1 tok · \$0\.000001[67]/);
    // p: asks where the pairs go, suggesting a DPO file beside the dataset.
    await app.press(KEYS.esc, 'p');
    expect(app.lastFrame()).toContain(`Preference pairs go to (DPO file): ${join(dir, 'train.dpo.jsonl')}`);
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('Added a preference pair to train.dpo.jsonl (new file)'));
    // → picks the base's reply; the next pair goes to the same file without asking.
    await app.press(KEYS.right, 'p');
    // A long message takes a second row rather than being cut.
    await waitFor(app, (f) => f.includes(`Added a preference pair to train.dpo.jsonl: ${BASE} preferred over\n ${FT}.`));
    const pairs = readFileSync(join(dir, 'train.dpo.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const input = { messages: [{ role: 'system', content: 'Sys' }, { role: 'user', content: 'Capital of France?' }] };
    expect(pairs).toEqual([
      { input, preferred_output: [{ role: 'assistant', content: 'Paris is the capital.' }], non_preferred_output: [{ role: 'assistant', content: 'Lyon?' }] },
      { input, preferred_output: [{ role: 'assistant', content: 'Lyon?' }], non_preferred_output: [{ role: 'assistant', content: 'Paris is the capital.' }] },
    ]);
    // The open (supervised) dataset was not touched by the pairs; a adds the picked reply as a chat example.
    await app.press('a');
    expect(rows(app).at(-1)).toEqual({ messages: [...input.messages, { role: 'assistant', content: 'Lyon?' }] });
    expect(rows(app)).toHaveLength(2);
  });

  it('refuses to put pairs into the open chat dataset, and adds them to an open DPO dataset through its undo history', async () => {
    const provider = fakeProvider({ models });
    provider.replyByModel = { [FT]: ['Yes.'], [BASE]: ['No.'] };
    const dir = mkdtempSync(join(tmpdir(), 'ftui-chat-'));
    const path = join(dir, 'train.jsonl');
    writeFileSync(path, `${example('Sys', 'Q', 'A')}\n`);
    app = await renderWithServices({ ...connected, dataset: openDataset(path, [example('Sys', 'Q', 'A')]) }, { provider });
    await waitFor(app, (f) => f.includes('Chat with ft:'));
    await app.press('c');
    await send('Well?');
    await waitFor(app, (f) => f.includes('No.') && f.includes('Yes.'));
    await app.press(KEYS.esc, 'p', KEYS.ctrl('u'));
    await typeText(path);
    await app.press(KEYS.enter);
    expect(app.lastFrame()).toContain('train.jsonl is the open dataset, which holds chat examples');
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(1);

    app.unmount();
    const pair = JSON.stringify({ input: { messages: [{ role: 'user', content: 'a' }] }, preferred_output: [{ role: 'assistant', content: 'b' }], non_preferred_output: [{ role: 'assistant', content: 'c' }] });
    app = await renderWithServices({ ...connected, dataset: openDataset(join(dir, 'pairs.jsonl'), [pair]) }, { provider });
    await waitFor(app, (f) => f.includes('Chat with ft:'));
    await app.press('c');
    await send('Well?');
    await waitFor(app, (f) => f.includes('No.') && f.includes('Yes.'));
    await app.press(KEYS.esc, 'p');
    expect(app.lastFrame()).toContain('Added a preference pair to pairs.jsonl');
    expect(rows(app)).toHaveLength(2);
    // A chat example would mix formats in a DPO file: refused, with the reason.
    await app.press('a');
    expect(app.lastFrame()).toContain('pairs.jsonl holds preference (DPO) pairs');
    expect(rows(app)).toHaveLength(2);
  });

  it('adds a conversation or a pair once when a or p is held down', async () => {
    const provider = fakeProvider({ models });
    provider.replyByModel = { [FT]: ['Yes.'], [BASE]: ['No.'] };
    const dir = mkdtempSync(join(tmpdir(), 'ftui-chat-'));
    app = await renderWithServices({ ...connected, dataset: openDataset(join(dir, 'train.jsonl'), []) }, { provider });
    await waitFor(app, (f) => f.includes('Chat with ft:'));
    await app.press('c');
    await send('Well?');
    await waitFor(app, (f) => f.includes('No.') && f.includes('Yes.'));
    await app.press(KEYS.esc);
    await app.burst('aaaa');
    expect(rows(app)).toHaveLength(1);
    expect(app.lastFrame()).toContain('already in train.jsonl');
    await app.press('p', KEYS.enter);
    await waitFor(app, (f) => f.includes('Added a preference pair to train.dpo.jsonl'));
    await app.burst('pppp');
    await waitFor(app, (f) => f.includes('This pair is already in train.dpo.jsonl'));
    expect(readFileSync(join(dir, 'train.dpo.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
    // Undone on the Dataset screen, the conversation can be added again.
    app.store.dispatch({ type: 'dataset/undo' });
    await app.press('a');
    expect(rows(app)).toHaveLength(1);
  });

  it('regenerates a reply with r, keeping the earlier one reachable with [ and ]', async () => {
    const provider = fakeProvider({ models });
    app = await renderWithServices(connected, { provider });
    await waitFor(app, (f) => f.includes('Chat with ft:'));
    await send('Hi');
    await waitFor(app, (f) => f.includes('model: Hello from the fake.'));
    provider.replyWords = ['Hi', ' again.'];
    await app.press(KEYS.esc, 'r');
    await waitFor(app, (f) => f.includes('model [2/2]: Hi again.'));
    expect(provider.chatRequests[1]).toEqual(provider.chatRequests[0]);
    await app.press('[');
    expect(app.lastFrame()).toContain('model [1/2]: Hello from the fake.');
    expect(chatMessages(app.store.getState().chat).at(-1)).toEqual({ role: 'assistant', content: 'Hello from the fake.' });
    await app.press(']');
    expect(app.lastFrame()).toContain('model [2/2]: Hi again.');
  });

  it('sends when a message and its Enter arrive in one read', async () => {
    const provider = fakeProvider({ models });
    app = await renderWithServices(connected, { provider });
    await waitFor(app, (f) => f.includes('Chat with ft:'));
    await app.press(KEYS.enter);
    await app.burst('two words\r');
    await waitFor(app, (f) => f.includes('model: Hello from the fake.'));
    expect(app.store.getState().chat.turns[0]).toEqual({ role: 'user', content: 'two words' });
  });

  it('explains a failed reply and keeps what arrived', async () => {
    const provider = fakeProvider({ models });
    provider.failNext.chatStream = new FakeProviderError('rate_limited', 'Too many requests', 20_000);
    app = await renderWithServices(connected, { provider });
    await waitFor(app, (f) => f.includes('Chat with ft:'));
    await send('Hi');
    await waitFor(app, (f) => f.includes('Rate limited: waiting 20s'));
    expect(chatMessages(app.store.getState().chat)).toEqual([{ role: 'user', content: 'Hi' }]);
  });

  it('saves the conversation as JSONL of messages and opens it again', async () => {
    const provider = fakeProvider({ models });
    const dir = mkdtempSync(join(tmpdir(), 'ftui-chat-'));
    const file = join(dir, 'talk.jsonl');
    app = await renderWithServices(connected, { provider });
    await waitFor(app, (f) => f.includes('Chat with ft:'));
    await app.press('s');
    await typeText('Sys.');
    await app.press(KEYS.enter);
    await send('Hi');
    await waitFor(app, (f) => f.includes('model: Hello from the fake.'));
    await app.press(KEYS.esc, 'w');
    expect(app.lastFrame()).toMatch(/Save the conversation to: .*chat-2026-11-01-1200\.jsonl/);
    await typeText(file);
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('Saved the conversation (2 messages)'));
    expect(readFileSync(file, 'utf8')).toBe(
      '{"role":"system","content":"Sys."}\n{"role":"user","content":"Hi"}\n{"role":"assistant","content":"Hello from the fake."}\n',
    );
    await app.press('n');
    expect(app.store.getState().chat.turns).toEqual([]);
    await app.press('o');
    await typeText(join(dir, 'missing.jsonl'));
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('missing.jsonl: the file or its folder does not exist'));
    await app.press('o');
    await typeText(file);
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('Opened talk.jsonl: 2 messages'));
    expect(chatMessages(app.store.getState().chat)).toEqual([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello from the fake.' },
    ]);
    expect(app.store.getState().chat.systemPrompt).toBe('Sys.');
  });

  it('keeps the conversation, and a reply still streaming, while the user looks at another screen', async () => {
    const provider = fakeProvider({ models });
    let release!: () => void;
    provider.hold = new Promise((r) => (release = r));
    app = await renderWithServices(connected, { provider });
    await waitFor(app, (f) => f.includes('Chat with ft:'));
    await send('Hi');
    await app.until(() => provider.calls.includes('chatStream'));
    await app.press(KEYS.esc, '1');
    expect(app.store.getState().ui.screen).toBe('dataset');
    release();
    await app.until(() => !isStreaming(app!.store.getState().chat.turns));
    await app.press('4');
    const frame = await waitFor(app, (f) => f.includes('model: Hello from the fake.'));
    expect(frame).toContain('you: Hi');
  });

  it('fits 80x24 with a long conversation, follows the stream, and stays where the user scrolled', async () => {
    const provider = fakeProvider({ models });
    provider.replyWords = Array.from({ length: 200 }, (_, i) => ` word${i}`);
    app = await renderWithServices(connected, { provider }, { columns: 80, rows: 24 });
    await waitFor(app, (f) => f.includes('Chat with ft:'));
    await send('Tell me a long story');
    let frame = await waitFor(app, (f) => f.includes('word199'));
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    // A new reply streams in; scrolled up meanwhile, the view stays put while it grows below.
    let release!: () => void;
    provider.hold = new Promise((r) => (release = r));
    provider.replyWords = Array.from({ length: 50 }, (_, i) => ` more${i}`);
    await send('More');
    const streamed = () => lastAssistant(app!.store.getState().chat.turns)!.columns[0]![0]!.text;
    // Streamed text reaches the store on the app's (manual) clock.
    await app.until(() => {
      app!.clock.advance(50);
      return streamed().includes('more10');
    });
    expect(app.lastFrame()).toContain('more10');
    await app.press(KEYS.pageUp);
    frame = app.lastFrame();
    expect(frame).toMatch(/more lines below · G follows the end/);
    const transcript = (f: string) => f.split('\n').filter((l) => /word|more\d|you:/.test(l));
    const before = transcript(frame);
    await app.until(() => {
      app!.clock.advance(50);
      return streamed().includes('more40');
    });
    expect(transcript(app.lastFrame())).toEqual(before);
    // G follows the end again: the stream shows as it grows.
    await app.press(KEYS.esc, 'G');
    expect(app.lastFrame()).toContain('more40');
    release();
    await waitFor(app, (f) => f.includes('more49'));
    // g goes to the start, k/j move by a line.
    await app.press('g');
    expect(app.lastFrame()).toContain('you: Tell me a long story');
    await app.press('j');
    expect(app.lastFrame()).not.toContain('you: Tell me a long story');
  });
});
