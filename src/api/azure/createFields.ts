// Azure OpenAI's create form: OpenAI's fields (no W&B integration) plus the training tier Azure
// adds (`trainingType`, its fine-tuning guide), each with one line on what it costs and where it
// runs. The names are the wire values the service takes.
import type { FormFieldSpec } from '../../core/jobForm.js';
import { openaiCreateFields } from '../openai/createFields.js';

export const AZURE_TRAINING_TYPES = ['standard', 'globalstandard', 'developertier'] as const;

/** One line per tier, shown under the field as it is chosen. */
export const AZURE_TRAINING_TYPE_WORDS: Record<(typeof AZURE_TRAINING_TYPES)[number], string> = {
  standard: "Standard: in your resource's region (data residency), at the regional price.",
  globalstandard: 'Global Standard: any region, 10-30% cheaper than Standard; no residency.',
  developertier: 'Developer: spot capacity, ~half the Global price; may pause; no residency.',
};

export function azureCreateFields(): FormFieldSpec[] {
  const fields = openaiCreateFields({ dpo: true, wandb: false });
  const tier: FormFieldSpec = {
    name: 'trainingType',
    label: 'Training tier',
    kind: 'enum',
    default: 'globalstandard',
    choices: AZURE_TRAINING_TYPES,
    help: 'Where and at what price it trains (←/→ to see each tier).',
    choiceHelp: AZURE_TRAINING_TYPE_WORDS,
  };
  const after = fields.findIndex((f) => f.name === 'validationFile');
  return [...fields.slice(0, after + 1), tier, ...fields.slice(after + 1)];
}
