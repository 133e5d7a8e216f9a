// The byte check that lets the text checks skip their control-character pattern: it may only say
// "no control character" when no string in the line, once parsed, holds one.
import { describe, expect, it } from 'vitest';
import { controlFree } from '../../../src/core/validate/lineReader.js';
import { createAnalyzer } from '../../../src/core/validate/index.js';
import { seededRandom } from '../../../src/core/seededRandom.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const CHARS = ['a', ' ', 'é', '€', '😀', '\u00a0', '\u00bf', '\u0100', '\u0085', '\u0080', '\u009f', '\u007f', '\u0000', '\u0008', '\u000c', '\u001f', '\t', '\n', '\r', '"', '\\', '/', 'u', 'b', 'f'];

/** Every string in a parsed value, keys too. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) out.push(k), strings(v, out);
  return out;
}

/** JSON as Python's json.dumps writes it by default: everything past ASCII as \uXXXX. */
const asciiOnly = (json: string) => json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

describe('controlFree', () => {
  it('never clears a line whose strings hold a control character, written raw or escaped', () => {
    const random = seededRandom(21);
    const text = () => Array.from({ length: Math.floor(random() * 6) }, () => CHARS[Math.floor(random() * CHARS.length)]).join('');
    let cleared = 0;
    for (let i = 0; i < 20_000; i++) {
      const value = { messages: [{ role: text(), content: text() }], [text()]: [text(), 1] };
      let json = JSON.stringify(value);
      if (random() < 0.3) json = asciiOnly(json);
      if (random() < 0.2) json = json.replaceAll('/', '\\/');
      const bytes = Buffer.from(json);
      const hasControl = strings(JSON.parse(json)).some((s) => CONTROL.test(s));
      if (controlFree(bytes)) {
        cleared++;
        expect(hasControl, json).toBe(false);
      }
    }
    // And it does clear lines (about 4% here, where most strings hold one of those characters).
    expect(cleared).toBeGreaterThan(500);
  });

  it('leaves the finding to the pattern: the same result with and without it', () => {
    const analyzer = createAnalyzer({ model: 'gpt-4o-mini' });
    for (const content of ['plain', 'a\u0085b', 'x\u007f', 'tab\tand\nnewline', 'bell\u0007']) {
      const line = JSON.stringify({ messages: [{ role: 'user', content }, { role: 'assistant', content: 'ok' }] });
      const checked = analyzer.analyzeText(line, 3);
      expect(analyzer.analyzeText(line, 3, controlFree(Buffer.from(line)))).toEqual(checked);
      expect(checked.findings.some((f) => f.code === 'control_character_in_text')).toBe(content !== 'plain' && content !== 'tab\tand\nnewline');
    }
  });
});
