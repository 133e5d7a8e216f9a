import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateFile } from '../../../src/core/validate/index.js';
import type { ModelRecord } from '../../../src/core/domain.js';
import {
  chatMessages,
  chatTextFocused,
  chatUnsavedWork,
  conversationExample,
  initialChatState,
  isStreaming,
  lastAssistant,
  preferencePair,
  reduceChat,
  shownReply,
  type ChatAction,
  type ChatState,
} from '../../../src/store/slices/chat.js';

const NOW = Date.UTC(2026, 10, 1);
/** The validator's report for these JSONL lines, as `ftui validate` would give it. */
function validateText(text: string, options: { model: string }) {
  const path = join(mkdtempSync(join(tmpdir(), 'ftui-chat-slice-')), 'data.jsonl');
  writeFileSync(path, text);
  return validateFile(path, options);
}
/** Every finding but the file-level minimum of 10 examples, which one line cannot meet. */
const findings = (report: Awaited<ReturnType<typeof validateFile>>) => report.findings.filter((f) => f.code !== 'too_few_examples').map((f) => f.code);
const run = (actions: ChatAction[], state: ChatState = initialChatState) => actions.reduce(reduceChat, state);
const model = (id: string, extra: Partial<ModelRecord> = {}): ModelRecord => ({ id, ownedBy: 'me', createdAt: 0, shutdownDate: null, ...extra });
const FT = 'ft:gpt-4o-mini-2024-07-18:acme::abc';
const BASE = 'gpt-4o-mini-2024-07-18';
const models = [
  model('gpt-4o-mini'),
  model(FT, { fineTuned: true, baseModel: BASE }),
  model(BASE),
  model('a-model'),
  model('old-model', { shutdownDate: Date.UTC(2026, 0, 1) }),
  model('ft:together-x', { fineTuned: true, baseModel: 'meta-llama', needsDeployment: true }),
];
const ready = run([{ type: 'chat/modelsLoaded', models, now: NOW }]);
const send = (text: string, connected = true): ChatAction[] => [{ type: 'chat/setDraft', text }, { type: 'chat/send', at: NOW, connected }];
const ids = (s: ChatState) => lastAssistant(s.turns)!.columns.map((c) => c.at(-1)!.id);
/** Streams `texts[i]` into the i-th column's newest reply and finishes them. */
function answer(s: ChatState, ...texts: string[]): ChatState {
  const streaming = ids(s);
  return run(
    streaming.flatMap((id, i): ChatAction[] => [
      { type: 'chat/streamDelta', id, text: texts[i] ?? '', at: NOW + 100 },
      { type: 'chat/streamDone', id, usage: { promptTokens: 10, completionTokens: 5 }, at: NOW + 900 },
    ]),
    s,
  );
}

