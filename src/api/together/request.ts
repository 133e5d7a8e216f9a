// The create and estimate-price bodies from a provider-neutral CreateJobInput and the values of
// Together's own form fields (createFields.ts). LoRA rank and alpha have no fixed default: like the
// SDK, ftui takes the model's largest rank and twice that for alpha when the form leaves them empty.
import type { FineTuningCreateParams, FineTuningEstimatePriceParams, FinetuneModelLimits } from 'together-ai/resources/fine-tuning';
import type { CreateJobInput } from '../types.js';

type Options = NonNullable<CreateJobInput['extra']>;

const numberOf = (o: Options, key: string): number | undefined => (typeof o[key] === 'number' ? (o[key] as number) : undefined);

async function trainingType(input: CreateJobInput, limits: (model: string) => Promise<FinetuneModelLimits>): Promise<FineTuningCreateParams['training_type']> {
  const o = input.extra ?? {};
  if (o.training === 'full') return { type: 'Full' };
  // The form's values arrive as it checked them: numbers as numbers, choices as their words.
  let r = numberOf(o, 'loraR');
  if (r === undefined) r = (await limits(input.model)).lora_training.max_rank;
  const modules = typeof o.loraModules === 'string' && o.loraModules.trim() !== '' ? o.loraModules.trim() : undefined;
  return {
    type: 'Lora',
    lora_r: r,
    lora_alpha: numberOf(o, 'loraAlpha') ?? r * 2,
    ...(numberOf(o, 'loraDropout') !== undefined ? { lora_dropout: numberOf(o, 'loraDropout')! } : {}),
    ...(modules ? { lora_trainable_modules: modules } : {}),
  };
}

function trainingMethod(input: CreateJobInput): FineTuningCreateParams['training_method'] | undefined {
  if (input.method === 'dpo') return { method: 'dpo', ...(typeof input.beta === 'number' ? { dpo_beta: input.beta } : {}) };
  // "auto" is the service's default and what the document cannot express: leave it out.
  const onInputs = input.extra?.trainOnInputs;
  const value = onInputs === true || onInputs === 'yes' ? true : onInputs === false || onInputs === 'no' ? false : null;
  return value === null ? undefined : { method: 'sft', train_on_inputs: value };
}

export async function createBody(input: CreateJobInput, limits: (model: string) => Promise<FinetuneModelLimits>): Promise<FineTuningCreateParams> {
  const o = input.extra ?? {};
  const method = trainingMethod(input);
  const scheduler = o.lrScheduler === 'cosine' ? { lr_scheduler_type: 'cosine' as const } : { lr_scheduler_type: 'linear' as const, lr_scheduler_args: { min_lr_ratio: numberOf(o, 'minLrRatio') ?? 0 } };
  return {
    model: input.model,
    training_file: input.trainingFileId,
    ...(input.validationFileId ? { validation_file: input.validationFileId } : {}),
    ...(input.suffix ? { suffix: input.suffix } : {}),
    ...(input.seed !== null ? { random_seed: input.seed } : {}),
    ...(typeof input.epochs === 'number' ? { n_epochs: input.epochs } : {}),
    ...(typeof input.batchSize === 'number' ? { batch_size: input.batchSize } : {}),
    ...(numberOf(o, 'learningRate') !== undefined ? { learning_rate: numberOf(o, 'learningRate')! } : {}),
    ...(numberOf(o, 'nCheckpoints') !== undefined ? { n_checkpoints: numberOf(o, 'nCheckpoints')! } : {}),
    ...(numberOf(o, 'nEvals') !== undefined ? { n_evals: numberOf(o, 'nEvals')! } : {}),
    ...(numberOf(o, 'warmupRatio') !== undefined ? { warmup_ratio: numberOf(o, 'warmupRatio')! } : {}),
    ...(numberOf(o, 'maxSeqLength') !== undefined ? { max_seq_length: numberOf(o, 'maxSeqLength')! } : {}),
    lr_scheduler: scheduler,
    training_type: await trainingType(input, limits),
    ...(method ? { training_method: method } : {}),
  };
}

export async function priceBody(input: CreateJobInput, limits: (model: string) => Promise<FinetuneModelLimits>): Promise<FineTuningEstimatePriceParams> {
  const full = await createBody(input, limits);
  return {
    training_file: full.training_file,
    model: full.model,
    ...(full.validation_file ? { validation_file: full.validation_file } : {}),
    ...(full.n_epochs !== undefined ? { n_epochs: full.n_epochs } : {}),
    ...(full.n_evals !== undefined ? { n_evals: full.n_evals } : {}),
    ...(full.training_type ? { training_type: full.training_type } : {}),
    ...(full.training_method ? { training_method: full.training_method as FineTuningEstimatePriceParams['training_method'] } : {}),
  };
}
