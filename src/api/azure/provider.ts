// Azure OpenAI on the shared OpenAI-protocol provider, plus what Chat needs to know: a fine-tune
// answers only through a deployment, whose name is what chat sends as the model. So the model
// list marks fine-tunes (`<base>.ft-<id>`) as needing one and offers ready deployments by name.
import { OpenAIProvider, type OpenAIProviderOptions } from '../openai/provider.js';
import type { ModelRecord } from '../types.js';
import { AzureCatalog } from './catalog.js';
import type { AzureDeployments } from './deployments.js';

const FINE_TUNE = /\.ft-[0-9a-f]+/i;

export class AzureProvider extends OpenAIProvider {
  readonly catalog: AzureCatalog;

  constructor(
    options: OpenAIProviderOptions,
    readonly deployments?: AzureDeployments,
  ) {
    super(options);
    this.catalog = new AzureCatalog(this.client);
  }

  override async listModels(): Promise<ModelRecord[]> {
    const [listed, deployed] = await Promise.all([super.listModels(), this.deployments?.list().catch(() => []) ?? Promise.resolve([])]);
    const ready = deployed.filter((d) => d.state === 'ready');
    const baseOf = (model: string) => (FINE_TUNE.test(model) ? model.split('.ft-')[0]! : null);
    const served: ModelRecord[] = ready.map((d) => ({ id: d.chatModel, ownedBy: 'deployment', createdAt: d.createdAt, shutdownDate: null, fineTuned: true, baseModel: baseOf(d.model) }));
    const rest = listed
      .filter((m) => !ready.some((d) => d.model === m.id))
      .map((m) => (FINE_TUNE.test(m.id) || m.id.startsWith('ftchkpt-') ? { ...m, needsDeployment: true, fineTuned: true, baseModel: baseOf(m.id) } : m));
    return [...served, ...rest];
  }
}