describe('chat slice: models', () => {
  it('lists fine-tuned models first, shut-down ones last, and chooses the first working fine-tune', () => {
    expect(ready.models.list.map((m) => m.id)).toEqual(['ft:gpt-4o-mini-2024-07-18:acme::abc', 'ft:together-x', 'a-model', 'gpt-4o-mini', BASE, 'old-model']);
    expect(ready.model).toBe(FT);
    // Compared with its base by default.
    expect(ready.compare).toEqual({ on: false, model: BASE });
  });

  it('knows a shutdown from ftui\'s model table when the service does not list one, and refuses a model that has shut down', () => {
    const s = run([{ type: 'chat/modelsLoaded', models: [model('gpt-3.5-turbo-0125'), model('gpt-4.1-mini-2025-04-14')], now: NOW }]);
    // gpt-3.5-turbo-0125 shut down on 2026-10-23 (src/core/models.ts); the clock says 2026-11-01.
    expect(s.models.list.map((m) => m.id)).toEqual(['gpt-4.1-mini-2025-04-14', 'gpt-3.5-turbo-0125']);
    expect(s.model).toBe('gpt-4.1-mini-2025-04-14');
    const refused = run([{ type: 'chat/openPicker', side: 0 }, { type: 'chat/pickModel', model: 'gpt-3.5-turbo-0125', now: NOW }], s);
    expect(refused.model).toBe('gpt-4.1-mini-2025-04-14');
    expect(refused.notice?.text).toMatch(/has shut down/);
  });

  it('moves the picker within the list; choosing a fine-tune compares with its base, the second picker chooses the compared model', () => {
    const s = run([{ type: 'chat/openPicker', side: 0 }, { type: 'chat/movePicker', delta: 50 }], ready);
    expect(s.picker).toEqual({ cursor: 5, side: 0 });
    expect(run([{ type: 'chat/pickModel', model: 'gpt-4o-mini', now: NOW }], s)).toMatchObject({ model: 'gpt-4o-mini', picker: null, compare: { model: BASE } });
    const compared = run([{ type: 'chat/openPicker', side: 1 }, { type: 'chat/pickModel', model: 'a-model', now: NOW }], ready);
    expect(compared).toMatchObject({ model: FT, compare: { on: true, model: 'a-model' } });
  });

  it('starts with a model from the Jobs screen, compared with the base the job trained from', () => {
    const s = run([{ type: 'chat/startWith', model: `${FT}:ckpt-step-10`, baseModel: 'gpt-4.1-mini-2025-04-14' }], ready);
    expect(s.model).toBe(`${FT}:ckpt-step-10`);
    expect(s.compare.model).toBe('gpt-4.1-mini-2025-04-14');
  });
});

describe('chat slice: sending', () => {
  it('sends the draft, collects streamed text with its timing, and finishes the reply', () => {
    let s = run(send(' Hello '), ready);
    expect(s.draft).toBe('');
    expect(s.turns[0]).toEqual({ role: 'user', content: 'Hello' });
    expect(isStreaming(s.turns)).toBe(true);
    const [id] = ids(s);
    s = run(
      [
        { type: 'chat/streamDelta', id: id!, text: 'Hi ', at: NOW + 300 },
        { type: 'chat/streamDelta', id: id! + 99, text: 'stale', at: NOW + 301 },
        { type: 'chat/streamDelta', id: id!, text: 'there', at: NOW + 400 },
        { type: 'chat/streamDone', id: id!, usage: { promptTokens: 5, completionTokens: 2 }, at: NOW + 1200 },
      ],
      s,
    );
    const reply = shownReply(lastAssistant(s.turns)!)!;
    expect(reply).toMatchObject({ model: FT, text: 'Hi there', state: 'done', usage: { promptTokens: 5, completionTokens: 2 }, sentAt: NOW, firstTokenAt: NOW + 300, finishedAt: NOW + 1200 });
    expect(reply.input).toEqual([{ role: 'user', content: 'Hello' }]);
    expect(isStreaming(s.turns)).toBe(false);
  });

  it('says why nothing was sent: no connection, no model (and why), a model that needs a deployment; the draft stays', () => {
    const offline = run(send('Hi', false), ready);
    expect(offline.notice?.text).toMatch(/^Not connected/);
    expect(offline.draft).toBe('Hi');
    expect(run(send('Hi'), { ...initialChatState, models: { ...initialChatState.models, loading: true } }).notice?.text).toMatch(/still loading/);
    const failed = run([{ type: 'chat/modelsFailed', error: { kind: 'network', message: 'down', retryAfterMs: null, param: null } }, ...send('Hi')]);
    expect(failed.notice?.text).toMatch(/model list did not load \(R tries again\)/);
    expect(run(send('Hi')).notice?.text).toMatch(/press m/);
    const undeployed = run([{ type: 'chat/openPicker', side: 0 }, { type: 'chat/pickModel', model: 'ft:together-x', now: NOW }, ...send('Hi')], ready);
    expect(undeployed.notice?.text).toMatch(/must be deployed before it can answer/);
    expect(undeployed.turns).toEqual([]);
  });

  it('does not send an empty draft, or while a reply streams', () => {
    expect(run(send('   '), ready).turns).toEqual([]);
    const streaming = run([...send('a'), ...send('b')], ready);
    expect(streaming.turns).toHaveLength(2);
    expect(streaming.draft).toBe('b');
  });

  it('keeps the partial reply when the stream fails, with the error, and leaves it out of what the model sees next', () => {
    let s = run(send('q'), ready);
    const [id] = ids(s);
    s = run([{ type: 'chat/streamDelta', id: id!, text: 'part', at: NOW }, { type: 'chat/streamFailed', id: id!, error: { kind: 'network', message: 'reset', retryAfterMs: null, param: null }, at: NOW }], s);
    expect(shownReply(lastAssistant(s.turns)!)).toMatchObject({ text: 'part', state: 'failed', error: { kind: 'network' } });
    const empty = run([...send('again')], run([{ type: 'chat/streamFailed', id: ids(run(send('x'), ready))[0]!, error: { kind: 'server', message: '', retryAfterMs: null, param: null }, at: NOW }], run(send('x'), ready)));
    // A reply that never got text is not part of the conversation the next request carries.
    expect(shownReply(lastAssistant(empty.turns)!)!.input).toEqual([
      { role: 'user', content: 'x' },
      { role: 'user', content: 'again' },
    ]);
  });

  it('stops every streaming reply, keeping what arrived', () => {
    let s = run([{ type: 'chat/toggleCompare' }, ...send('q')], ready);
    const [a] = ids(s);
    s = run([{ type: 'chat/streamDelta', id: a!, text: 'half', at: NOW }, { type: 'chat/stopStream', at: NOW + 5 }], s);
    const last = lastAssistant(s.turns)!;
    expect(last.columns.map((c) => [c[0]!.state, c[0]!.text])).toEqual([
      ['stopped', 'half'],
      ['stopped', ''],
    ]);
    expect(isStreaming(s.turns)).toBe(false);
  });
});

