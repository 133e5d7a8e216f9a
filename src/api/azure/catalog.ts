// Azure's base models as its /models answer gives them, kept for the connection: the ones it
// fine-tunes (capabilities.fine_tune) and, for each, Azure's own dates from `deprecation` — the
// last day it trains the model (fine_tune) and when the model and its fine-tunes' deployments
// retire (inference) — which replace OpenAI's shutdown dates in ftui's table while connected.
import type OpenAI from 'openai';
import { MODELS } from '../../core/models.js';
import { mapErrors } from '../openai/errors.js';
import { toEpochMs } from '../openai/normalize.js';
import type { BaseModelCatalog, BaseModelInfo, FormFieldSpec } from '../types.js';
import { azureCreateFields } from './createFields.js';

interface AzureModel {
  id: string;
  capabilities?: { fine_tune?: boolean };
  deprecation?: { fine_tune?: unknown; inference?: unknown };
}

const day = (value: unknown): string | null => {
  const ms = toEpochMs(value);
  return ms === null ? null : new Date(ms).toISOString().slice(0, 10);
};

const inTable = (id: string) => MODELS.find((m) => m.id === id || m.aliases.includes(id));

export function azureModelInfo(model: AzureModel): BaseModelInfo {
  const trainingEnds = day(model.deprecation?.fine_tune);
  const retires = day(model.deprecation?.inference);
  const table = inTable(model.id);
  return {
    id: model.id,
    trainingEnds,
    retires,
    // ftui counts OpenAI's models exactly; Azure's retirement date is the one that applies here
    // (OpenAI's shutdown date does not: Azure keeps serving on its own schedule).
    facts: table ? { ...table, id: model.id, shutdownDate: retires } : null,
  };
}

export class AzureCatalog implements BaseModelCatalog {
  private models: Promise<AzureModel[]> | null = null;

  constructor(private readonly client: OpenAI) {}

  private all(): Promise<AzureModel[]> {
    if (this.models === null) {
      const loading = mapErrors(async () => {
        const out: AzureModel[] = [];
        for await (const m of this.client.models.list()) out.push(m as unknown as AzureModel);
        return out;
      });
      this.models = loading;
      loading.catch(() => (this.models = null));
    }
    return this.models;
  }

  async list(): Promise<string[]> {
    return (await this.all()).filter((m) => m.capabilities?.fine_tune === true).map((m) => m.id);
  }

  async info(model: string): Promise<BaseModelInfo> {
    const found = (await this.all()).find((m) => m.id === model);
    if (found) return azureModelInfo(found);
    // Not in Azure's list (another region's model, or a typo): ftui's own facts, no dates of Azure's.
    const table = inTable(model);
    return { id: model, facts: table ? { ...table, id: model } : null };
  }

  async fields(_model: string): Promise<readonly FormFieldSpec[]> {
    const models = await this.list();
    return azureCreateFields().map((f) => (f.name === 'model' && models.length > 0 ? { ...f, choices: models } : f));
  }
}
