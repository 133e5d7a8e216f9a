// Dedicated endpoints as ftui's DeploymentService: the hardware a fine-tune can run on with its
// price per hour (from cents per minute), create with an inactivity auto-stop, state, stop. A
// create is never retried by the SDK; its display name carries ftui's client id, which the
// service keeps, so a create whose answer was lost can be found instead of being sent again.
import type Together from 'together-ai';
import type { DeploymentOption, DeploymentRecord, DeploymentRequest, DeploymentService } from '../types.js';
import { mapErrors } from './errors.js';
import { normalizeTogetherEndpoint, normalizeTogetherHardware } from './normalize.js';

export const displayNameFor = (clientId: string): string => `ftui-${clientId}`;

export class TogetherDeployments implements DeploymentService {
  /** Hardware id -> USD per hour, learnt from the hardware lists seen. */
  private readonly prices = new Map<string, number | null>();
  /** Endpoint id -> the auto-stop ftui asked for (the endpoint record does not repeat it). */
  private readonly autoStop = new Map<string, number | null>();

  constructor(private readonly client: Together) {}

  async options(model: string): Promise<DeploymentOption[]> {
    const list = await mapErrors(() => this.client.endpoints.listHardware({ model }));
    const options = list.data.map(normalizeTogetherHardware);
    for (const o of options) this.prices.set(o.id, o.usdPerHour);
    return options.sort((a, b) => Number(b.available) - Number(a.available) || (a.usdPerHour ?? Infinity) - (b.usdPerHour ?? Infinity));
  }

  private record(raw: unknown): DeploymentRecord {
    const e = raw as { id?: string; hardware?: string };
    const hardware = typeof e.hardware === 'string' ? e.hardware : null;
    return normalizeTogetherEndpoint(raw, {
      usdPerHour: hardware === null ? null : (this.prices.get(hardware) ?? null),
      autoStopMinutes: this.autoStop.get(String(e.id)) ?? null,
    });
  }

  async create(request: DeploymentRequest): Promise<DeploymentRecord> {
    if (!this.prices.has(request.optionId)) await this.options(request.model).catch(() => undefined);
    const created = await mapErrors(() =>
      this.client.endpoints.create(
        {
          model: request.model,
          hardware: request.optionId,
          autoscaling: { min_replicas: 1, max_replicas: 1 },
          display_name: displayNameFor(request.clientId),
          inactive_timeout: request.autoStopMinutes,
        },
        { maxRetries: 0 },
      ),
    );
    this.autoStop.set(created.id, request.autoStopMinutes);
    return this.record(created);
  }

  async find(request: DeploymentRequest, since: number): Promise<DeploymentRecord | null> {
    const list = await mapErrors(() => this.client.endpoints.list({ mine: true, type: 'dedicated' }));
    // Allow for a clock that differs from the service's by a minute.
    const candidates = list.data.filter((e) => e.model === request.model && Date.parse(e.created_at) >= since - 60_000);
    for (const c of candidates) {
      const full = await mapErrors(() => this.client.endpoints.retrieve(c.id));
      if (full.display_name === displayNameFor(request.clientId)) {
        this.autoStop.set(full.id, request.autoStopMinutes);
        return this.record(full);
      }
    }
    return null;
  }

  async get(id: string): Promise<DeploymentRecord> {
    return this.record(await mapErrors(() => this.client.endpoints.retrieve(id)));
  }

  /** Endpoints that are up or coming up are read in full, so their hardware and price are known. */
  async list(): Promise<DeploymentRecord[]> {
    const list = await mapErrors(() => this.client.endpoints.list({ mine: true, type: 'dedicated' }));
    const records: DeploymentRecord[] = [];
    for (const e of list.data) {
      if (e.state === 'STOPPED' || e.state === 'ERROR') {
        records.push(this.record(e));
        continue;
      }
      const full = await mapErrors(() => this.client.endpoints.retrieve(e.id));
      if (!this.prices.has(full.hardware)) await this.allPrices();
      records.push(this.record(full));
    }
    return records;
  }

  private async allPrices(): Promise<void> {
    const all = await mapErrors(() => this.client.endpoints.listHardware({}));
    for (const h of all.data.map(normalizeTogetherHardware)) this.prices.set(h.id, h.usdPerHour);
  }

  async stop(id: string): Promise<DeploymentRecord> {
    return this.record(await mapErrors(() => this.client.endpoints.update(id, { state: 'STOPPED' })));
  }
}
