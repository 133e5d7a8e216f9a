// Switching provider keeps the open dataset and the chat transcript, and drops what came from
// the old provider (its jobs, models and deployments) so none is shown as the new one's.
import { describe, expect, it } from 'vitest';
import { reducer } from '../../../src/store/reducer.js';
import { initialAppState, type AppState } from '../../../src/store/state.js';

const job = { id: 'ftjob-1', model: 'gpt-4.1-mini', status: 'running' } as unknown as AppState['jobs']['list']['jobs'][number];

describe('app/switchConnection', () => {
  it('drops the old provider’s jobs, models and deployments; keeps dataset, validation and transcript', () => {
    const before: AppState = {
      ...initialAppState,
      dataset: { ...initialAppState.dataset, filePath: '/data/train.jsonl', dirty: true },
      jobs: { ...initialAppState.jobs, list: { ...initialAppState.jobs.list, jobs: [job] } },
      chat: { ...initialAppState.chat, model: 'ft:gpt-4.1-mini:x', draft: 'half a question', models: { list: [{ id: 'ft:gpt-4.1-mini:x', ownedBy: 'me', createdAt: 0, shutdownDate: null }], loading: false, error: null, requestId: 1 } },
      deploy: { ...initialAppState.deploy, listRequest: 2 },
    };
    const after = reducer(before, { type: 'app/switchConnection', connection: { kind: 'together', baseUrl: null, keyEnv: 'TOGETHER_API_KEY', keyPresent: true, profile: 'together' } });
    expect(after.connection).toMatchObject({ kind: 'together', profile: 'together', status: 'unknown' });
    expect(after.dataset).toBe(before.dataset);
    expect(after.validation).toBe(before.validation);
    expect(after.jobs.list.jobs).toEqual([]);
    expect(after.jobs.list.request.id).toBe(0);
    expect(after.chat.models).toMatchObject({ list: [], requestId: 0 });
    expect(after.chat.model).toBeNull();
    expect(after.chat.draft).toBe('half a question');
    expect(after.deploy.listRequest).toBe(0);
  });
});
