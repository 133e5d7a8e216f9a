import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { initialAppState, type AppState } from '../../src/store/state.js';
import { fakeModel, fakeProvider, FakeProviderError } from '../helpers/fakeProvider.js';
import { KEYS } from '../helpers/keys.js';
import type { RenderedApp } from '../helpers/renderApp.js';
import { renderWithServices, waitFor } from '../helpers/renderWithServices.js';

const connected: Partial<AppState> = {
  ui: { ...initialAppState.ui, screen: 'chat' },
  connection: { ...initialAppState.connection, kind: 'custom', keyPresent: true, baseUrl: 'http://127.0.0.1:1/v1' },
};
const models = [fakeModel('gpt-4o-mini-2024-07-18'), fakeModel('ft:gpt-4o-mini-2024-07-18:acme:support:abc123')];

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

const typeText = async (text: string) => {
  for (const ch of text) await app!.press(ch);
};

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
    let frame = await waitFor(app, (f) => f.includes('Chat with ft:gpt-4o-mini-2024-07-18:acme:support:abc123'));
    expect(frame).toContain('shuts down 2027-01-14');
    await app.press(KEYS.enter);
    await typeText('q 1 ? tab');
    expect(app.store.getState().ui.exiting).toBe(false);
    expect(app.store.getState().ui.screen).toBe('chat');
    expect(app.store.getState().chat.draft).toBe('q 1 ? tab');
    await app.press(KEYS.enter);
    frame = await waitFor(app, (f) => f.includes('model: Hello from the fake.'));
    expect(frame).toContain('you: q 1 ? tab');
    expect(frame).toContain('7 prompt + 4 completion tokens');
    // esc leaves the field; then 3 switches screens again
    await app.press(KEYS.esc, '3');
    expect(app.store.getState().ui.screen).toBe('jobs');
  });

  it('switches model with the picker and sends the system prompt', async () => {
    const provider = fakeProvider({ models });
    const seen: unknown[] = [];
    const stream = provider.chatStream.bind(provider);
    provider.chatStream = (request, signal) => {
      seen.push(request);
      return stream(request, signal);
    };
    app = await renderWithServices(connected, { provider });
    await waitFor(app, (f) => f.includes('Chat with ft:'));
    await app.press('m');
    expect(app.lastFrame()).toContain('Choose a model (2)');
    await app.press('j', KEYS.enter);
    expect(app.store.getState().chat.model).toBe('gpt-4o-mini-2024-07-18');
    await app.press('s');
    await typeText('Be brief.');
    await app.press(KEYS.enter, 'i');
    await typeText('Hi');
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('model: Hello'));
    expect(seen[0]).toEqual({
      model: 'gpt-4o-mini-2024-07-18',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
    });
  });

  it('adds the last exchange, or a corrected answer, to the open dataset as training examples', async () => {
    const provider = fakeProvider({ models });
    app = await renderWithServices({ ...connected, dataset: { ...initialAppState.dataset, filePath: '/tmp/ftui-chat-test/train.jsonl' } }, { provider });
    await waitFor(app, (f) => f.includes('Chat with ft:'));
    await app.press('s');
    await typeText('Be kind.');
    await app.press(KEYS.enter, KEYS.enter);
    await typeText('Hi');
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('model: Hello from the fake.'));
    await app.press(KEYS.esc, 'a');
    expect(app.lastFrame()).toContain('Added 1 example to train.jsonl');
    await app.press('e');
    expect(app.store.getState().chat.focus).toBe('edit');
    // ctrl+u clears the answer; the corrected one is typed in its place
    await app.press(KEYS.ctrl('u'));
    await typeText('Hi! How can I help?');
    await app.press(KEYS.enter);
    const rows = app.store.getState().dataset.rows.toArray().map((r) => JSON.parse(r.text));
    expect(rows).toEqual([
      { messages: [{ role: 'system', content: 'Be kind.' }, { role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello from the fake.' }] },
      { messages: [{ role: 'system', content: 'Be kind.' }, { role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hi! How can I help?' }] },
    ]);
    expect(app.store.getState().chat.focus).toBe('none');
  });

  it('sends when a message and its Enter arrive in one read', async () => {
    const provider = fakeProvider({ models });
    app = await renderWithServices(connected, { provider });
    await waitFor(app, (f) => f.includes('Chat with ft:'));
    await app.press(KEYS.enter);
    await app.burst('two words\r');
    await waitFor(app, (f) => f.includes('model: Hello from the fake.'));
    expect(app.store.getState().chat.messages[0]).toEqual({ role: 'user', content: 'two words' });
  });

  it('explains a failed reply and keeps what arrived', async () => {
    const provider = fakeProvider({ models });
    provider.failNext.chatStream = new FakeProviderError('rate_limited', 'Too many requests', 20_000);
    app = await renderWithServices(connected, { provider });
    await waitFor(app, (f) => f.includes('Chat with ft:'));
    await app.press(KEYS.enter);
    await typeText('Hi');
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('Rate limited: waiting 20s'));
    expect(app.store.getState().chat.messages).toEqual([{ role: 'user', content: 'Hi' }]);
  });

  it('fits 80x24 with a long conversation', async () => {
    const provider = fakeProvider({ models });
    provider.replyWords = Array.from({ length: 200 }, (_, i) => ` word${i}`);
    app = await renderWithServices(connected, { provider }, { columns: 80, rows: 24 });
    await waitFor(app, (f) => f.includes('Chat with ft:'));
    await app.press(KEYS.enter);
    await typeText('Tell me a long story');
    await app.press(KEYS.enter);
    const frame = await waitFor(app, (f) => f.includes('word199'));
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
  });
});
