import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleTrainingJsonl, startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { call, uploadFile } from './client.js';

let sb: TestSandbox;
beforeEach(async () => {
  sb = await startTestSandbox();
});
afterEach(() => sb.close());

async function createJob(extra: Record<string, unknown> = {}, content = sampleTrainingJsonl(12)): Promise<any> {
  const file = await uploadFile(sb.baseUrl, content);
  const res = await call(sb.baseUrl, 'POST', '/fine_tuning/jobs', { model: 'gpt-4o-mini-2024-07-18', training_file: file.body.id, ...extra });
  expect(res.status).toBe(200);
  return res.body;
}

const job = async (id: string): Promise<any> => (await call(sb.baseUrl, 'GET', `/fine_tuning/jobs/${id}`)).body;

describe('sandbox fine-tuning jobs', () => {
  it('runs validating_files -> queued -> running -> succeeded on the test clock, with falling loss', async () => {
    const created = await createJob({ suffix: 'demo', seed: 7, metadata: { team: 'a' } });
    expect(created).toMatchObject({ object: 'fine_tuning.job', status: 'validating_files', seed: 7, metadata: { team: 'a' }, fine_tuned_model: null });
    sb.clock.advance(2500);
    expect((await job(created.id)).status).toBe('queued');
    sb.clock.advance(2000);
    const running = await job(created.id);
    expect(running.status).toBe('running');
    expect(running.estimated_finish).toBeGreaterThan(running.created_at);
    sb.clock.advance(16000);
    const done = await job(created.id);
    expect(done.status).toBe('succeeded');
    expect(done.fine_tuned_model).toBe(`ft:gpt-4o-mini-2024-07-18:sandbox:demo:${created.id.slice(6, 14)}`);
    expect(done.trained_tokens).toBeGreaterThan(0);
    expect(done.hyperparameters).toEqual({ batch_size: 1, learning_rate_multiplier: 1.8, n_epochs: 3 });

    const events = (await call(sb.baseUrl, 'GET', `/fine_tuning/jobs/${created.id}/events?limit=1000`)).body;
    const metrics = events.data.filter((e: any) => e.type === 'metrics').reverse();
    expect(metrics).toHaveLength(36);
    expect(metrics[0].data).toMatchObject({ step: 1 });
    expect(Object.keys(metrics[0].data)).toEqual(expect.arrayContaining(['step', 'train_loss', 'train_mean_token_accuracy']));
    expect(metrics.at(-1).data.train_loss).toBeLessThan(metrics[0].data.train_loss);
    expect(events.data[0].message).toBe('The job has successfully completed');
    for (let i = 1; i < events.data.length; i++) expect(events.data[i - 1].created_at).toBeGreaterThanOrEqual(events.data[i].created_at);

    const ckpts = (await call(sb.baseUrl, 'GET', `/fine_tuning/jobs/${created.id}/checkpoints`)).body;
    expect(ckpts.data.map((c: any) => c.step_number)).toEqual([36, 24, 12]);
    expect(ckpts.data[0].metrics).toMatchObject({ step: 36 });
    expect(ckpts.data[1].fine_tuned_model_checkpoint).toBe(`${done.fine_tuned_model}:ckpt-step-24`);

    const result = await call(sb.baseUrl, 'GET', `/files/${done.result_files[0]}`);
    expect(result.body.purpose).toBe('fine-tune-results');
    const csv = await call(sb.baseUrl, 'GET', `/files/${done.result_files[0]}/content`);
    expect(String(csv.body).split('\n')[0]).toBe('step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy');

    const models = (await call(sb.baseUrl, 'GET', '/models')).body.data.map((m: any) => m.id);
    expect(models).toContain(done.fine_tuned_model);
    expect(models).toContain(`${done.fine_tuned_model}:ckpt-step-24`);
    const model = (await call(sb.baseUrl, 'GET', `/models/${done.fine_tuned_model}`)).body;
    expect(model).toMatchObject({ object: 'model', shutdown_date: '2027-01-14' });
  });

  it('reports valid_loss when a validation file is given', async () => {
    const val = await uploadFile(sb.baseUrl, sampleTrainingJsonl(10), 'val.jsonl');
    const created = await createJob({ validation_file: val.body.id });
    sb.clock.advance(20_000);
    const events = (await call(sb.baseUrl, 'GET', `/fine_tuning/jobs/${created.id}/events?limit=5`)).body;
    const metric = events.data.find((e: any) => e.type === 'metrics');
    expect(metric.data.valid_loss).toBeTypeOf('number');
  });

  it('fails a job whose training data is bad, naming the line', async () => {
    const lines = sampleTrainingJsonl(12).trim().split('\n');
    lines[3] = JSON.stringify({ messages: [{ role: 'user', content: 'no answer' }] });
    const created = await createJob({}, `${lines.join('\n')}\n`);
    sb.clock.advance(3000);
    const failed = await job(created.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toEqual({ code: 'invalid_training_file', param: 'training_file', message: expect.stringMatching(/line 4.*assistant/) });
    expect(failed.finished_at).not.toBeNull();
  });

  it('fails a job with fewer than 10 examples and with a line that is not JSON', async () => {
    const few = await createJob({}, sampleTrainingJsonl(3));
    const broken = await createJob({}, `${sampleTrainingJsonl(12)}{not json\n`);
    sb.clock.advance(3000);
    expect((await job(few.id)).error.message).toMatch(/3 example\(s\).*at least 10/);
    expect((await job(broken.id)).error.message).toMatch(/line 13 is not valid JSON/);
  });

  it('lists jobs newest first, pages with after/limit to the end', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.unshift((await createJob()).id);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const q: string = after ? `?limit=2&after=${after}` : '?limit=2';
      const page = (await call(sb.baseUrl, 'GET', `/fine_tuning/jobs${q}`)).body;
      seen.push(...page.data.map((j: any) => j.id));
      if (!page.has_more) break;
      after = page.data.at(-1).id;
    }
    expect(seen).toEqual(ids);
  });

  it('filters the job list by metadata[key]=value', async () => {
    const tagged = await createJob({ metadata: { team: 'red' } });
    await createJob({ metadata: { team: 'blue' } });
    const list = (await call(sb.baseUrl, 'GET', '/fine_tuning/jobs?metadata[team]=red')).body;
    expect(list.data.map((j: any) => j.id)).toEqual([tagged.id]);
  });

  it('pages events newest first with the after cursor', async () => {
    const created = await createJob();
    sb.clock.advance(20_000);
    const all = (await call(sb.baseUrl, 'GET', `/fine_tuning/jobs/${created.id}/events?limit=1000`)).body.data.map((e: any) => e.id);
    const first = (await call(sb.baseUrl, 'GET', `/fine_tuning/jobs/${created.id}/events?limit=5`)).body;
    expect(first.has_more).toBe(true);
    const second = (await call(sb.baseUrl, 'GET', `/fine_tuning/jobs/${created.id}/events?limit=5&after=${first.data[4].id}`)).body;
    expect([...first.data, ...second.data].map((e: any) => e.id)).toEqual(all.slice(0, 10));
  });

  it('pauses (time stops), resumes and cancels', async () => {
    const created = await createJob();
    sb.clock.advance(6000);
    const paused = await call(sb.baseUrl, 'POST', `/fine_tuning/jobs/${created.id}/pause`);
    expect(paused.body.status).toBe('paused');
    sb.clock.advance(60_000);
    expect((await job(created.id)).status).toBe('paused');
    expect((await call(sb.baseUrl, 'POST', `/fine_tuning/jobs/${created.id}/pause`)).status).toBe(400);
    const resumed = await call(sb.baseUrl, 'POST', `/fine_tuning/jobs/${created.id}/resume`);
    expect(resumed.body.status).toBe('running');
    const cancelled = await call(sb.baseUrl, 'POST', `/fine_tuning/jobs/${created.id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    sb.clock.advance(60_000);
    expect((await job(created.id)).status).toBe('cancelled');
    expect((await call(sb.baseUrl, 'POST', `/fine_tuning/jobs/${created.id}/cancel`)).status).toBe(400);
    const messages = (await call(sb.baseUrl, 'GET', `/fine_tuning/jobs/${created.id}/events?limit=100`)).body.data.map((e: any) => e.message);
    expect(messages.slice(0, 3)).toEqual(['Fine-tuning job cancelled', 'Fine-tuning job resumed', 'Fine-tuning job paused']);
  });

  it('accepts DPO jobs and checks their data shape', async () => {
    const dpoLine = JSON.stringify({
      input: { messages: [{ role: 'user', content: 'Hi' }] },
      preferred_output: [{ role: 'assistant', content: 'Hello!' }],
      non_preferred_output: [{ role: 'assistant', content: 'What.' }],
    });
    const good = await createJob({ method: { type: 'dpo', dpo: { hyperparameters: { beta: 0.2 } } } }, `${Array(10).fill(dpoLine).join('\n')}\n`);
    const bad = await createJob({ method: { type: 'dpo' } }, sampleTrainingJsonl(12));
    expect(good.method).toMatchObject({ type: 'dpo', dpo: { hyperparameters: { beta: 0.2 } } });
    sb.clock.advance(20_000);
    const goodDone = await job(good.id);
    expect(goodDone.status).toBe('succeeded');
    expect(goodDone.method.dpo.hyperparameters).toMatchObject({ beta: 0.2, n_epochs: 3, batch_size: 1 });
    expect((await job(bad.id)).error.message).toMatch(/line 1.*input/);
  });

  it('rejects bad create requests with the param named', async () => {
    const file = await uploadFile(sb.baseUrl, sampleTrainingJsonl(12));
    const cases: [Record<string, unknown>, string, number][] = [
      [{ training_file: file.body.id }, 'model', 400],
      [{ model: 'gpt-3', training_file: file.body.id }, 'model', 400],
      [{ model: 'gpt-4o-mini-2024-07-18' }, 'training_file', 400],
      [{ model: 'gpt-4o-mini-2024-07-18', training_file: 'file-nope' }, 'training_file', 404],
      [{ model: 'gpt-4o-mini-2024-07-18', training_file: file.body.id, suffix: 'has space' }, 'suffix', 400],
      [{ model: 'gpt-4o-mini-2024-07-18', training_file: file.body.id, hyperparameters: { n_epochs: 0 } }, 'hyperparameters.n_epochs', 400],
    ];
    for (const [body, param, status] of cases) {
      const res = await call(sb.baseUrl, 'POST', '/fine_tuning/jobs', body);
      expect([res.status, res.body.error.param]).toEqual([status, param]);
    }
    expect((await call(sb.baseUrl, 'GET', '/fine_tuning/jobs/ftjob-nope')).status).toBe(404);
  });
});
