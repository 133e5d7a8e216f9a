import { describe, expect, it } from 'vitest';
import type { ModelRecord } from '../../../src/core/domain.js';
import {
  chatTextFocused,
  chatUnsavedWork,
  exampleFromLastExchange,
  initialChatState,
  reduceChat,
  type ChatAction,
  type ChatState,
} from '../../../src/store/slices/chat.js';

const run = (actions: ChatAction[], state: ChatState = initialChatState) => actions.reduce(reduceChat, state);
const model = (id: string) => ({ id, ownedBy: 'me', createdAt: 0, shutdownDate: null }) as unknown as ModelRecord;
const ready = run([{ type: 'chat/modelsLoaded', models: [model('gpt-4o-mini'), model('ft:gpt-4o-mini-2024-07-18:acme::abc'), model('a-model')] }]);

describe('chat slice', () => {
  it('lists fine-tuned models first and picks the first one', () => {
    expect(ready.models.list.map((m) => m.id)).toEqual(['ft:gpt-4o-mini-2024-07-18:acme::abc', 'a-model', 'gpt-4o-mini']);
    expect(ready.model).toBe('ft:gpt-4o-mini-2024-07-18:acme::abc');
  });

  it('sends the draft, collects streamed text, and files the answer when done', () => {
    let s = run([{ type: 'chat/setDraft', text: ' Hello ' }, { type: 'chat/send' }], ready);
    expect(s.draft).toBe('');
    expect(s.messages).toEqual([{ role: 'user', content: 'Hello' }]);
    const id = s.stream!.id;
    s = run(
      [
        { type: 'chat/streamDelta', id, text: 'Hi ' },
        { type: 'chat/streamDelta', id: id + 99, text: 'stale' },
        { type: 'chat/streamDelta', id, text: 'there' },
        { type: 'chat/streamDone', id, usage: { promptTokens: 5, completionTokens: 2 } },
      ],
      s,
    );
    expect(s.stream).toBeNull();
    expect(s.messages.at(-1)).toEqual({ role: 'assistant', content: 'Hi there' });
    expect(s.usage).toEqual({ promptTokens: 5, completionTokens: 2 });
  });

  it('does not send an empty draft, without a model, or while a reply streams', () => {
    expect(run([{ type: 'chat/setDraft', text: '   ' }, { type: 'chat/send' }], ready).stream).toBeNull();
    expect(run([{ type: 'chat/setDraft', text: 'x' }, { type: 'chat/send' }]).stream).toBeNull();
    const streaming = run([{ type: 'chat/setDraft', text: 'a' }, { type: 'chat/send' }, { type: 'chat/setDraft', text: 'b' }, { type: 'chat/send' }], ready);
    expect(streaming.messages).toHaveLength(1);
    expect(streaming.draft).toBe('b');
  });

  it('keeps the partial answer when the stream fails, with the error', () => {
    let s = run([{ type: 'chat/setDraft', text: 'q' }, { type: 'chat/send' }], ready);
    const id = s.stream!.id;
    s = run([{ type: 'chat/streamDelta', id, text: 'part' }, { type: 'chat/streamFailed', id, error: { kind: 'network', message: 'reset', retryAfterMs: null, param: null } }], s);
    expect(s.messages.at(-1)).toEqual({ role: 'assistant', content: 'part' });
    expect(s.error?.kind).toBe('network');
  });

  it('turns the last exchange, or a corrected answer, into one JSONL training example', () => {
    let s = run([{ type: 'chat/setSystemPrompt', text: 'Be brief.' }, { type: 'chat/setDraft', text: 'Capital of France?' }, { type: 'chat/send' }], ready);
    const id = s.stream!.id;
    s = run([{ type: 'chat/streamDelta', id, text: 'Lyon' }, { type: 'chat/streamDone', id, usage: null }], s);
    expect(JSON.parse(exampleFromLastExchange(s)!)).toEqual({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Capital of France?' },
        { role: 'assistant', content: 'Lyon' },
      ],
    });
    s = run([{ type: 'chat/startEdit' }], s);
    expect(s.edit).toEqual({ text: 'Lyon' });
    expect(chatTextFocused(s)).toBe(true);
    expect(chatUnsavedWork(s)).toMatch(/corrected answer/);
    s = run([{ type: 'chat/setEdit', text: 'Paris' }], s);
    expect(JSON.parse(exampleFromLastExchange(s, s.edit!.text)!).messages[2]).toEqual({ role: 'assistant', content: 'Paris' });
    s = run([{ type: 'chat/exampleSaved', message: 'Added' }], s);
    expect(s.edit).toBeNull();
    expect(chatTextFocused(s)).toBe(false);
  });

  it('has no example while nothing was answered', () => {
    expect(exampleFromLastExchange(ready)).toBeNull();
    expect(run([{ type: 'chat/startEdit' }], ready).edit).toBeNull();
  });

  it('reports a running stream as unsaved work, and the focused field to the shell', () => {
    const s = run([{ type: 'chat/setDraft', text: 'q' }, { type: 'chat/send' }], ready);
    expect(chatUnsavedWork(s)).toMatch(/streaming/);
    expect(chatTextFocused(run([{ type: 'chat/focus', focus: 'input' }]))).toBe(true);
    expect(chatTextFocused(run([{ type: 'chat/focusText', focused: true }, { type: 'chat/focusText', focused: false }]))).toBe(false);
  });

  it('moves the model picker within the list', () => {
    const s = run([{ type: 'chat/openPicker' }, { type: 'chat/movePicker', delta: 5 }], ready);
    expect(s.picker?.cursor).toBe(2);
    expect(run([{ type: 'chat/pickModel', model: 'gpt-4o-mini' }], s)).toMatchObject({ model: 'gpt-4o-mini', picker: null });
  });
});
