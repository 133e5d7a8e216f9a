// A multi-line text being typed, as plain data: the reducer edits it, the screen draws it.
// The cursor is an offset into `text` (UTF-16), kept on code point boundaries.

export interface TextField {
  text: string;
  cursor: number;
}

export type TextKey = 'backspace' | 'delete' | 'left' | 'right' | 'home' | 'end' | 'up' | 'down' | 'newline';

export function textField(text: string): TextField {
  return { text, cursor: text.length };
}

/** Inserts typed or pasted text; a paste's \r\n or \r become \n. */
export function insertText(field: TextField, input: string): TextField {
  const clean = input.replace(/\r\n?/g, '\n');
  return { text: field.text.slice(0, field.cursor) + clean + field.text.slice(field.cursor), cursor: field.cursor + clean.length };
}

function previousBoundary(text: string, at: number): number {
  if (at <= 0) return 0;
  const code = text.charCodeAt(at - 1);
  return code >= 0xdc00 && code <= 0xdfff && at >= 2 ? at - 2 : at - 1;
}

function nextBoundary(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const code = text.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff ? at + 2 : at + 1;
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function lineEnd(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end === -1 ? text.length : end;
}

export function applyTextKey(field: TextField, key: TextKey): TextField {
  const { text, cursor } = field;
  switch (key) {
    case 'backspace': {
      const at = previousBoundary(text, cursor);
      return { text: text.slice(0, at) + text.slice(cursor), cursor: at };
    }
    case 'delete':
      return { text: text.slice(0, cursor) + text.slice(nextBoundary(text, cursor)), cursor };
    case 'left':
      return { text, cursor: previousBoundary(text, cursor) };
    case 'right':
      return { text, cursor: nextBoundary(text, cursor) };
    case 'home':
      return { text, cursor: lineStart(text, cursor) };
    case 'end':
      return { text, cursor: lineEnd(text, cursor) };
    case 'up': {
      const start = lineStart(text, cursor);
      if (start === 0) return { text, cursor: 0 };
      const prevStart = lineStart(text, start - 1);
      return { text, cursor: Math.min(prevStart + (cursor - start), start - 1) };
    }
    case 'down': {
      const end = lineEnd(text, cursor);
      if (end === text.length) return { text, cursor: text.length };
      const start = lineStart(text, cursor);
      return { text, cursor: Math.min(end + 1 + (cursor - start), lineEnd(text, end + 1)) };
    }
    case 'newline':
      return insertText(field, '\n');
  }
}
