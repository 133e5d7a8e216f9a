import { afterEach, describe, expect, it } from 'vitest';
import type { DeploymentRecord } from '../../src/core/domain.js';
import { stopLine } from '../../src/screens/deploy/DeployPanel.js';
import { initialDeployState, type DeployState } from '../../src/store/slices/deploy.js';
import { fakeJob, fakeModel, fakeProvider } from '../helpers/fakeProvider.js';
import { KEYS } from '../helpers/keys.js';
import type { RenderedApp } from '../helpers/renderApp.js';
import { renderWithServices } from '../helpers/renderWithServices.js';
import { connectedState } from '../helpers/connectedState.js';

const FT = 'ft:gpt-4o-mini-2024-07-18:acme:support:abc123';
const up: DeploymentRecord = { id: 'dep-1', model: FT, chatModel: FT, state: 'ready', rawState: 'Succeeded', hardware: null, usdPerHour: 1.7, autoStopMinutes: null, createdAt: 0 };
const asking = (stopDeletes: boolean, running = false): DeployState => ({ ...initialDeployState, deployments: [up], stop: { id: up.id, running }, service: { offersAutoStop: false, stopDeletes } });

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

describe('the stop-deployment question', () => {
  it('asks in the same words on Jobs ("the deployment") and Chat (the model), for a stop that stops and one that deletes', () => {
    expect(stopLine(initialDeployState)).toBeNull();
    expect(stopLine(asking(true))?.text).toBe('Delete the deployment? Hosting stops; the fine-tune stays and can be deployed again. y delete · esc keep');
    expect(stopLine(asking(false), FT)?.text).toBe(`Stop ${FT}? Billing stops; it can be deployed again. y stop · esc keep`);
    // A one-line footer too narrow for the whole sentence keeps the keys.
    expect(stopLine(asking(true), 'the deployment', 78)?.text).toBe('Delete the deployment? Hosting stops; the fine-tune stays. y delete · esc keep');
    expect(stopLine(asking(false), 'the deployment', 78)?.text).toBe('Stop the deployment? Billing stops. y stop · esc keep');
    expect([stopLine(asking(true, true), FT)?.text, stopLine(asking(false, true))?.text]).toEqual(['Deleting the deployment…', 'Stopping the deployment…']);
  });

  it('the Chat screen names the model it would delete', async () => {
    const provider = fakeProvider({ models: [fakeModel(FT, null, { fineTuned: true })] });
    app = await renderWithServices(
      connectedState('chat', { deploy: asking(true) }),
      { provider },
    );
    // The line wraps at 100 columns; the words are what matter.
    await app.waitFor((frame) => frame.replace(/\s+/g, ' ').includes(`Delete ${FT}? Hosting stops; the fine-tune stays and can be deployed again. y delete · esc keep`));
  });

  it('the job monitor at 80 columns keeps the keys on its one footer line', async () => {
    const provider = fakeProvider({ jobs: [fakeJob('ftjob-1', { fineTunedModel: FT })] });
    provider.capabilities = { ...provider.capabilities, deployments: true };
    app = await renderWithServices(
      connectedState('jobs', { deploy: { ...asking(true), stop: null } }),
      { provider },
      { columns: 80, rows: 24 },
    );
    await app.waitFor('ftjob-1');
    await app.press(KEYS.enter);
    await app.waitFor('X delete deployment');
    await app.press('X');
    await app.waitFor('Delete the deployment? Hosting stops; the fine-tune stays. y delete · esc keep');
  });
});
