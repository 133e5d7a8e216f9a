// What a watched job costs the service, counted at the sandbox: a quiet poll is one job
// request and one events page; checkpoints are asked for only when the step count moved.
import { afterEach, describe, expect, it } from 'vitest';
import { createJobOnce } from '../../../src/effects/createJobOnce.js';
import { JobWatch } from '../../../src/effects/jobWatch.js';
import { sampleTrainingJsonl, sandboxProvider, startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { uploadFile } from '../sandbox/client.js';

let sb: TestSandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

describe('JobWatch request counts', () => {
  it('a quiet poll is one job request and one events page; checkpoints only when the step moved', async () => {
    const requests: string[] = [];
    sb = await startTestSandbox({ onRequest: (method, path) => requests.push(`${method} ${path.replace(/ftjob-[A-Za-z0-9]+/, 'JOB')}`) });
    const provider = sandboxProvider(sb);
    const file = await uploadFile(sb.baseUrl, sampleTrainingJsonl(12));
    const { job } = await createJobOnce(provider, { model: 'gpt-4o-mini-2024-07-18', trainingFileId: file.body.id, validationFileId: null, suffix: null, seed: 1, method: 'supervised', epochs: 3 });
    const watch = new JobWatch(provider, job.id);
    await watch.poll();
    // Nothing happens between these polls (the sandbox's clock stands still).
    requests.length = 0;
    for (let i = 0; i < 3; i++) await watch.poll();
    expect(requests).toEqual(Array(3).fill(['GET /v1/fine_tuning/jobs/JOB', 'GET /v1/fine_tuning/jobs/JOB/events']).flat());
    // Training moves: the steps advance, so the checkpoints are read once, then not again.
    sb.clock.advance(14_000);
    requests.length = 0;
    const moving = await watch.poll();
    expect(moving.events.some((e) => e.metrics !== undefined)).toBe(true);
    expect(requests).toEqual(['GET /v1/fine_tuning/jobs/JOB', 'GET /v1/fine_tuning/jobs/JOB/events', 'GET /v1/fine_tuning/jobs/JOB/checkpoints']);
    requests.length = 0;
    await watch.poll();
    expect(requests).toEqual(['GET /v1/fine_tuning/jobs/JOB', 'GET /v1/fine_tuning/jobs/JOB/events']);
    // The end: the final checkpoints once, with the job.
    sb.clock.advance(30_000);
    const done = await watch.poll();
    expect(done.job.status).toBe('succeeded');
    expect(done.checkpoints?.length).toBeGreaterThan(0);
    requests.length = 0;
    await watch.poll();
    expect(requests).toEqual(['GET /v1/fine_tuning/jobs/JOB', 'GET /v1/fine_tuning/jobs/JOB/events']);
  });
});
