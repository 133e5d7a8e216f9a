// What the running app gives the Jobs and Chat screens (see providerContext.tsx): the provider
// for the configured connection, the sandbox starter, and the validation engine for the cost
// shown before a job is created.
import type { ConnectionState } from '../store/slices/connection.js';
import { estimateCostWithValidator } from './jobsCostEstimate.js';
import type { ProviderServices } from './providerContext.js';

export async function appServices(_connection: Omit<ConnectionState, 'status' | 'message'>): Promise<Partial<ProviderServices>> {
  return { estimateCost: estimateCostWithValidator };
}
