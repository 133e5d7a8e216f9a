// Together's base models as the service says, kept for the connection: the list from
// /fine-tunes/models/supported and each model's /fine-tunes/models/limits, turned into the
// Validate screen's facts (longest example, LoRA/full, SFT/DPO) and the create form narrowed to the
// model (its largest LoRA rank, epochs, evaluations, checkpoints, batch sizes, learning rates,
// sequence lengths, trainable modules). A failed answer is not kept: the next look asks again.
import type Together from 'together-ai';
import type { FinetuneModelLimits } from 'together-ai/resources/fine-tuning';
import { serviceOpenModelFacts } from '../../core/openModels.js';
import type { BaseModelCatalog, BaseModelInfo, FormFieldSpec } from '../types.js';
import { TOGETHER_CREATE_FIELDS } from './createFields.js';
import { mapErrors } from './errors.js';

/** A limit the service reports as absent or zero (a method or training kind it does not offer). */
const given = (n: number | null | undefined): number | null => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : null);

function remembered<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let found = cache.get(key);
  if (!found) {
    found = load();
    cache.set(key, found);
    found.catch(() => cache.delete(key));
  }
  return found;
}

/** What the limits say about a model, in ftui's words. */
export function infoFromLimits(id: string, limits: FinetuneModelLimits): BaseModelInfo {
  const lora = limits.lora_training;
  const full = limits.supports_full_training !== false && given(limits.full_training?.max_batch_size) !== null;
  const dpo = given(limits.max_seq_length_dpo) !== null && (given(lora?.max_batch_size_dpo) !== null || (full && given(limits.full_training?.max_batch_size_dpo) !== null));
  const sft = given(limits.max_seq_length_sft);
  return {
    id,
    maxTokens: { supervised: sft, dpo: dpo ? given(limits.max_seq_length_dpo) : null },
    training: { lora: given(lora?.max_batch_size) !== null, full },
    maxLoraRank: given(lora?.max_rank),
    methods: dpo ? ['supervised', 'dpo'] : ['supervised'],
    facts: serviceOpenModelFacts(id, sft, 'together'),
  };
}

const MODULE = /^[a-z_]+$/;

/** Together's create form with this model's defaults and ranges, and the service's model list. */
export function fieldsForModel(models: readonly string[], info: BaseModelInfo, limits: FinetuneModelLimits): FormFieldSpec[] {
  const lora = limits.lora_training;
  const full = limits.full_training;
  const batchMins = [lora?.min_batch_size, info.training?.full ? full?.min_batch_size : undefined].map(given).filter((n): n is number => n !== null);
  const batchMaxes = [lora?.max_batch_size, info.training?.full ? full?.max_batch_size : undefined].map(given).filter((n): n is number => n !== null);
  const modules = (lora?.target_modules ?? []).filter((m) => MODULE.test(m));
  const longest = info.maxTokens?.supervised ?? null;
  return TOGETHER_CREATE_FIELDS.map((spec): FormFieldSpec => {
    switch (spec.name) {
      case 'model':
        return { ...spec, choices: models.includes(info.id) ? models : [...models, info.id], help: 'Open model to train; the ranges below are its own.' };
      case 'method':
        return { ...spec, choices: info.methods ?? spec.choices };
      case 'training':
        return { ...spec, choices: info.training?.full ? ['lora', 'full'] : ['lora'] };
      case 'loraR':
        return info.maxLoraRank == null ? spec : { ...spec, max: info.maxLoraRank, empty: `the model's largest, ${info.maxLoraRank}` };
      case 'loraModules':
        return modules.length === 0 ? spec : { ...spec, pattern: { regex: `^(all-linear|(${modules.join('|')})(,(${modules.join('|')}))*)$`, says: `all-linear, or some of ${modules.join(',')}` } };
      case 'epochs':
        return given(limits.max_num_epochs) === null ? spec : { ...spec, max: limits.max_num_epochs };
      case 'nEvals':
        return given(limits.max_num_evals) === null ? spec : { ...spec, max: limits.max_num_evals };
      case 'nCheckpoints':
        return given(limits.max_num_checkpoints) === null ? spec : { ...spec, max: limits.max_num_checkpoints };
      case 'batchSize':
        return batchMaxes.length === 0 ? spec : { ...spec, min: batchMins.length > 0 ? Math.min(...batchMins) : spec.min, max: Math.max(...batchMaxes), empty: `the model's largest, ${given(lora?.max_batch_size) ?? Math.max(...batchMaxes)} for LoRA` };
      case 'learningRate':
        return given(limits.max_learning_rate) === null ? spec : { ...spec, min: limits.min_learning_rate ?? 0, minExclusive: true, max: limits.max_learning_rate };
      case 'maxSeqLength':
        return longest === null ? spec : { ...spec, min: given(limits.min_max_seq_length) ?? spec.min, max: longest, empty: `the model's longest, ${longest}` };
      default:
        return spec;
    }
  });
}

export class TogetherCatalog implements BaseModelCatalog {
  private readonly listed = new Map<string, Promise<string[]>>();
  private readonly limitsByModel = new Map<string, Promise<FinetuneModelLimits>>();

  constructor(private readonly client: Together) {}

  list(): Promise<string[]> {
    return remembered(this.listed, '', async () => (await mapErrors(() => this.client.get<{ models?: string[] }>('/fine-tunes/models/supported'))).models ?? []);
  }

  /** The service's limits for a model, asked once per connection. */
  limits(model: string): Promise<FinetuneModelLimits> {
    return remembered(this.limitsByModel, model, () => mapErrors(() => this.client.fineTuning.modelLimits({ model_name: model })));
  }

  async info(model: string): Promise<BaseModelInfo> {
    return infoFromLimits(model, await this.limits(model));
  }

  async fields(model: string): Promise<readonly FormFieldSpec[]> {
    const [models, limits] = await Promise.all([this.list(), this.limits(model)]);
    return fieldsForModel(models, infoFromLimits(model, limits), limits);
  }
}
