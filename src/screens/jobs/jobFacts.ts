// What the Jobs screen says about a job and its models, from provider-neutral records and the
// model facts in src/core/models.ts.
import type { JobEvent, JobRecord, ModelRecord } from '../../core/domain.js';
import { MODELS, resolveModel } from '../../core/models.js';
import { formatUtc } from './formatTime.js';

/** OpenAI's announced end of self-serve fine-tuning: no new jobs from this day (UTC). */
export const OPENAI_JOB_CUTOFF = '2027-01-06';

const WIND_DOWN_LONG = `OpenAI: no new fine-tuning jobs from ${OPENAI_JOB_CUTOFF}; gpt-4o, gpt-4o-mini, gpt-4.1, gpt-4.1-mini and their fine-tunes shut down 2027-01-14.`;
const WIND_DOWN_SHORT = `OpenAI: no new jobs from ${OPENAI_JOB_CUTOFF}; gpt-4o/4.1 (+mini) shut down 2027-01-14`;

/** OpenAI's wind-down in the words that fit: both dates survive at 80 columns. */
export function windDownNotice(width: number): string {
  return WIND_DOWN_LONG.length <= width ? WIND_DOWN_LONG : WIND_DOWN_SHORT;
}

/** Whether the wind-down concerns these models: some are OpenAI's (ftui's model table knows them). */
export function windDownApplies(models: readonly string[] | undefined): boolean {
  return models === undefined || models.some((m) => MODELS.some((k) => k.id === m || k.aliases.includes(m)));
}

/** The normalised status, or the provider's own word when ftui does not know it. */
export function statusLabel(job: JobRecord): string {
  if (job.status === 'unknown') return `${job.rawStatus} (?)`;
  // 'finishing' covers several of a provider's own steps (compressing, uploading): name the step.
  if (job.status === 'finishing' && job.rawStatus !== '' && job.rawStatus !== 'finishing') return `finishing: ${job.rawStatus.replace(/_/g, ' ')}`;
  return job.status.replace(/_/g, ' ');
}

export function statusColor(job: JobRecord): string | undefined {
  switch (job.status) {
    case 'succeeded':
      return 'green';
    case 'failed':
      return 'red';
    case 'cancelled':
      return 'gray';
    case 'running':
      return 'cyan';
    case 'unknown':
      return 'magenta';
    default:
      return 'yellow';
  }
}

/** 'YYYY-MM-DD' when a model (base or fine-tuned) is known to shut down, else null. */
export function shutdownDate(modelId: string | null | undefined, models: readonly ModelRecord[]): string | null {
  if (!modelId) return null;
  const listed = models.find((m) => m.id === modelId);
  if (listed?.shutdownDate != null) return formatUtc(listed.shutdownDate).slice(0, 10);
  return resolveModel(modelId)?.shutdownDate ?? null;
}

/** "gpt-4o-mini-2024-07-18 (shuts down 2027-01-14)" */
export function modelWithShutdown(modelId: string | null | undefined, models: readonly ModelRecord[]): string {
  if (!modelId) return '-';
  const date = shutdownDate(modelId, models);
  return date === null ? modelId : `${modelId} (shuts down ${date})`;
}

/**
 * "supervised · epochs 3 · batch 1 · LR ×1.8": a multiplier of the provider's base rate and an
 * absolute rate are written differently so they are never mistaken for each other.
 */
export function trainingSettings(job: JobRecord): string {
  const h = job.hyperparameters;
  const lr = h.learningRate === null ? 'auto' : h.learningRate.kind === 'multiplier' ? `×${h.learningRate.value}` : `${h.learningRate.value.toExponential(1)} (absolute)`;
  return [
    job.method,
    `epochs ${h.epochs ?? 'auto'}`,
    `batch ${h.batchSize ?? 'auto'}`,
    `LR ${lr}`,
    ...(h.beta === null ? [] : [`beta ${h.beta}`]),
    ...(job.seed === null ? [] : [`seed ${job.seed}`]),
  ].join(' · ');
}

/**
 * Total steps when the metrics do not carry them: OpenAI-style logs say "Step 17/36: ...".
 * Only the newest such message is read.
 */
export function stepsFromMessages(events: readonly JobEvent[]): number | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const match = /\bStep \d+\/(\d+)\b/.exec(events[i]!.message);
    if (match) return Number(match[1]);
  }
  return null;
}
