// Nebius Token Factory's create form as data (see src/core/jobForm.ts), from its API reference
// for POST /v1/fine_tuning/jobs: an absolute learning rate (not a multiplier) and LoRA, packing,
// gradient clipping, context length, warmup and weight decay in `hyperparameters`, each with the
// number the service uses when it is left out (its documented defaults), never 'auto'.
import type { FormFieldSpec } from '../../core/jobForm.js';
import { NEBIUS_MODELS } from '../../core/nebiusModels.js';

export const NEBIUS_CREATE_FIELDS: readonly FormFieldSpec[] = [
  { name: 'model', label: 'Base model', kind: 'enum', default: '', choices: NEBIUS_MODELS.map((m) => m.id), required: true, help: 'The open model to fine-tune.' },
  { name: 'trainingFile', label: 'Training file', kind: 'path', default: '', empty: 'the open dataset', help: 'The file to train on; empty trains on the open dataset.' },
  { name: 'validationFile', label: 'Validation file', kind: 'path', default: '', empty: '(none)', help: 'Held-out examples to measure validation loss.' },
  { name: 'epochs', label: 'Epochs', kind: 'int', default: '', empty: '3', min: 1, max: 20, help: 'Passes over the training file; the cost grows with each.' },
  { name: 'batchSize', label: 'Batch size', kind: 'int', default: '', empty: '8', min: 8, max: 32, help: 'Examples per step.' },
  { name: 'learningRate', label: 'Learning rate', kind: 'number', default: '', empty: '0.00001', min: 0, minExclusive: true, max: 1, help: 'The absolute learning rate (not a multiplier).' },
  { name: 'lora', label: 'LoRA', kind: 'bool', default: '', empty: 'no (full training)', help: 'Train small adapter weights instead of every weight; a LoRA deploys serverless.' },
  { name: 'loraR', label: 'LoRA rank', kind: 'int', default: '', empty: '8', min: 8, max: 128, help: 'Size of the adapter: larger learns more.' },
  { name: 'loraAlpha', label: 'LoRA alpha', kind: 'int', default: '', empty: '8', min: 8, max: 256, help: 'Scales the adapter; often equal to or twice the rank.' },
  { name: 'loraDropout', label: 'LoRA dropout', kind: 'number', default: '', empty: '0', min: 0, max: 1, help: 'Randomly drops adapter inputs while training, against overfitting.' },
  { name: 'packing', label: 'Packing', kind: 'bool', default: '', empty: 'yes', help: 'Packs short examples together into one sequence: faster, the same loss.' },
  { name: 'maxGradNorm', label: 'Max grad norm', kind: 'number', default: '', empty: '1', min: 0, help: 'Clips gradients to this norm (0 turns clipping off).' },
  { name: 'contextLength', label: 'Context length', kind: 'int', default: '', empty: '8192', min: 1024, max: 131072, help: 'Longer examples are cut to this many tokens.' },
  { name: 'warmupRatio', label: 'Warmup ratio', kind: 'number', default: '', empty: '0', min: 0, max: 1, help: 'Share of the steps spent ramping the learning rate up.' },
  { name: 'weightDecay', label: 'Weight decay', kind: 'number', default: '', empty: '0', min: 0, help: 'Pulls weights towards zero, against overfitting.' },
  { name: 'suffix', label: 'Suffix', kind: 'text', default: '', empty: '(none)', maxLength: 64, pattern: { regex: '^[A-Za-z0-9_-]+$', says: 'letters, digits, - and _' }, help: "Added to the fine-tuned model's name." },
  { name: 'seed', label: 'Seed', kind: 'int', default: '', empty: 'random', min: 0, max: 2_147_483_647, help: 'The same seed and settings make the run reproducible.' },
];

/** Form field name -> the key Nebius reads in `hyperparameters`. */
export const NEBIUS_HYPERPARAMETERS: Record<string, string> = {
  learningRate: 'learning_rate',
  lora: 'lora',
  loraR: 'lora_r',
  loraAlpha: 'lora_alpha',
  loraDropout: 'lora_dropout',
  packing: 'packing',
  maxGradNorm: 'max_grad_norm',
  contextLength: 'context_length',
  warmupRatio: 'warmup_ratio',
  weightDecay: 'weight_decay',
};
