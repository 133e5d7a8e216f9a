// `ftui validate FILE --provider nebius|azure` from a script: each service's rules offline, exit
// codes as for OpenAI's (0 clean, 1 errors, 2 unknown model). Nebius's open bases are counted in a
// stand-in encoding and labelled estimates, with no price; Azure's file rules (a BOM is expected,
// so it is no warning there) apply as they do in the app with an Azure connection.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { togetherTrainingJsonl } from '../helpers/sandbox.js';
import { runFtuiSync as ftui } from '../helpers/runFtui.js';

const dir = mkdtempSync(join(tmpdir(), 'ftui-validate-providers-'));
const clean = join(dir, 'clean.jsonl');
writeFileSync(clean, togetherTrainingJsonl(12));
const withBom = join(dir, 'bom.jsonl');
writeFileSync(withBom, `\uFEFF${togetherTrainingJsonl(12)}`);

interface Doc {
  training: {
    model: { id: string; tokenEstimate?: string; trainingPricePerMillion: number | null };
    cost: { epochs: number; usd: number | null; pricePerMillion: number | null; billedTokensTotal: number; isEstimate: boolean };
    findings: { code: string }[];
  };
}

describe('ftui validate --provider nebius', () => {
  it("counts Nebius's default base as a labelled estimate with its default 3 epochs and no price (exit 0)", () => {
    const run = ftui('validate', clean, '--provider', 'nebius', '--json');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as Doc;
    expect(doc.training.model.id).toBe('meta-llama/Meta-Llama-3.1-8B-Instruct');
    expect(doc.training.model.tokenEstimate).toMatch(/stand-in for the Llama 3 tokenizer/);
    expect(doc.training.model.trainingPricePerMillion).toBeNull();
    expect(doc.training.cost).toMatchObject({ epochs: 3, usd: null, pricePerMillion: null, isEstimate: true });
    expect(doc.training.cost.billedTokensTotal).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/Nebius's base models and their facts from ftui's own table \(offline\)/);
  });

  it('says in words that the tokens are estimates and the price unknown; another family (Qwen) too; exit 1 on errors, 2 on a model Nebius does not train', () => {
    const human = ftui('validate', clean, '--provider', 'nebius', '--model', 'Qwen/Qwen3-32B');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/Estimates: counted in cl100k_base, a stand-in for Qwen's tokenizer/);
    expect(human.stdout).toMatch(/billed tokens \(estimate\) on Qwen\/Qwen3-32B; ftui knows no price for it/);
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify({ messages: [{ role: 'user', content: 'a' }] })}\n`);
    expect(ftui('validate', bad, '--provider', 'nebius').code).toBe(1);
    const other = ftui('validate', clean, '--provider', 'nebius', '--model', 'gpt-4.1-mini');
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/not a Nebius base model ftui knows/);
  });
});

describe('ftui validate --provider azure', () => {
  it("applies Azure's file rules: a BOM is what Azure asks for (no file_bom warning), while OpenAI's rules warn about it", () => {
    const azure = JSON.parse(ftui('validate', withBom, '--provider', 'azure', '--json').stdout) as Doc;
    const openai = JSON.parse(ftui('validate', withBom, '--json').stdout) as Doc;
    expect(openai.training.findings.map((g) => g.code)).toContain('file_bom');
    expect(azure.training.findings.map((g) => g.code)).not.toContain('file_bom');
    expect(azure.training.model.id).toBe('gpt-4.1-mini-2025-04-14');
    expect(ftui('validate', withBom, '--provider', 'azure').code).toBe(0);
    expect(ftui('validate', withBom, '--provider', 'azure', '--model', 'Qwen/Qwen3-8B').code).toBe(2);
  });

  it('refuses an unknown provider name as a usage error', () => {
    const run = ftui('validate', clean, '--provider', 'bedrock');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/provider must be one of openai, together, nebius, azure/);
  });
});
