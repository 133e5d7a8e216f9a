// The files Chat reads and writes: a saved conversation (JSONL, one message a line) and the
// preference (DPO) file pairs are appended to. Errors are DatasetFileError-style plain words
// naming the file and line, never a stack.
import { open, readFile, stat } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { describeFsError } from '../dataset/errors.js';
import { lineFormat, type ChatMessage } from './examples.js';

export class ChatFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChatFileError';
  }
}

/** A saved chat larger than this is not a chat ftui wrote; it is refused rather than read into memory. */
export const MAX_CHAT_FILE_BYTES = 16 * 1024 * 1024;

export interface SavedChat {
  systemPrompt: string;
  messages: ChatMessage[];
}

/** A conversation as JSONL: the system prompt (if any) and then each turn, one message a line. */
export function serializeChat(chat: SavedChat): string {
  const lines = chat.systemPrompt.trim() === '' ? [] : [{ role: 'system', content: chat.systemPrompt }];
  return [...lines, ...chat.messages].map((m) => `${JSON.stringify({ role: m.role, content: m.content })}\n`).join('');
}

/**
 * Reads a saved chat: one message a line (as serializeChat writes), or a dataset line
 * {"messages": [...]} to go on from a training example. Throws ChatFileError naming the line.
 */
export function parseChat(text: string, name: string): SavedChat {
  const messages: ChatMessage[] = [];
  let systemPrompt = '';
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${name}, line ${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new ChatFileError(`${where} is not valid JSON.`);
    }
    const items = typeof value === 'object' && value !== null && Array.isArray((value as { messages?: unknown }).messages) ? ((value as { messages: unknown[] }).messages) : [value];
    items.forEach((item, k) => {
      const at = items.length > 1 ? `${where}, messages[${k}]` : where;
      if (typeof item !== 'object' || item === null) throw new ChatFileError(`${at} is not a message object.`);
      const { role, content } = item as { role?: unknown; content?: unknown };
      if (role !== 'system' && role !== 'user' && role !== 'assistant') throw new ChatFileError(`${at}: role must be system, user or assistant, not ${JSON.stringify(role)}.`);
      if (typeof content !== 'string') throw new ChatFileError(`${at}: content must be text.`);
      if (role === 'system') {
        if (messages.length > 0) throw new ChatFileError(`${at}: a system message can only come first.`);
        systemPrompt = content;
      } else messages.push({ role, content });
    });
  });
  if (messages.length === 0 && systemPrompt === '') throw new ChatFileError(`${name} holds no messages.`);
  return { systemPrompt, messages };
}

export async function saveChatFile(path: string, chat: SavedChat): Promise<void> {
  try {
    await writeFileAtomic(path, serializeChat(chat), 'utf8');
  } catch (error) {
    throw new ChatFileError(`${path}: ${describeFsError(error)}`);
  }
}

export async function loadChatFile(path: string): Promise<SavedChat> {
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ChatFileError(`${path} is not a file.`);
    if (info.size > MAX_CHAT_FILE_BYTES) throw new ChatFileError(`${path} is ${Math.round(info.size / 1024 / 1024)} MB: larger than any saved chat (at most 16 MB).`);
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof ChatFileError) throw error;
    throw new ChatFileError(`${path}: ${describeFsError(error)}`);
  }
  return parseChat(text, path);
}

/** How much of a file's start is read to learn its format: the first example is in it. */
const HEAD_BYTES = 1024 * 1024;

/**
 * Appends one preference example to a DPO file, creating it when missing. A file whose first
 * example is a chat (`messages`) example is refused: the validator rejects a file that mixes the
 * two (mixed_formats), and the fine-tuning API takes one method's format per file.
 * Returns whether the file was created.
 */
export async function appendPreferenceLine(path: string, line: string): Promise<{ created: boolean }> {
  let handle;
  try {
    // Looked at before opening: opening a FIFO or a device to append could block or write to it.
    const existing = await stat(path).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : Promise.reject(error)));
    if (existing !== null && !existing.isFile()) throw new ChatFileError(`${path} is not a file.`);
    handle = await open(path, 'a+');
  } catch (error) {
    if (error instanceof ChatFileError) throw error;
    throw new ChatFileError(`${path}: ${describeFsError(error)}`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new ChatFileError(`${path} is not a file.`);
    let prefix = '';
    if (info.size > 0) {
      const head = Buffer.alloc(Math.min(info.size, HEAD_BYTES));
      await handle.read(head, 0, head.length, 0);
      const first = head.toString('utf8').split(/\r?\n/).find((l) => l.trim() !== '');
      const format = first === undefined ? 'other' : lineFormat(first);
      if (format === 'chat') throw new ChatFileError(`${path} holds chat (messages) examples; preference pairs go in a file of their own (a file that mixes the two is rejected).`);
      if (first !== undefined && format !== 'preference') throw new ChatFileError(`${path} does not start with a preference example; choose another file for the pairs.`);
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, info.size - 1);
      if (last[0] !== 0x0a) prefix = '\n';
    }
    await handle.write(`${prefix}${line}\n`);
    await handle.sync();
    return { created: info.size === 0 };
  } catch (error) {
    if (error instanceof ChatFileError) throw error;
    throw new ChatFileError(`${path}: ${describeFsError(error)}`);
  } finally {
    await handle.close();
  }
}