describe('chat slice: compare, pick, regenerate', () => {
  it('sends one message to both models with the same messages, side by side', () => {
    const s = run([{ type: 'chat/setSystemPrompt', text: 'Be brief.' }, { type: 'chat/toggleCompare' }, ...send('Capital of France?')], ready);
    const last = lastAssistant(s.turns)!;
    expect(last.columns.map((c) => c[0]!.model)).toEqual([FT, BASE]);
    expect(last.columns[0]![0]!.input).toEqual(last.columns[1]![0]!.input);
    expect(last.columns[0]![0]!.input).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Capital of France?' },
    ]);
    expect(new Set(ids(s)).size).toBe(2);
  });

  it('goes on with the picked reply, and the next message is sent to both with it', () => {
    let s = answer(run([{ type: 'chat/toggleCompare' }, ...send('Q1')], ready), 'fine-tune says', 'base says');
    s = run([{ type: 'chat/pickColumn', column: 1 }], s);
    expect(chatMessages(s)).toEqual([
      { role: 'user', content: 'Q1' },
      { role: 'assistant', content: 'base says' },
    ]);
    s = run(send('Q2'), s);
    expect(lastAssistant(s.turns)!.columns[0]![0]!.input.at(-2)).toEqual({ role: 'assistant', content: 'base says' });
  });

  it('regenerates the picked reply with the same request, keeping the earlier one reachable', () => {
    let s = answer(run(send('Q'), ready), 'first');
    s = run([{ type: 'chat/regenerate', at: NOW + 2000 }], s);
    const last = lastAssistant(s.turns)!;
    expect(last.columns[0]).toHaveLength(2);
    expect(last.shown[0]).toBe(1);
    expect(last.columns[0]![1]).toMatchObject({ model: FT, state: 'streaming', input: last.columns[0]![0]!.input });
    s = answer(s, 'second');
    expect(shownReply(lastAssistant(s.turns)!)!.text).toBe('second');
    s = run([{ type: 'chat/showVersion', delta: -1 }], s);
    expect(shownReply(lastAssistant(s.turns)!)!.text).toBe('first');
    expect(run([{ type: 'chat/showVersion', delta: -1 }], s)).toBe(s);
  });
});

