// The deploy slice: nothing is created before y on an available option, one create per y, a
// lost answer keeps its request id for the next y, and a stop asks first.
import { describe, expect, it } from 'vitest';
import type { DeploymentRecord } from '../../../src/core/domain.js';
import { billing, deploymentFor, initialDeployState, reduceDeploy, type DeployAction, type DeployState } from '../../../src/store/slices/deploy.js';

const run = (actions: DeployAction[], state: DeployState = initialDeployState) => actions.reduce(reduceDeploy, state);
const option = (id: string, available = true) => ({ id, label: id, usdPerHour: 3.36, available });
const record = (patch: Partial<DeploymentRecord> = {}): DeploymentRecord => ({ id: 'e1', model: 'u/ft', chatModel: 'u/ft-e1', state: 'pending', rawState: 'PENDING', hardware: 'h', usdPerHour: 3.36, autoStopMinutes: 15, createdAt: 0, ...patch });

describe('deploy slice', () => {
  it('offers first: y does nothing until an available option is loaded, then counts one attempt', () => {
    let s = run([{ type: 'deploy/offer', model: 'u/ft' }, { type: 'deploy/confirm' }]);
    expect(s.offer?.attempt).toBe(0);
    s = run([{ type: 'deploy/optionsLoaded', model: 'u/ft', options: [option('busy', false), option('h100')] }], s);
    expect(s.offer?.selected).toBe(1);
    s = run([{ type: 'deploy/autoStop', delta: 1 }, { type: 'deploy/confirm' }, { type: 'deploy/confirm' }], s);
    expect(s.offer).toMatchObject({ phase: 'creating', attempt: 1, autoStop: 1 });
    expect(run([{ type: 'deploy/cancelOffer' }], s).offer).not.toBeNull();
  });

  it('a lost answer keeps the request id for the next confirmation; created ends the offer', () => {
    let s = run([{ type: 'deploy/offer', model: 'u/ft' }, { type: 'deploy/optionsLoaded', model: 'u/ft', options: [option('h100')] }, { type: 'deploy/confirm' }]);
    s = run([{ type: 'deploy/createFailed', error: { kind: 'server', message: 'lost', retryAfterMs: null, param: null }, unresolvedClientId: 'ftui-1' }], s);
    expect(s.offer).toMatchObject({ phase: 'failed', unresolvedClientId: 'ftui-1' });
    s = run([{ type: 'deploy/offer', model: 'u/ft' }], s);
    expect(s.offer?.unresolvedClientId).toBe('ftui-1');
    s = run([{ type: 'deploy/created', deployment: record() }], s);
    expect(s.offer).toBeNull();
    expect(deploymentFor(s, 'u/ft')?.id).toBe('e1');
    expect(deploymentFor(s, 'u/ft-e1')?.id).toBe('e1');
  });

  it('stop asks, then runs; a stopped deployment no longer bills', () => {
    let s = run([{ type: 'deploy/created', deployment: record({ state: 'ready', rawState: 'STARTED' }) }, { type: 'deploy/askStop', id: 'e1' }]);
    expect(s.stop).toEqual({ id: 'e1', running: false });
    expect(run([{ type: 'deploy/dismissStop' }], s).stop).toBeNull();
    s = run([{ type: 'deploy/confirmStop' }], s);
    expect(s.stop?.running).toBe(true);
    s = run([{ type: 'deploy/updated', deployment: record({ state: 'stopped', rawState: 'STOPPED' }) }], s);
    expect(s.stop).toBeNull();
    expect(billing(s.deployments[0]!)).toBe(false);
    expect(deploymentFor(s, 'u/ft')).toBeUndefined();
  });
});
