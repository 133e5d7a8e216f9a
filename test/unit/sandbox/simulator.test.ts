import { describe, expect, it } from 'vitest';
import { sampleTrainingJsonl, startTestSandbox } from '../../helpers/sandbox.js';
import { call, uploadFile } from './client.js';

async function runJob(speed: number, advanceMs: number, steps = 1): Promise<{ status: string; events: unknown[] }> {
  const sb = await startTestSandbox({ speed });
  try {
    const file = await uploadFile(sb.baseUrl, sampleTrainingJsonl(20));
    const job = (await call(sb.baseUrl, 'POST', '/fine_tuning/jobs', { model: 'gpt-4.1-mini-2025-04-14', training_file: file.body.id, seed: 3 })).body;
    for (let i = 0; i < steps; i++) {
      sb.clock.advance(advanceMs / steps);
      await call(sb.baseUrl, 'GET', `/fine_tuning/jobs/${job.id}`);
    }
    const status = (await call(sb.baseUrl, 'GET', `/fine_tuning/jobs/${job.id}`)).body.status;
    const events = (await call(sb.baseUrl, 'GET', `/fine_tuning/jobs/${job.id}/events?limit=1000`)).body.data;
    return { status, events };
  } finally {
    await sb.close();
  }
}

describe('sandbox job simulator', () => {
  it('takes about 20 s at speed 1 and half that at speed 2', async () => {
    expect((await runJob(1, 19_000)).status).toBe('running');
    expect((await runJob(1, 20_000)).status).toBe('succeeded');
    expect((await runJob(2, 9_000)).status).toBe('running');
    expect((await runJob(2, 10_000)).status).toBe('succeeded');
  });

  it('gives the same events and losses for the same inputs, whether time comes in one step or many', async () => {
    const once = await runJob(1, 25_000);
    const again = await runJob(1, 25_000);
    const stepwise = await runJob(1, 25_000, 100);
    expect(again.events).toEqual(once.events);
    expect(stepwise.events).toEqual(once.events);
  });

  it('spreads metric events over the training time with their own timestamps', async () => {
    const { events } = await runJob(1, 25_000);
    const times = (events as { type: string; created_at: number }[]).filter((e) => e.type === 'metrics').map((e) => e.created_at);
    expect(new Set(times).size).toBeGreaterThan(10);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(14);
  });
});