describe('chat slice: what goes into the dataset', () => {
  it('the whole conversation, system prompt and every turn with the picked replies, is one example that validates clean', async () => {
    let s = run([{ type: 'chat/setSystemPrompt', text: 'You are terse.' }], ready);
    for (const [q, a] of [['One?', '1.'], ['Two?', '2.'], ['Three?', '3.']] as const) s = answer(run(send(q), s), a);
    const line = conversationExample(s.systemPrompt, s.turns)!;
    expect(JSON.parse(line)).toEqual({
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'One?' },
        { role: 'assistant', content: '1.' },
        { role: 'user', content: 'Two?' },
        { role: 'assistant', content: '2.' },
        { role: 'user', content: 'Three?' },
        { role: 'assistant', content: '3.' },
      ],
    });
    const report = await validateText(`${line}\n`, { model: 'gpt-4o-mini' });
    expect(findings(report)).toEqual([]);
    expect(JSON.parse(conversationExample(s.systemPrompt, s.turns, '3!')!).messages.at(-1)).toEqual({ role: 'assistant', content: '3!' });
  });

  it('has no example while nothing was answered, or while a reply streams', () => {
    expect(conversationExample('', ready.turns)).toBeNull();
    expect(conversationExample('', run(send('Q'), ready).turns)).toBeNull();
    expect(run([{ type: 'chat/startEdit' }], ready).edit).toBeNull();
  });

  it('a comparison gives a preference pair in the API\'s format: the picked reply preferred', async () => {
    let s = answer(run([{ type: 'chat/setSystemPrompt', text: 'Be kind.' }, { type: 'chat/toggleCompare' }, ...send('Hi')], ready), 'Hello! How can I help?', 'hi');
    let pair = preferencePair(s.turns);
    expect('line' in pair && JSON.parse(pair.line)).toEqual({
      input: { messages: [{ role: 'system', content: 'Be kind.' }, { role: 'user', content: 'Hi' }] },
      preferred_output: [{ role: 'assistant', content: 'Hello! How can I help?' }],
      non_preferred_output: [{ role: 'assistant', content: 'hi' }],
    });
    expect(pair).toMatchObject({ preferred: FT, nonPreferred: BASE });
    s = run([{ type: 'chat/pickColumn', column: 1 }], s);
    pair = preferencePair(s.turns);
    expect('line' in pair && JSON.parse(pair.line).preferred_output[0].content).toBe('hi');
    const report = await validateText(`${'line' in pair ? pair.line : ''}\n`, { model: 'gpt-4o-mini' });
    expect(findings(report)).toEqual([]);
    expect(report.file.preferenceExamples).toBe(1);
  });

  it('a pair needs two different finished replies; a regeneration or a correction gives one too', () => {
    const one = answer(run(send('Q'), ready), 'only');
    expect(preferencePair(one.turns)).toEqual({ problem: 'no_pair' });
    expect(preferencePair(run(send('Q'), ready).turns)).toEqual({ problem: 'streaming' });
    const same = answer(run([{ type: 'chat/toggleCompare' }, ...send('Q')], ready), 'same', 'same');
    expect(preferencePair(same.turns)).toEqual({ problem: 'identical' });
    const regenerated = answer(run([{ type: 'chat/regenerate', at: NOW }], one), 'better');
    expect(preferencePair(regenerated.turns)).toMatchObject({ preferred: FT, nonPreferred: FT });
    const corrected = run([{ type: 'chat/startEdit' }, { type: 'chat/correctionAdded', text: 'corrected', at: NOW, message: 'Added' }], one);
    const pair = preferencePair(corrected.turns);
    expect('line' in pair && JSON.parse(pair.line)).toMatchObject({ preferred_output: [{ content: 'corrected' }], non_preferred_output: [{ content: 'only' }] });
    expect(pair).toMatchObject({ preferred: 'your correction', nonPreferred: FT });
  });

  it('a correction is edited in a multi-line field, kept as a version of its own once added, and counts as unsaved until then', () => {
    let s = answer(run(send('Capital of France?'), ready), 'Lyon');
    s = run([{ type: 'chat/startEdit' }], s);
    expect(s.edit).toEqual({ text: 'Lyon' });
    expect(s.field?.multiline).toBe(true);
    expect(chatTextFocused(s)).toBe(true);
    expect(chatUnsavedWork(s)).toMatch(/corrected answer/);
    s = run([{ type: 'chat/fieldKey', key: { name: 'ctrl+u', text: null } }, { type: 'chat/fieldKey', key: { name: null, text: 'Paris\nof course', paste: true } }], s);
    expect(s.edit).toEqual({ text: 'Paris\nof course' });
    s = run([{ type: 'chat/correctionAdded', text: s.edit!.text, at: NOW, message: 'Added' }], s);
    expect(s.edit).toBeNull();
    expect(chatTextFocused(s)).toBe(false);
    expect(chatMessages(s).at(-1)).toEqual({ role: 'assistant', content: 'Paris\nof course' });
    expect(lastAssistant(s.turns)!.columns[0]!.map((r) => [r.text, r.edited])).toEqual([
      ['Lyon', false],
      ['Paris\nof course', true],
    ]);
  });
});

