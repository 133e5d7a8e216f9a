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

