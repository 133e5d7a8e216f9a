// Where a JSON text goes wrong. JSON.parse's messages differ between Node versions and do not
// always carry a position, so a failed line is re-scanned by this small recogniser of RFC 8259
// to report the line's first bad character by column. Only runs on lines that failed to parse.

export interface JsonSyntaxError {
  /** 0-based UTF-16 offset of the first character that cannot be part of valid JSON. */
  offset: number;
  message: string;
}

class Scanner {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(message: string): never {
    throw { offset: this.pos, message } satisfies JsonSyntaxError;
  }

  describe(): string {
    if (this.pos >= this.text.length) return 'the line ends too early';
    const code = this.text.codePointAt(this.pos) ?? 0;
    const ch = String.fromCodePoint(code);
    return code < 0x20 ? `unexpected control character U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `unexpected ${JSON.stringify(ch)}`;
  }

  ws(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.pos++;
      else break;
    }
  }

  value(depth: number): void {
    if (depth > 2_000) this.fail('nesting is too deep to check further');
    this.ws();
    const c = this.text[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    if (c === "'") this.fail('strings must use double quotes');
    this.fail(`expected a value: ${this.describe()}`);
  }

  object(depth: number): void {
    this.pos++;
    this.ws();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.ws();
      if (this.text[this.pos] !== '"') this.fail(`expected a "quoted" property name: ${this.describe()}`);
      this.string();
      this.ws();
      if (this.text[this.pos] !== ':') this.fail(`expected ':' after the property name: ${this.describe()}`);
      this.pos++;
      this.value(depth + 1);
      this.ws();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        this.ws();
        if (this.text[this.pos] === '}') this.fail('trailing comma before }');
        continue;
      }
      if (c === '}') {
        this.pos++;
        return;
      }
      this.fail(`expected ',' or '}': ${this.describe()}`);
    }
  }

  array(depth: number): void {
    this.pos++;
    this.ws();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (;;) {
      this.value(depth + 1);
      this.ws();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        this.ws();
        if (this.text[this.pos] === ']') this.fail('trailing comma before ]');
        continue;
      }
      if (c === ']') {
        this.pos++;
        return;
      }
      this.fail(`expected ',' or ']': ${this.describe()}`);
    }
  }

  string(): void {
    const t = this.text;
    this.pos++;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 0x22) {
        this.pos++;
        return;
      }
      if (c < 0x20) this.fail(`${this.describe()} inside a string (escape it)`);
      if (c === 0x5c) {
        const e = t[this.pos + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(this.pos + 2, this.pos + 6))) this.fail('bad \\u escape: four hex digits expected');
          this.pos += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) {
          this.pos++;
          this.fail(`bad escape \\${e ?? ''}`);
        }
        this.pos += 2;
        continue;
      }
      this.pos++;
    }
    this.fail('unterminated string');
  }

  number(): void {
    const match = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!match) this.fail(`bad number: ${this.describe()}`);
    this.pos += match[0].length;
  }
}

/** The first syntax error of a text that JSON.parse rejected; null when it is valid after all. */
export function locateJsonError(text: string): JsonSyntaxError | null {
  const scanner = new Scanner(text);
  try {
    scanner.ws();
    if (scanner.pos >= text.length) return { offset: 0, message: 'the line is empty' };
    scanner.value(0);
    scanner.ws();
    if (scanner.pos < text.length) scanner.fail(`extra text after the JSON value: ${scanner.describe()}`);
    return null;
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'offset' in error) return error as JsonSyntaxError;
    return { offset: 0, message: 'not valid JSON' };
  }
}

/** 1-based column in code points (what an editor shows) of a UTF-16 offset. */
export function columnOf(text: string, offset: number): number {
  let column = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < offset) i++;
    column++;
  }
  return column;
}

/** "line L, column C" of a UTF-16 offset in a text of several lines, the column in code points like columnOf's. */
export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return `line ${before.split('\n').length}, column ${columnOf(before.slice(lineStart), Infinity)}`;
}