describe('chat slice: system prompt, scrolling, saved chats', () => {
  it('follows the dataset\'s shared system prompt until the user writes one', () => {
    const prompt = { text: 'You answer in one short sentence.', shared: 12, of: 12 };
    let s = run([{ type: 'chat/datasetSystemPrompt', path: '/d/train.jsonl', prompt }], ready);
    expect(s.systemPrompt).toBe(prompt.text);
    expect(s.systemSource).toEqual({ kind: 'dataset', path: '/d/train.jsonl', shared: 12, of: 12 });
    s = run([{ type: 'chat/datasetSystemPrompt', path: '/d/other.jsonl', prompt: null }], s);
    expect(s.systemPrompt).toBe('');
    s = run([{ type: 'chat/setSystemPrompt', text: 'Mine.' }, { type: 'chat/datasetSystemPrompt', path: '/d/train.jsonl', prompt }], s);
    expect(s.systemPrompt).toBe('Mine.');
  });

  it('scrolls by lines and pages, follows the end again at the bottom, and a new message follows it', () => {
    let s = run([{ type: 'chat/scrollBy', delta: -1, lines: 50, rows: 10 }], ready);
    expect(s.scrollTop).toBe(39);
    s = run([{ type: 'chat/scrollBy', delta: -100, lines: 50, rows: 10 }], s);
    expect(s.scrollTop).toBe(0);
    s = run([{ type: 'chat/scrollBy', delta: 40, lines: 50, rows: 10 }], s);
    expect(s.scrollTop).toBeNull();
    s = run([{ type: 'chat/scroll', to: 'top' }, ...send('x')], s);
    expect(s.scrollTop).toBeNull();
    // A transcript shorter than the window has nowhere to scroll.
    expect(run([{ type: 'chat/scrollBy', delta: -1, lines: 5, rows: 10 }], ready)).toBe(ready);
  });

  it('loads a saved conversation to go on with it', () => {
    const s = run([{ type: 'chat/loaded', systemPrompt: 'Sys', messages: [{ role: 'user', content: 'a' }, { role: 'assistant', content: 'b' }], message: 'Opened' }], ready);
    expect(chatMessages(s)).toEqual([
      { role: 'user', content: 'a' },
      { role: 'assistant', content: 'b' },
    ]);
    expect(s.systemPrompt).toBe('Sys');
    const next = run(send('c'), s);
    expect(shownReply(lastAssistant(next.turns)!)!.input).toEqual([
      { role: 'system', content: 'Sys' },
      { role: 'user', content: 'a' },
      { role: 'assistant', content: 'b' },
      { role: 'user', content: 'c' },
    ]);
  });

  it('reports a running stream as unsaved work, and the focused field to the shell', () => {
    expect(chatUnsavedWork(run(send('q'), ready))).toMatch(/streaming/);
    expect(chatTextFocused(run([{ type: 'chat/focus', focus: 'input' }]))).toBe(true);
    expect(chatTextFocused(run([{ type: 'chat/openPath', purpose: 'save', initial: 'x.jsonl' }, { type: 'chat/closePath' }]))).toBe(false);
  });
});
