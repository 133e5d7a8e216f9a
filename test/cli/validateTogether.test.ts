// `ftui validate FILE --provider together [--model M]` from a script: Together's rules and model,
// exit codes as for OpenAI's (0 clean, 1 errors, 2 unknown model).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { togetherTrainingJsonl } from '../helpers/sandbox.js';
import { runFtuiSync as ftui } from '../helpers/runFtui.js';

const dir = mkdtempSync(join(tmpdir(), 'ftui-validate-together-'));

describe('ftui validate --provider together', () => {
  it('checks a clean file for Together’s default Llama base: exit 0, estimate labelled, Together’s default epoch', () => {
    const file = join(dir, 'clean.jsonl');
    writeFileSync(file, togetherTrainingJsonl(3));
    const run = ftui('validate', file, '--provider', 'together', '--json');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { training: { model: { id: string; tokenEstimate: string }; cost: { epochs: number; isEstimate: boolean } } };
    expect(doc.training.model.id).toBe('meta-llama/Meta-Llama-3.1-8B-Instruct-Reference');
    expect(doc.training.model.tokenEstimate).toMatch(/Llama 3/);
    expect(doc.training.cost).toMatchObject({ epochs: 1, isEstimate: true });
  });

  it('reports Together’s rules with line, path and fix (exit 1), for Qwen too; an unknown model is exit 2', () => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, `${JSON.stringify({ messages: [{ role: 'user', content: 'a' }, { role: 'tool', content: 'b' }, { role: 'assistant', content: 'c' }] })}\n`);
    const run = ftui('validate', file, '--provider', 'together', '--model', 'Qwen/Qwen3-8B');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('line 1, messages[1].role: Together does not take the role "tool".');
    expect(run.stdout).toContain('fix: Together takes the roles system, user and assistant only');
    const unknown = ftui('validate', file, '--provider', 'together', '--model', 'gpt-4.1-mini');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/not a Together base model/);
  });
});
