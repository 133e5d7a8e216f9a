// Together's base models as the service gives them (/fine-tunes/models/supported and /limits),
// through ftui's provider on the official SDK against the Together sandbox: the list (with a model
// ftui's own table lacks), each model's facts for the validator, the create form narrowed to the
// model, and answers kept for the connection (asked once).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTogetherProvider, type TogetherProvider } from '../../../src/api/together/provider.js';
import { parseForm, defaultValues } from '../../../src/core/jobForm.js';
import { TOGETHER_MODELS } from '../../../src/core/openModels.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

let sandbox: TestSandbox;
let provider: TogetherProvider;
let asked: string[];

beforeEach(async () => {
  asked = [];
  sandbox = await startTestSandbox({ protocol: 'together', onRequest: (method, path) => method === 'GET' && path.includes('/fine-tunes/models/') && asked.push(path) });
  provider = createTogetherProvider({ name: 't', kind: 'together', baseUrl: sandbox.baseUrl, apiKeyEnv: 'K' }, { K: 'sandbox' }, { maxRetries: 0 });
});
afterEach(() => sandbox.close());

const SMALL = 'meta-llama/Llama-3.2-1B-Instruct';
const BIG = 'meta-llama/Llama-3.3-70B-Instruct-Reference';

describe("Together's base models from the service", () => {
  it('lists what the service fine-tunes, including a model ftui has no facts of its own for', async () => {
    const models = await provider.catalog.list();
    expect(models).toContain(SMALL);
    expect(models).toContain(BIG);
    expect(TOGETHER_MODELS.map((m) => m.id)).not.toContain(SMALL);
  });

  it("turns each model's limits into facts: longest example, LoRA rank, full training, SFT/DPO, and the validator's limit", async () => {
    const small = await provider.catalog.info(SMALL);
    expect(small).toMatchObject({ maxTokens: { supervised: 8192, dpo: null }, training: { lora: true, full: true }, maxLoraRank: 16, methods: ['supervised'] });
    expect(small.facts).toMatchObject({ id: SMALL, tokenLimit: 8192, encoding: 'cl100k_base', dataRules: 'together' });
    expect(small.facts?.tokenEstimate).toMatch(/Llama 3/);
    const big = await provider.catalog.info(BIG);
    expect(big).toMatchObject({ maxTokens: { supervised: 8192, dpo: 4096 }, training: { lora: true, full: false }, maxLoraRank: 32, methods: ['supervised', 'dpo'] });
    // ftui's own table says 131,072 tokens of context; the service trains on at most 8,192.
    expect(TOGETHER_MODELS.find((m) => m.id === BIG)?.contextLength).toBe(131072);
    expect(big.facts?.tokenLimit).toBe(8192);
  });

  it("narrows the create form to the model's ranges and defaults, so a value the service would refuse is caught before anything is sent", async () => {
    const fields = await provider.catalog.fields(BIG);
    const field = (name: string) => fields.find((f) => f.name === name)!;
    expect(field('model').choices).toContain(SMALL);
    expect(field('training').choices).toEqual(['lora']);
    expect(field('loraR')).toMatchObject({ max: 32, empty: "the model's largest, 32" });
    expect(field('epochs').max).toBe(10);
    expect(field('maxSeqLength')).toMatchObject({ max: 8192, empty: "the model's longest, 8192" });
    const form = { ...defaultValues(fields), model: BIG, loraR: '64' };
    const parsed = parseForm(fields, form);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems[0]!.message).toBe("LoRA rank: 64 is too large (a whole number from 1 to 32; leave it empty for the model's largest, 32).");
    expect((await provider.catalog.fields(SMALL)).find((f) => f.name === 'method')!.choices).toEqual(['supervised']);
  });

  it('asks the service once per connection for the list and for each model', async () => {
    await provider.catalog.list();
    await provider.catalog.info(BIG);
    await provider.catalog.fields(BIG);
    await provider.catalog.list();
    expect(asked.filter((p) => p.endsWith('/supported'))).toHaveLength(1);
    expect(asked.filter((p) => p.includes('/limits'))).toHaveLength(1);
  });
});
