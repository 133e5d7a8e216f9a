// Azure OpenAI deployments as ftui's DeploymentService, through Azure's official SDKs: an Entra ID
// token from @azure/identity, and the deployment resource under the account
// (Microsoft.CognitiveServices/accounts/{account}/deployments/{name}) through
// @azure/arm-cognitiveservices. The deployment's name is what chat sends as `model`.
//
// Exactly once by design: ftui names the deployment from the create's client id, and a PUT of the
// same name updates that deployment instead of making a second one, so a lost answer is found by
// reading that name and a retry cannot double the bill.
//
// Prices and lifetimes are the ones Azure's fine-tuning cost guide gives (Standard and Global
// Standard: $1.70 an hour of hosting on top of tokens; Developer: no hourly fee, removed after
// 24 hours); Azure's pricing page has the last word.
import { readFileSync } from 'node:fs';
import { CognitiveServicesManagementClient, type Deployment } from '@azure/arm-cognitiveservices';
import { ClientSecretCredential, DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import type { AzureManagement } from '../../core/profiles.js';
import { ProviderError, type DeploymentOption, type DeploymentRecord, type DeploymentRequest, type DeploymentService, type DeploymentState } from '../types.js';
import { httpFailure, redactKeys } from '../httpErrors.js';

export const AZURE_DEPLOYMENT_OPTIONS: readonly DeploymentOption[] = [
  { id: 'Standard', label: 'Standard', usdPerHour: 1.7, available: true, lifetimeHours: null, note: 'hosting billed every hour it is up, plus tokens; data stays in the region; SLA' },
  { id: 'GlobalStandard', label: 'Global Standard', usdPerHour: 1.7, available: true, lifetimeHours: null, note: 'hosting billed every hour it is up, plus tokens; may run outside the region; SLA' },
  { id: 'DeveloperTier', label: 'Developer', usdPerHour: null, available: true, lifetimeHours: 24, note: 'no hourly fee, tokens only; no SLA; Azure removes it after 24 hours' },
];

const CAPACITY: Record<string, number> = { Standard: 1, GlobalStandard: 1, DeveloperTier: 50 };
const STATES: Record<string, DeploymentState> = { Creating: 'starting', Accepted: 'pending', Succeeded: 'ready', Failed: 'failed', Deleting: 'stopping', Canceled: 'failed', Moving: 'starting' };

/** The deployment's name for a create: short, valid in Azure, the same on every attempt. */
export const deploymentNameFor = (clientId: string): string => `ftui-${clientId.replace(/^ftui-/, '').replace(/[^A-Za-z0-9-]/g, '').slice(0, 12).toLowerCase()}`;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Azure's own credential chain (environment variables, workload or managed identity, `az login`,
 * azd, PowerShell). Only the local sandbox, which ftui recognises by its loopback authority, gets
 * a client-secret credential against that authority instead: the same MSAL flow, no real tenant.
 */
export function azureCredential(azure: AzureManagement, tls: { ca: string } | undefined): TokenCredential {
  const authority = azure.authorityHost === undefined ? null : new URL(azure.authorityHost);
  if (authority !== null && LOOPBACK.has(authority.hostname)) {
    return new ClientSecretCredential(azure.tenantId ?? 'sandbox-tenant', 'ftui-sandbox', 'sandbox', {
      authorityHost: azure.authorityHost,
      disableInstanceDiscovery: true,
      ...(tls ? { tlsOptions: tls } : {}),
    });
  }
  return new DefaultAzureCredential({
    ...(azure.tenantId ? { tenantId: azure.tenantId } : {}),
    ...(azure.authorityHost ? { authorityHost: azure.authorityHost } : {}),
    ...(tls ? { tlsOptions: tls } : {}),
  });
}

