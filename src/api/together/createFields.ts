// Together's create form as data (see src/core/jobForm.ts): LoRA (rank, alpha, dropout, trainable
// modules) or full training, epochs, an absolute learning rate with its scheduler and warmup,
// batch size, maximum sequence length, checkpoints, evaluations, train_on_inputs, suffix and DPO
// beta, with Together's defaults (what an empty field means) and the ranges its model limits
// allow. Ranges here are the widest any supported base allows; the service's
// /fine-tunes/models/limits for the chosen model has the last word and its refusal names the field.
import type { FormFieldSpec } from '../../core/jobForm.js';
import { TOGETHER_MODELS } from '../../core/openModels.js';

export const TOGETHER_CREATE_FIELDS: readonly FormFieldSpec[] = [
  { name: 'model', label: 'Base model', kind: 'enum', default: '', choices: TOGETHER_MODELS.map((m) => m.id), required: true, help: 'The open model to fine-tune; its size sets the price per million tokens.' },
  { name: 'method', label: 'Method', kind: 'enum', default: 'supervised', choices: ['supervised', 'dpo'], help: 'supervised: learn the answers; dpo: learn to prefer one answer over another.' },
  { name: 'trainingFile', label: 'Training file', kind: 'path', default: '', empty: 'the open dataset', help: 'The file to train on; empty trains on the open dataset.' },
  { name: 'validationFile', label: 'Validation file', kind: 'path', default: '', empty: '(none)', help: 'Held-out examples; evaluations need one.' },
  { name: 'training', label: 'Training', kind: 'enum', default: 'lora', choices: ['lora', 'full'], help: 'lora trains small adapter weights (cheaper, deploys on smaller hardware); full trains every weight.' },
  { name: 'loraR', label: 'LoRA rank', kind: 'int', default: '', empty: "the model's largest", min: 1, max: 64, help: 'Size of the adapter: larger learns more and costs more memory.' },
  { name: 'loraAlpha', label: 'LoRA alpha', kind: 'number', default: '', empty: '2 × rank', min: 0, minExclusive: true, help: 'Scales the adapter; usually twice the rank.' },
  { name: 'loraDropout', label: 'LoRA dropout', kind: 'number', default: '', empty: '0', min: 0, max: 0.99, help: 'Randomly drops adapter inputs while training, against overfitting.' },
  { name: 'loraModules', label: 'LoRA modules', kind: 'text', default: '', empty: 'all-linear', maxLength: 200, pattern: { regex: '^[a-z_]+(,[a-z_]+)*$', says: 'module names separated by commas (q_proj,v_proj) or all-linear' }, help: 'Which layers get adapters.' },
  { name: 'epochs', label: 'Epochs', kind: 'int', default: '', empty: '1', min: 1, max: 20, help: 'Passes over the training file; the cost grows with each.' },
  { name: 'batchSize', label: 'Batch size', kind: 'int', default: '', empty: 'max', allowsAuto: true, min: 1, max: 128, help: 'Examples per step; empty takes the largest the model allows.' },
  { name: 'learningRate', label: 'Learning rate', kind: 'number', default: '', empty: '0.00001', min: 0, minExclusive: true, max: 1, help: 'The absolute learning rate (not a multiplier).' },
  { name: 'lrScheduler', label: 'LR scheduler', kind: 'enum', default: 'linear', choices: ['linear', 'cosine'], help: 'How the learning rate falls over the run.' },
  { name: 'warmupRatio', label: 'Warmup ratio', kind: 'number', default: '', empty: '0', min: 0, max: 0.99, help: 'Share of the steps spent ramping the learning rate up.' },
  { name: 'maxSeqLength', label: 'Max seq length', kind: 'int', default: '', empty: "the model's longest", min: 512, max: 131072, help: 'Longer examples are cut to this many tokens.' },
  { name: 'nCheckpoints', label: 'Checkpoints', kind: 'int', default: '', empty: '1', min: 1, max: 20, help: 'Checkpoints saved during the run (the last is the final model).' },
  { name: 'nEvals', label: 'Evaluations', kind: 'int', default: '', empty: '0', min: 0, max: 100, help: 'Validation-loss measurements over the run; needs a validation file.' },
  { name: 'trainOnInputs', label: 'Train on inputs', kind: 'enum', default: 'auto', choices: ['auto', 'yes', 'no'], methods: ['supervised'], help: 'Also learn the prompts, not only the answers (auto: only for plain text data).' },
  { name: 'beta', label: 'DPO beta', kind: 'number', default: '', empty: '0.1', min: 0, minExclusive: true, max: 10, methods: ['dpo'], help: 'How strongly DPO keeps to the base model: higher stays closer.' },
  { name: 'suffix', label: 'Suffix', kind: 'text', default: '', empty: '(none)', maxLength: 40, pattern: { regex: '^[A-Za-z0-9_-]+$', says: 'letters, digits, - and _' }, help: "Added to the fine-tuned model's name." },
  { name: 'seed', label: 'Seed', kind: 'int', default: '', empty: 'random', min: 0, max: 2_147_483_647, help: 'The same seed and settings make the run reproducible.' },
];
