// /v1/models: the base models that can be fine-tuned, plus every fine-tuned model and
// checkpoint model of succeeded jobs. `shutdown_date` carries the announced retirement.
import { NEBIUS_BASES } from './flavors.js';
import { notFound } from './http.js';
import type { Handler, Sandbox } from './sandbox.js';
import { ORGANIZATION_SLUG } from './state.js';

/** OpenAI announced that these and every fine-tune of them shut down on this date. */
export const SHUTDOWN_DATE = '2027-01-14';

interface BaseModel {
  id: string;
  created: number;
  fineTunable: boolean;
  shutdown: string | null;
}

export const BASE_MODELS: BaseModel[] = [
  { id: 'gpt-4o-mini-2024-07-18', created: 1721172741, fineTunable: true, shutdown: SHUTDOWN_DATE },
  { id: 'gpt-4o-2024-08-06', created: 1722814719, fineTunable: true, shutdown: SHUTDOWN_DATE },
  { id: 'gpt-4.1-2025-04-14', created: 1744316542, fineTunable: true, shutdown: SHUTDOWN_DATE },
  { id: 'gpt-4.1-mini-2025-04-14', created: 1744317547, fineTunable: true, shutdown: SHUTDOWN_DATE },
  { id: 'gpt-4.1-nano-2025-04-14', created: 1744321025, fineTunable: true, shutdown: null },
  { id: 'gpt-4o-mini', created: 1721172741, fineTunable: false, shutdown: SHUTDOWN_DATE },
];

export interface ModelWire {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
  shutdown_date: string | null;
  /** Azure's own fields (its Models - List reference): what the model can do and when it retires. */
  capabilities?: { fine_tune: boolean; inference: boolean; completion: boolean; chat_completion: boolean; embeddings: boolean };
  lifecycle_status?: 'generally-available' | 'preview';
  /** Unix seconds: the last moment Azure fine-tunes the model, and when it (and its fine-tunes) stop answering. */
  deprecation?: { fine_tune?: number; inference: number };
}

// Azure retires models on its own schedule, not OpenAI's; these dates are the sandbox's figures
// (later than OpenAI's 2027-01-14, so a test can tell whose date it shows), not Azure's list.
const AZURE_DATES: Record<string, { fineTune: string; inference: string }> = {
  'gpt-4o-mini-2024-07-18': { fineTune: '2027-03-31', inference: '2027-09-30' },
  'gpt-4o-2024-08-06': { fineTune: '2027-03-31', inference: '2027-09-30' },
  'gpt-4.1-2025-04-14': { fineTune: '2027-04-14', inference: '2027-10-14' },
  'gpt-4.1-mini-2025-04-14': { fineTune: '2027-04-14', inference: '2027-10-14' },
  'gpt-4.1-nano-2025-04-14': { fineTune: '2027-04-14', inference: '2027-10-14' },
  'gpt-4o-mini': { fineTune: '2027-03-31', inference: '2027-09-30' },
};

const unix = (day: string) => Math.floor(Date.parse(`${day}T00:00:00Z`) / 1000);

/** A model as Azure lists it: OpenAI's fields plus capabilities, lifecycle and deprecation dates. */
function azureModel(model: ModelWire, base: string, fineTunable: boolean, fineTuned: boolean): ModelWire {
  const dates = AZURE_DATES[base];
  return {
    ...model,
    shutdown_date: null,
    capabilities: { fine_tune: fineTunable, inference: true, completion: false, chat_completion: true, embeddings: false },
    lifecycle_status: 'generally-available',
    ...(dates ? { deprecation: fineTuned ? { inference: unix(dates.inference) } : { fine_tune: unix(dates.fineTune), inference: unix(dates.inference) } } : {}),
  };
}

export function allModels(sb: Sandbox): ModelWire[] {
  if (sb.state.flavor === 'nebius') {
    // Its open bases, and checkpoints served as custom models once they are active.
    const bases: ModelWire[] = NEBIUS_BASES.map((id) => ({ id, object: 'model', created: 1721172741, owned_by: id.split('/')[0]!, shutdown_date: null }));
    const custom: ModelWire[] = (sb.state.customModels ?? []).filter((m) => m.status === 'active').map((m) => ({ id: m.name, object: 'model', created: m.created_at, owned_by: 'custom', shutdown_date: null }));
    return [...bases, ...custom];
  }
  const models: ModelWire[] = BASE_MODELS.map((m) => ({
    id: m.id,
    object: 'model',
    created: m.created,
    owned_by: 'system',
    shutdown_date: m.shutdown,
  }));
  for (const job of sb.state.jobs) {
    if (job.status !== 'succeeded' || job.fine_tuned_model === null) continue;
    const base = BASE_MODELS.find((m) => m.id === job.model);
    const shutdown = base?.shutdown ?? null;
    const owned = `user-${ORGANIZATION_SLUG}`;
    models.push({ id: job.fine_tuned_model, object: 'model', created: job.finished_at ?? job.created_at, owned_by: owned, shutdown_date: shutdown });
    for (const ckpt of sb.state.checkpoints[job.id] ?? []) {
      if (ckpt.fine_tuned_model_checkpoint === job.fine_tuned_model) continue;
      models.push({ id: ckpt.fine_tuned_model_checkpoint, object: 'model', created: ckpt.created_at, owned_by: owned, shutdown_date: shutdown });
    }
  }
  if (sb.state.flavor === 'azure') {
    return models.map((m) => {
      const base = BASE_MODELS.find((b) => b.id === m.id);
      if (base) return azureModel(m, base.id, base.fineTunable, false);
      const job = sb.state.jobs.find((j) => j.fine_tuned_model === m.id || (sb.state.checkpoints[j.id] ?? []).some((c) => c.fine_tuned_model_checkpoint === m.id));
      return azureModel(m, job?.model ?? '', false, true);
    });
  }
  return models;
}

export function findModel(sb: Sandbox, id: string): ModelWire | undefined {
  return allModels(sb).find((m) => m.id === id);
}

export const listModels: Handler = ({ sb }) => ({ object: 'list', data: allModels(sb) });

export const getModel: Handler = ({ sb, params }) => {
  const id = decodeURIComponent(params[0]!);
  const model = findModel(sb, id);
  if (!model) throw notFound('model', id);
  return model;
};

