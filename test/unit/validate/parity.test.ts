// ftui against a straight port of the cookbook notebook (on the independent `tiktoken` package)
// over the cookbook's own datasets: same names, same counts, same figures where the notebook is
// right; where it is wrong (tool-calling data), ftui accepts what the API accepts.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadJsonl, runNotebook } from '../../../bench/cookbookNotebook.js';
import { distribution, validateFile } from '../../../src/core/validate/index.js';
import { repoRoot } from '../../helpers/tmux.js';

const dir = join(repoRoot, '..', 'shared', 'datasets', 'cookbook');
const clean = ['toy_chat_fine_tuning', 'openai_node_marvin_fine_tuning_data', 'recipe_ner_train_100'];
const models = [
  { model: 'gpt-3.5-turbo-0125', encoding: 'cl100k_base', limit: 16_385 },
  { model: 'gpt-4o-mini-2024-07-18', encoding: 'o200k_base', limit: 65_536 },
] as const;

const NOTEBOOK_CODES = ['data_type', 'missing_messages_list', 'message_missing_key', 'message_unrecognized_key', 'unrecognized_role', 'missing_content', 'example_missing_assistant_message'];

describe.each(clean)('%s', (name) => {
  const path = join(dir, `${name}.jsonl`);
  it.each(models)('matches the notebook on $model', async ({ model, encoding, limit }) => {
    const notebook = runNotebook(loadJsonl(path), encoding, limit);
    const report = await validateFile(path, { model });
    const counts = Object.fromEntries(report.findings.filter((g) => NOTEBOOK_CODES.includes(g.code)).map((g) => [g.code, g.count]));
    expect(counts).toEqual(notebook.formatErrors);
    const k = report.cookbook;
    expect(k.missingSystem).toBe(notebook.missingSystem);
    expect(k.missingUser).toBe(notebook.missingUser);
    expect(k.tokensPerExample).toEqual(distribution(notebook.tokens));
    expect(k.assistantTokensPerExample).toEqual(distribution(notebook.assistantTokens));
    expect(k.messagesPerExample).toEqual(distribution(notebook.messages));
    expect(k.overTokenLimit).toBe(notebook.tooLong);
    expect(k.billingTokens).toBe(notebook.billingTokens);
    expect(k.defaultEpochs).toBe(notebook.epochs);
    expect(k.chargedTokens).toBe(notebook.chargedTokens);
  });
});

describe('drone_training (tool calling)', () => {
  const path = join(dir, 'drone_training.jsonl');
  it('the notebook flags valid tool calls and cannot count them; ftui accepts and counts them', async () => {
    const data = loadJsonl(path);
    const notebook = (() => {
      try {
        return runNotebook(data, 'o200k_base', 65_536);
      } catch (error) {
        return error as Error;
      }
    })();
    expect(notebook).toBeInstanceOf(Error);
    const report = await validateFile(path, { model: 'gpt-4o-mini-2024-07-18' });
    expect(report.errors).toBe(0);
    expect(report.file.validExamples).toBe(data.length);
    expect(report.figures.estimatedToolTokens).toBeGreaterThan(0);
    expect(report.cost.isEstimate).toBe(true);
  });
});
