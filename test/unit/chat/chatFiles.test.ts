import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendPreferenceLine, ChatFileError, loadChatFile, parseChat, saveChatFile, serializeChat } from '../../../src/core/chat/chatFiles.js';
import { preferenceExample, supervisedExample } from '../../../src/core/chat/examples.js';

const dir = () => mkdtempSync(join(tmpdir(), 'ftui-chatfiles-'));
const pair = (n: number) => (preferenceExample([{ role: 'user', content: `q${n}` }], `good ${n}`, `bad ${n}`) as { line: string }).line;
const chatLine = (system: string | null, n = 0) => JSON.stringify({ messages: [...(system === null ? [] : [{ role: 'system', content: system }]), { role: 'user', content: `u${n}` }, { role: 'assistant', content: `a${n}` }] });

describe('saved chats', () => {
  it('round-trip as JSONL of messages, the system prompt first', async () => {
    const path = join(dir(), 'chat.jsonl');
    const chat = { systemPrompt: 'Be brief.', messages: [{ role: 'user' as const, content: 'Hi\nthere' }, { role: 'assistant' as const, content: 'Hello.' }] };
    await saveChatFile(path, chat);
    expect(readFileSync(path, 'utf8')).toBe(serializeChat(chat));
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe('{"role":"system","content":"Be brief."}');
    expect(await loadChatFile(path)).toEqual(chat);
  });

  it('open a dataset line to go on from a training example', () => {
    expect(parseChat(chatLine('S'), 'x.jsonl')).toEqual({ systemPrompt: 'S', messages: [{ role: 'user', content: 'u0' }, { role: 'assistant', content: 'a0' }] });
  });

  it('name the file and line of what they cannot read', async () => {
    expect(() => parseChat('{"role":"user","content":"a"}\nnot json\n', 'c.jsonl')).toThrow(new ChatFileError('c.jsonl, line 2 is not valid JSON.'));
    expect(() => parseChat('{"role":"tool","content":"a"}', 'c.jsonl')).toThrow(/c\.jsonl, line 1: role must be system, user or assistant, not "tool"/);
    expect(() => parseChat('{"role":"user","content":[1]}', 'c.jsonl')).toThrow(/line 1: content must be text/);
    expect(() => parseChat('{"role":"user","content":"a"}\n{"role":"system","content":"s"}', 'c.jsonl')).toThrow(/line 2: a system message can only come first/);
    expect(() => parseChat('\n\n', 'c.jsonl')).toThrow(/holds no messages/);
    const d = dir();
    await expect(loadChatFile(d)).rejects.toThrow(`${d} is not a file.`);
    const big = join(d, 'big.jsonl');
    writeFileSync(big, Buffer.alloc(17 * 1024 * 1024, 0x20));
    await expect(loadChatFile(big)).rejects.toThrow(/larger than any saved chat/);
  });
});

describe('the preference file', () => {
  it('is created by the first pair and takes the next ones on lines of their own, even after a file without a final newline', async () => {
    const path = join(dir(), 'pairs.jsonl');
    expect(await appendPreferenceLine(path, pair(1))).toEqual({ created: true });
    writeFileSync(path, readFileSync(path, 'utf8').trimEnd());
    expect(await appendPreferenceLine(path, pair(2))).toEqual({ created: false });
    expect(readFileSync(path, 'utf8')).toBe(`${pair(1)}\n${pair(2)}\n`);
  });

  it('is never a file of chat examples, or one that starts with something else, or a folder', async () => {
    const d = dir();
    const chat = join(d, 'train.jsonl');
    writeFileSync(chat, `${chatLine('S')}\n`);
    await expect(appendPreferenceLine(chat, pair(1))).rejects.toThrow(/holds chat \(messages\) examples; preference pairs go in a file of their own/);
    const other = join(d, 'notes.txt');
    writeFileSync(other, 'hello\n');
    await expect(appendPreferenceLine(other, pair(1))).rejects.toThrow(/does not start with a preference example/);
    expect(readFileSync(chat, 'utf8')).toBe(`${chatLine('S')}\n`);
    expect(readFileSync(other, 'utf8')).toBe('hello\n');
    mkdirSync(join(d, 'folder.jsonl'));
    await expect(appendPreferenceLine(join(d, 'folder.jsonl'), pair(1))).rejects.toThrow(/is not a file/);
    await expect(appendPreferenceLine(join(d, 'missing', 'p.jsonl'), pair(1))).rejects.toThrow(/the file or its folder does not exist/);
  });
});

describe('examples from a conversation', () => {
  it('a supervised example needs a user turn and ends with a reply; empty turns are left out', () => {
    expect(supervisedExample('', [{ role: 'user', content: 'a' }])).toBeNull();
    expect(supervisedExample('', [{ role: 'assistant', content: 'a' }])).toBeNull();
    expect(JSON.parse(supervisedExample('', [{ role: 'user', content: 'a' }, { role: 'assistant', content: '' }, { role: 'user', content: 'b' }, { role: 'assistant', content: 'c' }])!)).toEqual({
      messages: [
        { role: 'user', content: 'a' },
        { role: 'user', content: 'b' },
        { role: 'assistant', content: 'c' },
      ],
    });
  });

  it('a pair needs the user\'s turn last and two different replies with text', () => {
    expect(preferenceExample([{ role: 'assistant', content: 'x' }], 'a', 'b')).toEqual({ problem: 'no_user_turn' });
    expect(preferenceExample([{ role: 'user', content: 'x' }], 'a', ' ')).toEqual({ problem: 'empty_reply' });
    expect(preferenceExample([{ role: 'user', content: 'x' }], 'a', 'a')).toEqual({ problem: 'identical' });
  });
});
