// `ftui validate --provider together` finds at least what together-ai's own local file check
// (lib/check-file.ts, loaded as CommonJS: its ESM build cannot read files) refuses, each at the
// line the SDK names, with a path and a fix hint; and it takes the formats Together takes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../../src/core/validate/index.js';

const { checkFile } = createRequire(import.meta.url)('together-ai/lib/check-file') as {
  checkFile(path: string, purpose?: string): Promise<{ is_check_passed: boolean; message: string; line_number?: number }>;
};

const LLAMA = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Reference';
const dir = mkdtempSync(join(tmpdir(), 'ftui-together-rules-'));
const good = JSON.stringify({ messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'hello' }] });

/** Each case: a line the SDK refuses, placed after one good line. */
const REFUSED: Record<string, unknown> = {
  'roles that do not alternate': { messages: [{ role: 'user', content: 'a' }, { role: 'user', content: 'b' }, { role: 'assistant', content: 'c' }] },
  'a tool role': { messages: [{ role: 'user', content: 'a' }, { role: 'tool', content: 'x' }, { role: 'assistant', content: 'c' }] },
  'no assistant turn': { messages: [{ role: 'system', content: 's' }, { role: 'user', content: 'a' }] },
  'a weight of 2': { messages: [{ role: 'user', content: 'a' }, { role: 'assistant', content: 'c', weight: 2 }] },
  'content parts instead of text': { messages: [{ role: 'user', content: [{ type: 'text', text: 'a' }] }, { role: 'assistant', content: 'c' }] },
  'a missing role': { messages: [{ content: 'a' }, { role: 'assistant', content: 'c' }] },
  'an extra key': { messages: [{ role: 'user', content: 'a' }, { role: 'assistant', content: 'c' }], id: 7 },
  'no known format': { question: 'a', answer: 'b' },
  'another format than the first line': { prompt: 'a', completion: 'b' },
  'a preference pair with two preferred messages': {
    input: { messages: [{ role: 'user', content: 'a' }] },
    preferred_output: [{ role: 'assistant', content: 'b' }, { role: 'assistant', content: 'c' }],
    non_preferred_output: [{ role: 'assistant', content: 'd' }],
  },
  'empty messages': { messages: [] },
};

describe('Together data rules: a superset of the SDK check', () => {
  for (const [what, line] of Object.entries(REFUSED)) {
    it(`${what}: the SDK refuses it, and ftui has an error on that line with a path or a hint`, async () => {
      const path = join(dir, `${what.replace(/\W+/g, '-')}.jsonl`);
      writeFileSync(path, `${good}\n${JSON.stringify(line)}\n`);
      const sdk = await checkFile(path, 'fine-tune');
      expect(sdk.is_check_passed, sdk.message).toBe(false);
      const report = await validateFile(path, { model: LLAMA });
      const onLine = report.findings.filter((g) => g.severity === 'error').flatMap((g) => g.examples).filter((f) => f.line === (sdk.line_number ?? 2));
      expect(onLine.length, JSON.stringify(report.findings.map((g) => g.code))).toBeGreaterThan(0);
      for (const f of onLine) expect(f.hint.length).toBeGreaterThan(10);
    });
  }

  it('takes what Together takes: prompt/completion files, text files, one example', async () => {
    const instruction = join(dir, 'instruction.jsonl');
    writeFileSync(instruction, `${JSON.stringify({ prompt: 'What is 2 + 2?', completion: '4' })}\n`);
    const text = join(dir, 'text.jsonl');
    writeFileSync(text, `${JSON.stringify({ text: 'Plain text to learn.' })}\n`);
    for (const path of [instruction, text]) {
      expect((await checkFile(path, 'fine-tune')).is_check_passed).toBe(true);
      const report = await validateFile(path, { model: LLAMA });
      expect(report.errors, JSON.stringify(report.findings.map((g) => g.code))).toBe(0);
      expect(report.figures.totalBilledTokens).toBeGreaterThan(0);
      expect(report.cost.isEstimate).toBe(true);
    }
    // The same instruction line is an error for OpenAI's models.
    expect((await validateFile(instruction, { model: 'gpt-4.1-mini' })).errors).toBeGreaterThan(0);
  });
});
