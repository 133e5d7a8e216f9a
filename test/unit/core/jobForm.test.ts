// The create form as data: a provider's field list gives the checks, the ranges in words, the
// choices, the fields per method, and the request (typed fields, or `extra` for its own).
import { describe, expect, it } from 'vitest';
import { openaiCreateFields } from '../../../src/api/openai/createFields.js';
import { cycleChoice, defaultValues, describeRange, fieldsFor, parseField, parseForm, settingsSummary, type FormFieldSpec } from '../../../src/core/jobForm.js';
import { createRequestFrom } from '../../../src/effects/jobRequest.js';

const OPENAI = openaiCreateFields({ dpo: true, wandb: true });
const spec = (name: string) => OPENAI.find((f) => f.name === name)!;

// A provider with settings of its own, declared the same way (as a LoRA service would).
const LORA: FormFieldSpec[] = [
  { name: 'model', label: 'Base model', kind: 'enum', default: 'llama-3-8b', choices: ['llama-3-8b', 'qwen3-8b'], required: true, help: 'The model.' },
  { name: 'epochs', label: 'Epochs', kind: 'int', default: '3', min: 1, max: 20, help: 'Passes.' },
  { name: 'learningRate', label: 'Learning rate', kind: 'number', default: '0.00001', min: 0, minExclusive: true, max: 0.01, help: 'Absolute rate.' },
  { name: 'loraR', label: 'LoRA r', kind: 'int', default: '8', min: 1, max: 64, help: 'Adapter rank.' },
  { name: 'trainOnInputs', label: 'Train on inputs', kind: 'bool', default: 'false', help: 'Learn the prompts too.' },
  { name: 'scheduler', label: 'LR scheduler', kind: 'enum', default: 'linear', choices: ['linear', 'cosine'], help: 'How the rate falls.' },
];

describe('the form generated from a field list', () => {
  it('describes each range in words', () => {
    expect(describeRange(spec('epochs'))).toBe("'auto' or a whole number from 1 to 50");
    expect(describeRange(spec('learningRateMultiplier'))).toBe("'auto' or a number above 0");
    expect(describeRange(spec('beta'))).toBe("'auto' or a number above 0 up to 2");
    expect(describeRange(spec('seed'))).toBe('a whole number from 0 to 2147483647');
    expect(describeRange(LORA[5]!)).toBe('one of linear, cosine');
  });

  it("parses 'auto', numbers, yes/no, pairs and lists; refuses what is out of range with the field's name", () => {
    expect(parseField(spec('batchSize'), 'AUTO')).toEqual({ value: 'auto' });
    expect(parseField(spec('batchSize'), '16')).toEqual({ value: 16 });
    expect(parseField(spec('batchSize'), '1.5')).toEqual({ problem: expect.stringMatching(/^Batch size: "1.5" is not a whole number/) });
    expect(parseField(spec('learningRateMultiplier'), '1e-1')).toEqual({ value: 0.1 });
    expect(parseField(spec('seed'), 'auto')).toEqual({ problem: expect.stringMatching(/^Seed: "auto" is not a whole number/) });
    expect(parseField(spec('metadata'), 'team=red, purpose = eval run')).toEqual({ value: { team: 'red', purpose: 'eval run' } });
    expect(parseField(spec('wandbTags'), 'a, b,,c')).toEqual({ value: ['a', 'b', 'c'] });
    expect(parseField(LORA[4]!, 'yes')).toEqual({ value: true });
    expect(parseField(spec('suffix'), '')).toEqual({ value: undefined });
    expect(parseField(spec('model'), '')).toEqual({ problem: 'Base model: required.' });
    expect(parseField(spec('metadata'), Array.from({ length: 16 }, (_, i) => `k${i}=v`).join(','))).toEqual({ problem: expect.stringMatching(/^Metadata: 16 pairs .*at most 15/) });
  });

  it('shows fields by method and cycles choices', () => {
    expect(fieldsFor(OPENAI, 'supervised').map((f) => f.name)).not.toContain('beta');
    expect(fieldsFor(OPENAI, 'dpo').map((f) => f.name)).toContain('beta');
    expect(cycleChoice(spec('method'), 'supervised', 1)).toBe('dpo');
    expect(cycleChoice(spec('method'), 'dpo', 1)).toBe('supervised');
    expect(cycleChoice(LORA[4]!, 'false', 1)).toBe('true');
    expect(cycleChoice(spec('epochs'), '3', 1)).toBeNull();
  });

  it("a provider's own fields keep their defaults and reach the request in `extra`", () => {
    const parsed = parseForm(LORA, { ...defaultValues(LORA), loraR: '16', trainOnInputs: 'true' });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(settingsSummary(LORA, parsed.values, ['model'])).toEqual(['Epochs 3', 'Learning rate 0.00001', 'LoRA r 16', 'Train on inputs yes', 'LR scheduler linear']);
    const request = createRequestFrom(parsed.values, { trainingFileId: 'file-1', validationFileId: null });
    expect(request).toMatchObject({ model: 'llama-3-8b', epochs: 3, method: 'supervised' });
    expect(request.extra).toEqual({ learningRate: 0.00001, loraR: 16, trainOnInputs: true, scheduler: 'linear' });
  });

  it("OpenAI's fields become its typed request fields", () => {
    const values = { ...defaultValues(OPENAI), model: 'gpt-4o-mini-2024-07-18', method: 'dpo', epochs: 'auto', beta: '0.1', metadata: 'a=b', wandbProject: 'p', wandbTags: 'x' };
    const parsed = parseForm(OPENAI, values);
    if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
    expect(createRequestFrom(parsed.values, { trainingFileId: 'file-1', validationFileId: 'file-2' })).toEqual({
      model: 'gpt-4o-mini-2024-07-18',
      trainingFileId: 'file-1',
      validationFileId: 'file-2',
      suffix: null,
      seed: null,
      method: 'dpo',
      epochs: 'auto',
      beta: 0.1,
      metadata: { a: 'b' },
      wandb: { project: 'p', name: null, entity: null, tags: ['x'] },
    });
  });
});
