// What the running app gives the Jobs and Chat screens (see providerContext.tsx) besides the
// provider for the start-up connection: the in-process sandbox starter and the validation engine
// for the cost shown before a job is created.
import { createProvider } from '../api/createProvider.js';
import { startSandbox } from '../sandbox/server.js';
import type { ConnectionState } from '../store/slices/connection.js';
import { estimateCostWithValidator } from './jobsCostEstimate.js';
import type { ProviderServices, SandboxConnection } from './providerContext.js';

/** Starts the sandbox on a free loopback port in this process and a provider connected to it. */
export async function startInProcessSandbox(): Promise<SandboxConnection> {
  const server = await startSandbox({ port: 0 });
  // The sandbox takes any key; the variable named here is never read for it.
  const provider = createProvider({ name: 'sandbox', kind: 'sandbox', baseUrl: server.baseUrl, apiKeyEnv: 'FTUI_SANDBOX_KEY' }, {});
  return { provider, baseUrl: server.baseUrl, stop: () => server.close() };
}

export async function appServices(_connection: Omit<ConnectionState, 'status' | 'message'>): Promise<Partial<ProviderServices>> {
  return { estimateCost: estimateCostWithValidator, startSandbox: startInProcessSandbox };
}
