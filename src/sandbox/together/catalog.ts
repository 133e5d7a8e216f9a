// The base models the Together sandbox fine-tunes, their limits (the shape of
// GET /fine-tunes/models/limits), training prices and the hardware a fine-tune is deployed on.
// Prices are in the range Together publishes per million training tokens by model size; they are
// the sandbox's figures, not a copy of a live price list.

export interface SandboxBaseModel {
  name: string;
  /** Parameters, in billions: sets the price tier and the hardware. */
  billions: number;
  contextLength: number;
  limits: {
    max_num_epochs: number;
    max_num_evals: number;
    max_num_checkpoints: number;
    max_learning_rate: number;
    min_learning_rate: number;
    max_seq_length_sft: number;
    max_seq_length_dpo: number;
    min_max_seq_length: number;
    default_gradient_accumulation_steps: number;
    lora_training: { max_batch_size: number; max_batch_size_dpo: number; min_batch_size: number; max_rank: number; target_modules: string[] };
    full_training: { max_batch_size: number; max_batch_size_dpo: number; min_batch_size: number };
    supports_vision: boolean;
    supports_tools: boolean;
    supports_reasoning: boolean;
    merge_output_lora: boolean;
    supports_full_training: boolean;
  };
  /** Hardware id and its price in cents per minute, for a dedicated endpoint. */
  hardware: { id: string; centsPerMinute: number; gpuType: string; gpuCount: number };
}

const LINEAR = ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj'];

/** The sandbox's own limits, which differ by model as the service's do (its figures, not Together's). */
function limits(maxSeq: number, maxBatch: number, full: boolean, { maxRank = 64, dpo = true, maxEpochs = 20 }: { maxRank?: number; dpo?: boolean; maxEpochs?: number } = {}) {
  return {
    max_num_epochs: maxEpochs,
    max_num_evals: 100,
    max_num_checkpoints: 20,
    max_learning_rate: 1,
    min_learning_rate: 0,
    max_seq_length_sft: maxSeq,
    // A model without DPO reports its DPO limits as zero.
    max_seq_length_dpo: dpo ? maxSeq / 2 : 0,
    min_max_seq_length: 512,
    default_gradient_accumulation_steps: 1,
    lora_training: { max_batch_size: maxBatch, max_batch_size_dpo: dpo ? maxBatch / 2 : 0, min_batch_size: 8, max_rank: maxRank, target_modules: LINEAR },
    // A model without full training reports its full-training limits as zero (the SDK's FinetuneModelLimits says so).
    full_training: full ? { max_batch_size: maxBatch / 2, max_batch_size_dpo: dpo ? maxBatch / 4 : 0, min_batch_size: 8 } : { max_batch_size: 0, max_batch_size_dpo: 0, min_batch_size: 0 },
    supports_vision: false,
    supports_tools: true,
    supports_reasoning: false,
    merge_output_lora: false,
    supports_full_training: full,
  };
}

export const BASE_MODELS: SandboxBaseModel[] = [
  {
    name: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Reference',
    billions: 8,
    contextLength: 131072,
    limits: limits(16384, 64, true),
    hardware: { id: '1x_nvidia_h100_80gb_sxm', centsPerMinute: 5.6, gpuType: 'h100-80gb', gpuCount: 1 },
  },
  {
    name: 'Qwen/Qwen3-8B',
    billions: 8,
    contextLength: 40960,
    limits: limits(16384, 64, true),
    hardware: { id: '1x_nvidia_h100_80gb_sxm', centsPerMinute: 5.6, gpuType: 'h100-80gb', gpuCount: 1 },
  },
  {
    name: 'meta-llama/Llama-3.3-70B-Instruct-Reference',
    billions: 70,
    contextLength: 131072,
    limits: limits(8192, 32, false, { maxRank: 32, maxEpochs: 10 }),
    hardware: { id: '2x_nvidia_h100_80gb_sxm', centsPerMinute: 11.2, gpuType: 'h100-80gb', gpuCount: 2 },
  },
  {
    // Not in ftui's own table of Together models: its facts come from the service only.
    name: 'meta-llama/Llama-3.2-1B-Instruct',
    billions: 1,
    contextLength: 131072,
    limits: limits(8192, 32, true, { maxRank: 16, dpo: false }),
    hardware: { id: '1x_nvidia_l40s_48gb', centsPerMinute: 2.4, gpuType: 'l40s-48gb', gpuCount: 1 },
  },
  {
    name: 'openai/gpt-oss-20b',
    billions: 21,
    contextLength: 131072,
    limits: limits(16384, 32, false),
    hardware: { id: '1x_nvidia_h100_80gb_sxm', centsPerMinute: 5.6, gpuType: 'h100-80gb', gpuCount: 1 },
  },
];

export function findBaseModel(name: string): SandboxBaseModel | undefined {
  return BASE_MODELS.find((m) => m.name === name);
}

/** USD per million trained tokens, by size, LoRA or full, SFT or DPO. */
export function pricePerMillion(model: SandboxBaseModel, full: boolean, dpo: boolean): number {
  const tier = model.billions <= 16 ? [0.48, 0.54] : model.billions <= 69 ? [1.5, 1.65] : [2.9, 3.2];
  const base = full ? tier[1]! : tier[0]!;
  return dpo ? Math.round(base * 2.5 * 100) / 100 : base;
}

/** Together's smallest charge for a job. */
export const MINIMUM_PRICE_USD = 0;
