import { describe, expect, it } from 'vitest';
import type { DeploymentRequest, DeploymentService } from '../../../src/api/types.js';
import { ProviderError, type DeploymentRecord } from '../../../src/core/domain.js';
import { DeployOnceError, deployOnce } from '../../../src/effects/deployOnce.js';

const request: DeploymentRequest = { model: 'ft:m', optionId: 'gpu-1', autoStopMinutes: null, clientId: 'ftui-abc' };
const noWait = { since: 1_000_000, sleep: async () => undefined };

/** A service that makes a deployment on every create and can lose the answer or fail its look-ups. */
function service(behaviour: { loseAnswer?: boolean; refuse?: boolean; findFails?: boolean; made?: DeploymentRecord[] }) {
  const made = behaviour.made ?? [];
  let creates = 0;
  let finds = 0;
  const record = (): DeploymentRecord =>
    ({ id: `dep-${made.length + 1}`, model: request.model, chatModel: 'served', state: 'starting', rawState: 'starting', hardware: null, usdPerHour: 2, autoStopMinutes: null, createdAt: 0 });
  const s: DeploymentService = {
    options: async () => [],
    create: async () => {
      creates++;
      if (behaviour.refuse) throw new ProviderError({ kind: 'invalid_request', message: 'Bad hardware.', param: 'hardware' }, 400);
      made.push(record());
      if (behaviour.loseAnswer) throw new ProviderError({ kind: 'server', message: 'Internal error.' }, 500);
      return made.at(-1)!;
    },
    find: async () => {
      finds++;
      if (behaviour.findFails) throw new ProviderError({ kind: 'network', message: 'Connection refused.' });
      return made[0] ?? null;
    },
    get: async () => made[0]!,
    list: async () => made,
    stop: async () => made[0]!,
  };
  return { s, made, creates: () => creates, finds: () => finds };
}

async function failure(promise: Promise<unknown>): Promise<DeployOnceError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DeployOnceError);
  return error as DeployOnceError;
}

describe('deployOnce', () => {
  it('adopts the deployment a create made when its answer was lost, creating one only', async () => {
    const svc = service({ loseAnswer: true });
    const deployment = await deployOnce(svc.s, request, { ...noWait, lookupFirst: false });
    expect(deployment.id).toBe('dep-1');
    expect(svc.creates()).toBe(1);
    expect(svc.made).toHaveLength(1);
  });

  it('creates nothing when the earlier confirmation cannot be looked up, and keeps its id for the next y', async () => {
    // Before: a failed look-up counted as "none found" and a second billed deployment was made.
    const svc = service({ findFails: true });
    const error = await failure(deployOnce(svc.s, request, { ...noWait, lookupFirst: true }));
    expect(svc.creates()).toBe(0);
    expect(error.unresolvedClientId).toBe('ftui-abc');
    expect(error.message).toMatch(/could not check whether the earlier confirmation made a deployment \(Connection refused\.\), so it deployed nothing/);
  });

  it('looks again before saying a lost answer made nothing, and says so when it cannot look', async () => {
    const svc = service({ loseAnswer: true, findFails: true });
    const error = await failure(deployOnce(svc.s, request, { ...noWait, lookupFirst: false, lookupDelaysMs: [0, 10, 10] }));
    expect(svc.creates()).toBe(1);
    expect(svc.finds()).toBe(3);
    expect(error.unresolvedClientId).toBe('ftui-abc');
    expect(error.message).toMatch(/answer was lost \(the service answered HTTP 500\) and ftui could not look for it \(Connection refused\.\)\. A deployment may exist and bill/);
  });

  it('takes the earlier deployment on the next y instead of creating another', async () => {
    const made: DeploymentRecord[] = [];
    const first = service({ loseAnswer: true, findFails: true, made });
    await failure(deployOnce(first.s, request, { ...noWait, lookupFirst: false }));
    const again = service({ made });
    const deployment = await deployOnce(again.s, request, { ...noWait, lookupFirst: true });
    expect(deployment.id).toBe('dep-1');
    expect(again.creates()).toBe(0);
    expect(made).toHaveLength(1);
  });

  it('says nothing was deployed when the service refused, with no id left to look for', async () => {
    const svc = service({ refuse: true });
    const error = await failure(deployOnce(svc.s, request, { ...noWait, lookupFirst: false }));
    expect(error.message).toBe('Bad hardware. Nothing was deployed.');
    expect(error.unresolvedClientId).toBeNull();
    expect(svc.finds()).toBe(0);
  });
});
