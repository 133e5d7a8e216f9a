// The create form of OpenAI's fine-tuning API (and services that speak it), as data: each field
// with the request's own range from the API document (CreateFineTuningJobRequest and the
// method hyperparameters). Defaults are left empty, which sends nothing and lets the service
// choose ('auto'); see src/core/jobForm.ts for how the form is generated from this.
import { knownModelNames } from '../../core/models.js';
import type { FormFieldSpec } from '../../core/jobForm.js';

const METHODS = ['supervised', 'dpo'] as const;

export function openaiCreateFields(options: { dpo: boolean; wandb: boolean }): FormFieldSpec[] {
  const fields: FormFieldSpec[] = [
    { name: 'model', label: 'Base model', kind: 'enum', default: '', choices: knownModelNames(), required: true, help: 'The model to fine-tune; its price, limits and shutdown date come with it.' },
    ...(options.dpo
      ? [{ name: 'method', label: 'Method', kind: 'enum', default: 'supervised', choices: METHODS, help: 'supervised: learn the answers; dpo: learn to prefer one answer over another.' } satisfies FormFieldSpec]
      : []),
    { name: 'trainingFile', label: 'Training file', kind: 'path', default: '', empty: 'the open dataset', help: 'The file to train on, e.g. the train part of a split; empty trains on the open dataset.' },
    { name: 'validationFile', label: 'Validation file', kind: 'path', default: '', empty: '(none)', help: 'Examples held out to measure validation loss; none may also be in the training file.' },
    { name: 'suffix', label: 'Suffix', kind: 'text', default: '', empty: '(none)', maxLength: 64, pattern: { regex: '^[A-Za-z0-9_-]+$', says: 'letters, digits, - and _' }, help: "Added to the fine-tuned model's name." },
    { name: 'epochs', label: 'Epochs', kind: 'int', default: '', empty: 'auto', allowsAuto: true, min: 1, max: 50, help: 'Passes over the training file; the cost grows with each.' },
    { name: 'batchSize', label: 'Batch size', kind: 'int', default: '', empty: 'auto', allowsAuto: true, min: 1, max: 256, help: 'Examples per update: larger is steadier, updates less often.' },
    { name: 'learningRateMultiplier', label: 'LR multiplier', kind: 'number', default: '', empty: 'auto', allowsAuto: true, min: 0, minExclusive: true, help: "Scales the service's learning rate; smaller can avoid overfitting." },
    ...(options.dpo
      ? [{ name: 'beta', label: 'Beta', kind: 'number', default: '', empty: 'auto', allowsAuto: true, min: 0, minExclusive: true, max: 2, methods: ['dpo'], help: 'How strongly DPO keeps to the base model: higher stays closer.' } satisfies FormFieldSpec]
      : []),
    { name: 'seed', label: 'Seed', kind: 'int', default: '', empty: 'random', min: 0, max: 2_147_483_647, help: 'The same seed and settings make the job reproducible.' },
    { name: 'metadata', label: 'Metadata', kind: 'pairs', default: '', empty: '(none)', maxItems: 15, maxLength: 512, help: 'Your labels for the job (key=value, comma-separated); ftui adds its request id.' },
  ];
  if (options.wandb) {
    fields.push(
      { name: 'wandbProject', label: 'W&B project', kind: 'text', default: '', empty: '(off)', maxLength: 128, help: 'Send metrics to this Weights & Biases project (the key is set in your OpenAI settings).' },
      { name: 'wandbName', label: 'W&B run name', kind: 'text', default: '', empty: 'the job id', maxLength: 128, help: 'The display name of the W&B run.' },
      { name: 'wandbEntity', label: 'W&B entity', kind: 'text', default: '', empty: 'your default', maxLength: 128, help: 'The W&B team or user the run belongs to.' },
      { name: 'wandbTags', label: 'W&B tags', kind: 'list', default: '', empty: '(none)', maxItems: 20, maxLength: 64, help: 'Tags for the W&B run, comma-separated.' },
    );
  }
  return fields;
}
