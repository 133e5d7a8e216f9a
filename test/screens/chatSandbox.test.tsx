// The Chat screen against the sandbox server through the real provider: the model list, a
// streamed reply, and what the user is told when the service fails mid-way.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientOptions } from '../../src/api/createProvider.js';
import { replyText } from '../../src/sandbox/chat.js';
import { chatMessages, isStreaming } from '../../src/store/slices/chat.js';
import { initialAppState, type AppState } from '../../src/store/state.js';
import { KEYS } from '../helpers/keys.js';
import type { RenderedApp } from '../helpers/renderApp.js';
import { renderWithServices, waitFor } from '../helpers/renderWithServices.js';
import { sandboxProvider, startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

let sandbox: TestSandbox;
let app: RenderedApp | undefined;

beforeEach(async () => {
  sandbox = await startTestSandbox({ streamDelayMs: 2 });
});
afterEach(async () => {
  app?.unmount();
  app = undefined;
  await sandbox.close();
});

const provider = (options: ClientOptions = {}) => sandboxProvider(sandbox, options);

const state = (): Partial<AppState> => ({
  ui: { ...initialAppState.ui, screen: 'chat' },
  connection: { ...initialAppState.connection, kind: 'sandbox', keyPresent: true, baseUrl: sandbox.baseUrl },
});

async function send(text: string) {
  await app!.press(KEYS.enter);
  for (const ch of text) await app!.press(ch);
  await app!.press(KEYS.enter);
}

describe('the Chat screen on the sandbox', () => {
  it('streams the reply of the chosen model, with usage, and shows base-model shutdown dates', async () => {
    app = await renderWithServices(state(), { provider: provider() });
    await waitFor(app, (f) => /Chat with \S+/.test(f) && !f.includes('(no model yet)'));
    await app.press('m');
    const picker = app.lastFrame();
    expect(picker).toContain('gpt-4o-mini-2024-07-18  shuts down 2027-01-14');
    // choose gpt-4o-mini-2024-07-18 from the list
    const list = app.store.getState().chat.models.list.map((m) => m.id);
    const target = list.indexOf('gpt-4o-mini-2024-07-18');
    const cursor = app.store.getState().chat.picker!.cursor;
    for (let i = cursor; i < target; i++) await app.press('j');
    for (let i = cursor; i > target; i--) await app.press('k');
    await app.press(KEYS.enter);
    expect(app.store.getState().chat.model).toBe('gpt-4o-mini-2024-07-18');
    await send('What is fine-tuning?');
    const frame = await waitFor(app, (f) => /Last reply: \d+ prompt \+ \d+ completion tokens/.test(f));
    const expected = replyText('gpt-4o-mini-2024-07-18', [{ role: 'user', content: 'What is fine-tuning?' }]);
    expect(chatMessages(app.store.getState().chat).at(-1)).toEqual({ role: 'assistant', content: expected });
    expect(frame).toContain('model: [sandbox gpt-4o-mini-2024-07-18]');
  });

  it('keeps the part of a reply that arrived before the connection dropped, and says what happened', async () => {
    // Only the chat request is dropped mid-stream; the model list loads as usual.
    const dropping: typeof fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      const headers = new Headers(init?.headers);
      if (url.endsWith('/chat/completions')) headers.set('x-sandbox-fault', 'drop-stream');
      return fetch(input, { ...init, headers });
    };
    app = await renderWithServices(state(), { provider: provider({ fetch: dropping }) });
    await waitFor(app, (f) => /Chat with \S+/.test(f) && !f.includes('(no model yet)'));
    await send('Hello');
    const frame = await waitFor(app, (f) => /Cannot reach the service|went wrong|internal error/.test(f));
    expect(frame).toContain('you: Hello');
    const { turns, model } = app.store.getState().chat;
    expect(isStreaming(turns)).toBe(false);
    const messages = chatMessages(app.store.getState().chat);
    // About half the answer arrived before the drop: it stays, to read or to correct.
    const full = replyText(model!, [{ role: 'user', content: 'Hello' }]);
    const partial = messages.at(-1)!;
    expect(partial.role).toBe('assistant');
    expect(full.startsWith(partial.content)).toBe(true);
    expect(partial.content.length).toBeGreaterThan(0);
    expect(partial.content.length).toBeLessThan(full.length);
  });

  it('explains a server error on send', async () => {
    app = await renderWithServices(state(), { provider: provider() });
    await waitFor(app, (f) => /Chat with \S+/.test(f) && !f.includes('(no model yet)'));
    app.unmount();
    app = await renderWithServices(
      { ...state(), chat: { ...initialAppState.chat, model: 'gpt-4o-mini-2024-07-18', models: { ...initialAppState.chat.models, requestId: 1 } } },
      { provider: provider({ defaultHeaders: { 'x-sandbox-fault': '500' } }) },
    );
    await send('Hello');
    await waitFor(app, (f) => f.includes('The service had an internal error'));
  });
});