/** RestError (status and code) or a credential failure, in words a person can act on. */
export function toAzureError(error: unknown): unknown {
  if (error instanceof ProviderError) return error;
  const e = error as { name?: string; statusCode?: number; code?: string; message?: string; details?: { error?: { message?: string } } };
  if (e?.name === 'CredentialUnavailableError' || e?.name === 'AuthenticationError' || e?.name === 'AggregateAuthenticationError') {
    return new ProviderError({
      kind: 'auth',
      message: 'ftui could not get an Entra ID token to manage deployments. Sign in with `az login`, or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET for a service principal with the Cognitive Services Contributor role.',
    });
  }
  if (typeof e?.statusCode === 'number') {
    const message = e.details?.error?.message ?? e.message ?? '';
    return httpFailure({ status: e.statusCode, error: { message: redactKeys(message) }, code: e.code ?? null, param: null });
  }
  if (e?.name === 'RestError' || e?.code === 'ECONNREFUSED' || e?.code === 'ENOTFOUND' || e?.code === 'ETIMEDOUT') {
    return new ProviderError({ kind: 'network', message: "Could not reach Azure's management endpoint. Check your network connection." });
  }
  return error;
}

async function mapAzure<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toAzureError(error);
  }
}

export class AzureDeployments implements DeploymentService {
  readonly stopDeletes = true;
  readonly offersAutoStop = false;
  private readonly client: CognitiveServicesManagementClient;

  constructor(private readonly azure: AzureManagement) {
    const tls = azure.caFile ? { ca: readFileSync(azure.caFile, 'utf8') } : undefined;
    this.client = new CognitiveServicesManagementClient(azureCredential(azure, tls), azure.subscriptionId, {
      ...(azure.managementEndpoint ? { endpoint: azure.managementEndpoint } : {}),
      ...(tls ? { tlsOptions: tls } : {}),
    });
  }

  private record(d: Deployment): DeploymentRecord {
    const sku = d.sku?.name ?? null;
    const option = AZURE_DEPLOYMENT_OPTIONS.find((o) => o.id.toLowerCase() === sku?.toLowerCase());
    const rawState = d.properties?.provisioningState ?? 'unknown';
    const createdAt = d.systemData?.createdAt ? new Date(d.systemData.createdAt).getTime() : 0;
    return {
      id: d.name ?? '',
      model: d.properties?.model?.name ?? '',
      chatModel: d.name ?? '',
      state: STATES[rawState] ?? 'unknown',
      rawState,
      hardware: option?.label ?? sku,
      usdPerHour: option?.usdPerHour ?? null,
      autoStopMinutes: null,
      createdAt,
      expiresAt: option?.lifetimeHours && createdAt > 0 ? createdAt + option.lifetimeHours * 3600_000 : null,
    };
  }

  async options(): Promise<DeploymentOption[]> {
    return [...AZURE_DEPLOYMENT_OPTIONS];
  }

  async create(request: DeploymentRequest): Promise<DeploymentRecord> {
    const name = deploymentNameFor(request.clientId);
    const { resourceGroup, accountName } = this.azure;
    await mapAzure(() =>
      this.client.deployments.beginCreateOrUpdate(resourceGroup, accountName, name, {
        sku: { name: request.optionId, capacity: CAPACITY[request.optionId] ?? 1 },
        properties: { model: { format: 'OpenAI', name: request.model, version: '1' } },
      }),
    );
    // The poller is not awaited to the end: the screens follow the state while it comes up.
    return this.get(name);
  }

  async find(request: DeploymentRequest): Promise<DeploymentRecord | null> {
    try {
      return await this.get(deploymentNameFor(request.clientId));
    } catch (error) {
      if (error instanceof ProviderError && error.kind === 'not_found') return null;
      throw error;
    }
  }

  async get(id: string): Promise<DeploymentRecord> {
    return this.record(await mapAzure(() => this.client.deployments.get(this.azure.resourceGroup, this.azure.accountName, id)));
  }

  async list(): Promise<DeploymentRecord[]> {
    const out: DeploymentRecord[] = [];
    await mapAzure(async () => {
      for await (const d of this.client.deployments.list(this.azure.resourceGroup, this.azure.accountName)) out.push(this.record(d));
    });
    return out;
  }

  /** Deletes it: hosting stops; the fine-tuned model stays and can be deployed again. */
  async stop(id: string): Promise<DeploymentRecord> {
    const current = await this.get(id);
    await mapAzure(() => this.client.deployments.beginDeleteAndWait(this.azure.resourceGroup, this.azure.accountName, id));
    return { ...current, state: 'stopped', rawState: 'Deleted' };
  }
}
