// The Together-protocol sandbox in process, with a manual clock: both upload flows, file
// processing and its validation report, a LoRA job from create to completed (typed events,
// metrics, checkpoints), the model limits it enforces, cancel, dedicated endpoints with their
// price, start-up and inactivity stop, chat only through a started endpoint, and faults.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, togetherTrainingJsonl, type TestSandbox } from '../../helpers/sandbox.js';
import { call } from './client.js';

let sb: TestSandbox;
beforeEach(async () => {
  sb = await startTestSandbox({ protocol: 'together' });
});
afterEach(async () => {
  await sb.close();
});

async function upload(text: string, name = 'train.jsonl'): Promise<string> {
  const form = new FormData();
  form.append('purpose', 'fine-tune');
  form.append('file_name', name);
  form.append('file', new Blob([text]), name);
  const res = await call(sb.baseUrl, 'POST', '/files/upload', form);
  expect(res.status).toBe(200);
  return res.body.id as string;
}

const LLAMA = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Reference';

describe('Together sandbox: files', () => {
  it('the SDK flow: POST /files redirects with x-together-file-id, the PUT needs no key, then GET /files/{id}', async () => {
    // Exactly the requests together-ai's lib/upload.ts makes.
    const params = new URLSearchParams({ file_name: '/home/me/data/train.jsonl', file_type: 'jsonl', purpose: 'fine-tune' });
    const first = await fetch(`${sb.baseUrl}/files?${params}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { authorization: 'Bearer k', 'content-type': 'application/x-www-form-urlencoded' },
      body: params.toString(),
    });
    expect(first.status).toBe(302);
    const id = first.headers.get('x-together-file-id')!;
    const location = first.headers.get('location')!;
    expect(id).toMatch(/^file-/);
    const text = togetherTrainingJsonl(12);
    const put = await fetch(location, { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body: text });
    expect(put.status).toBe(200);
    const again = await fetch(location, { method: 'PUT', body: text });
    expect(again.status).toBe(403);
    const file = await call(sb.baseUrl, 'GET', `/files/${id}`);
    expect(file.body).toMatchObject({ id, filename: 'train.jsonl', bytes: Buffer.byteLength(text), processing_status: 'PENDING', Processed: false });
  });

  it('processes a file a moment after upload: a valid report, or INVALID_FORMAT with the line', async () => {
    const good = await upload(togetherTrainingJsonl(12));
    const bad = await upload(`${togetherTrainingJsonl(2)}{"messages": [{"role": "user", "content": "hi"}, {"role": "user", "content": "again"}]}\n`, 'bad.jsonl');
    sb.clock.advance(2000);
    expect((await call(sb.baseUrl, 'GET', `/files/${good}`)).body).toMatchObject({ processing_status: 'COMPLETED', validation_report: { valid: true, dataset_format: 'conversation', nlines: 12 } });
    const report = (await call(sb.baseUrl, 'GET', `/files/${bad}`)).body;
    expect(report.processing_status).toBe('INVALID_FORMAT');
    expect(report.validation_report.error).toMatch(/line 3: conversation roles must alternate/);
    expect((await call(sb.baseUrl, 'GET', '/files')).body.data).toHaveLength(2);
    expect((await call(sb.baseUrl, 'GET', `/files/${good}/content`)).body).toContain('What is 1 + 1?');
  });
});

describe('Together sandbox: fine-tunes', () => {
  it('a LoRA job with a validation file runs pending → queued → running → completed with events, metrics and checkpoints', async () => {
    const train = await upload(togetherTrainingJsonl(40));
    const valid = await upload(togetherTrainingJsonl(10, ' (v)'), 'valid.jsonl');
    const early = await call(sb.baseUrl, 'POST', '/fine-tunes', { model: LLAMA, training_file: train });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toMatch(/not finished processing/);
    sb.clock.advance(2000);
    const price = await call(sb.baseUrl, 'POST', '/fine-tunes/estimate-price', { training_file: train, model: LLAMA, n_epochs: 2 });
    expect(price.body).toMatchObject({ estimation_available: true, allowed_to_proceed: true });
    expect(price.body.estimated_total_price).toBeGreaterThan(0);
    const created = await call(sb.baseUrl, 'POST', '/fine-tunes', {
      model: LLAMA,
      training_file: train,
      validation_file: valid,
      n_epochs: 2,
      n_evals: 4,
      n_checkpoints: 2,
      batch_size: 8,
      learning_rate: 2e-5,
      suffix: 'support',
      training_type: { type: 'Lora', lora_r: 16, lora_alpha: 32, lora_dropout: 0.05 },
      training_method: { method: 'sft', train_on_inputs: 'auto' },
    });
    expect(created.status).toBe(200);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ status: 'pending', batch_size: 8, training_type: { type: 'Lora', lora_r: 16 }, training_method: { method: 'sft', train_on_inputs: false } });
    const seen = new Set<string>();
    for (let i = 0; i < 14; i++) {
      sb.clock.advance(2000);
      seen.add((await call(sb.baseUrl, 'GET', `/fine-tunes/${id}`)).body.status);
    }
    expect([...seen]).toEqual(expect.arrayContaining(['queued', 'running', 'completed']));
    const job = (await call(sb.baseUrl, 'GET', `/fine-tunes/${id}`)).body;
    expect(job.model_output_name).toMatch(/^sandbox\/Meta-Llama-3\.1-8B-Instruct-Reference-support-/);
    const events = (await call(sb.baseUrl, 'GET', `/fine-tunes/${id}/events`)).body.data as { type: string }[];
    expect(events[0]!.type).toBe('job_pending');
    expect(events.at(-1)!.type).toBe('job_complete');
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['training_start', 'epoch_complete', 'checkpoint_save', 'model_upload_complete']));
    const metrics = (await call(sb.baseUrl, 'GET', `/fine-tunes/${id}/metrics`)).body.metrics as Record<string, number>[];
    expect(metrics).toHaveLength(10);
    expect(metrics.filter((m) => m.eval_loss !== undefined).length).toBeGreaterThanOrEqual(4);
    const later = (await call(sb.baseUrl, 'GET', `/fine-tunes/${id}/metrics?global_step_from=8`)).body.metrics as Record<string, number>[];
    expect(later.map((m) => m.global_step)).toEqual([8, 9, 10]);
    const checkpoints = (await call(sb.baseUrl, 'GET', `/fine-tunes/${id}/checkpoints`)).body.data as { step: number; checkpoint_type: string; path: string }[];
    expect(checkpoints[0]).toMatchObject({ step: 10, checkpoint_type: 'Final', path: job.model_output_name });
    expect(checkpoints.some((c) => c.checkpoint_type === 'Intermediate')).toBe(true);
    expect((await call(sb.baseUrl, 'GET', '/fine-tunes')).body.data[0]).toMatchObject({ id, suffix: 'support' });
  });

  it('enforces the model limits, and a cancel ends the job', async () => {
    const train = await upload(togetherTrainingJsonl(12));
    sb.clock.advance(2000);
    const limits = (await call(sb.baseUrl, 'GET', `/fine-tunes/models/limits?model_name=${encodeURIComponent(LLAMA)}`)).body;
    expect(limits.lora_training.max_rank).toBe(64);
    expect((await call(sb.baseUrl, 'GET', '/fine-tunes/models/supported')).body.models).toContain(LLAMA);
    const tooBig = await call(sb.baseUrl, 'POST', '/fine-tunes', { model: LLAMA, training_file: train, training_type: { type: 'Lora', lora_r: 128, lora_alpha: 16 } });
    expect(tooBig.body.error).toMatchObject({ param: 'lora_r' });
    const evals = await call(sb.baseUrl, 'POST', '/fine-tunes', { model: LLAMA, training_file: train, n_evals: 2 });
    expect(evals.body.error.message).toMatch(/validation_file/);
    expect((await call(sb.baseUrl, 'POST', '/fine-tunes', { model: 'nope/model', training_file: train })).status).toBe(400);
    const job = await call(sb.baseUrl, 'POST', '/fine-tunes', { model: LLAMA, training_file: train });
    expect((await call(sb.baseUrl, 'POST', `/fine-tunes/${job.body.id}/cancel`)).body.status).toBe('cancel_requested');
    sb.clock.advance(100);
    expect((await call(sb.baseUrl, 'GET', `/fine-tunes/${job.body.id}`)).body.status).toBe('cancelled');
    expect((await call(sb.baseUrl, 'POST', `/fine-tunes/${job.body.id}/cancel`)).status).toBe(400);
  });
});

describe('Together sandbox: endpoints and chat', () => {
  async function completedModel(): Promise<string> {
    const train = await upload(togetherTrainingJsonl(12));
    sb.clock.advance(2000);
    const job = await call(sb.baseUrl, 'POST', '/fine-tunes', { model: LLAMA, training_file: train, training_type: { type: 'Lora', lora_r: 8, lora_alpha: 16 } });
    sb.clock.advance(25_000);
    return (await call(sb.baseUrl, 'GET', `/fine-tunes/${job.body.id}`)).body.model_output_name as string;
  }

  it('a fine-tune answers only through a started endpoint, which stops itself after its inactivity timeout', async () => {
    const model = await completedModel();
    const refused = await call(sb.baseUrl, 'POST', '/chat/completions', { model, messages: [{ role: 'user', content: 'hi' }] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/dedicated endpoint/);
    const hardware = (await call(sb.baseUrl, 'GET', `/hardware?model=${encodeURIComponent(model)}`)).body.data;
    expect(hardware[0].pricing.cents_per_minute).toBeGreaterThan(0);
    const ep = (await call(sb.baseUrl, 'POST', '/endpoints', { model, hardware: hardware[0].id, autoscaling: { min_replicas: 1, max_replicas: 1 }, inactive_timeout: 10 })).body;
    expect(ep.state).toBe('PENDING');
    sb.clock.advance(1500);
    expect((await call(sb.baseUrl, 'GET', `/endpoints/${ep.id}`)).body.state).toBe('STARTING');
    sb.clock.advance(4000);
    expect((await call(sb.baseUrl, 'GET', `/endpoints/${ep.id}`)).body.state).toBe('STARTED');
    const reply = await call(sb.baseUrl, 'POST', '/chat/completions', { model: ep.name, messages: [{ role: 'user', content: 'hi' }] });
    expect(reply.body.choices[0].message.content).toContain('[sandbox');
    sb.clock.advance(9 * 60_000);
    expect((await call(sb.baseUrl, 'GET', `/endpoints/${ep.id}`)).body.state).toBe('STARTED');
    sb.clock.advance(60_000 + 1500);
    expect((await call(sb.baseUrl, 'GET', `/endpoints/${ep.id}`)).body.state).toBe('STOPPED');
    expect((await call(sb.baseUrl, 'POST', '/chat/completions', { model: ep.name, messages: [{ role: 'user', content: 'hi' }] })).status).toBe(400);
  });

  it('stops on request (PATCH state STOPPED) and deletes', async () => {
    const model = await completedModel();
    const ep = (await call(sb.baseUrl, 'POST', '/endpoints', { model, hardware: '1x_nvidia_h100_80gb_sxm', autoscaling: { min_replicas: 1, max_replicas: 1 } })).body;
    sb.clock.advance(6000);
    expect((await call(sb.baseUrl, 'PATCH', `/endpoints/${ep.id}`, { state: 'STOPPED' })).body.state).toBe('STOPPING');
    sb.clock.advance(1500);
    expect((await call(sb.baseUrl, 'GET', '/endpoints')).body.data[0].state).toBe('STOPPED');
    expect((await call(sb.baseUrl, 'DELETE', `/endpoints/${ep.id}`)).status).toBe(204);
    expect((await call(sb.baseUrl, 'GET', `/endpoints/${ep.id}`)).status).toBe(404);
  });

  it('base models answer serverless; faults use Together wording', async () => {
    expect((await call(sb.baseUrl, 'GET', '/models')).body.map((m: { id: string }) => m.id)).toContain(LLAMA);
    expect((await call(sb.baseUrl, 'POST', '/chat/completions', { model: LLAMA, messages: [{ role: 'user', content: 'hi' }] })).status).toBe(200);
    const fault = await call(sb.baseUrl, 'GET', '/fine-tunes', undefined, { 'x-sandbox-fault': '401' });
    expect(fault.status).toBe(401);
    expect(fault.body.error.message).toMatch(/together/i);
    expect((await fetch(`${sb.baseUrl}/fine-tunes`)).status).toBe(401);
  });
});
