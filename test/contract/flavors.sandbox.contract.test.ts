// The OpenAI-shaped parts of the Nebius and Azure sandboxes held to OpenAI's OpenAPI document
// through Prism's validating proxy: files, jobs as listed and read back, events, checkpoints,
// models and chat (and Azure's refusal of an undeployed model). What each service adds beyond
// that document (Nebius's hyperparameters, trained_steps/total_steps, /v0/models; Azure's
// trainingType, BOM rule and management plane) is sent straight to the sandbox and listed in
// src/sandbox/README-gaps.md. Plain fetch only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrismProxy, viaPrism, type PrismProxy } from '../helpers/prism.js';
import { sampleTrainingJsonl, startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

async function direct(sb: TestSandbox, method: string, path: string, body: unknown): Promise<any> {
  const res = await fetch(`${sb.baseUrl}${path}`, { method, headers: { authorization: 'Bearer sk-contract', 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return res.json();
}

function form(bytes: Uint8Array | string): FormData {
  const f = new FormData();
  f.append('purpose', 'fine-tune');
  f.append('file', new Blob([bytes], { type: 'application/jsonl' }), 'train.jsonl');
  return f;
}

describe.each([
  { protocol: 'nebius' as const, model: 'meta-llama/Meta-Llama-3.1-8B-Instruct', extra: { hyperparameters: { n_epochs: 1, learning_rate: 0.0001, lora: true } } },
  { protocol: 'azure' as const, model: 'gpt-4.1-mini-2025-04-14', extra: { trainingType: 'globalstandard' } },
])('the $protocol sandbox against OpenAI\'s document', ({ protocol, model, extra }) => {
  let sb: TestSandbox;
  let prism: PrismProxy;
  beforeAll(async () => {
    sb = await startTestSandbox({ protocol });
    prism = await startPrismProxy(sb.baseUrl);
  });
  afterAll(async () => {
    await prism?.close();
    await sb?.close();
  });

  it('files, a job read back, its events, checkpoints and the model list', async () => {
    const text = sampleTrainingJsonl(12);
    // Azure's rule: UTF-8 with a byte-order mark.
    const bytes = protocol === 'azure' ? `\uFEFF${text}` : text;
    const file = await viaPrism(prism, 'POST', '/files', form(bytes));
    expect(file.status).toBe(200);
    await viaPrism(prism, 'GET', `/files/${file.body.id}`);
    const job = await direct(sb, 'POST', '/fine_tuning/jobs', { model, training_file: file.body.id, ...extra });
    sb.clock.advance(60_000);
    const read = await viaPrism(prism, 'GET', `/fine_tuning/jobs/${job.id}`);
    expect(read.body.status).toBe('succeeded');
    await viaPrism(prism, 'GET', '/fine_tuning/jobs?limit=5');
    const events = await viaPrism(prism, 'GET', `/fine_tuning/jobs/${job.id}/events?limit=100`);
    expect(events.body.data.some((e: any) => e.type === 'metrics')).toBe(true);
    const checkpoints = await viaPrism(prism, 'GET', `/fine_tuning/jobs/${job.id}/checkpoints`);
    expect(checkpoints.body.data.length).toBeGreaterThan(0);
    if (protocol === 'nebius') expect(checkpoints.body.data[0].result_files).toHaveLength(1);
    await viaPrism(prism, 'GET', '/models');
  });

  it('chat: a base (Nebius) answers; an undeployed fine-tune (Azure) is refused in OpenAI\'s error shape', async () => {
    // OpenAI's document declares no 404 for chat, so Azure's refusal is checked against the sandbox itself.
    const messages = [{ role: 'user', content: 'hi' }];
    if (protocol === 'nebius') {
      const reply = await viaPrism(prism, 'POST', '/chat/completions', { model, messages });
      expect(reply.status).toBe(200);
    } else {
      const res = await fetch(`${sb.baseUrl}/chat/completions`, { method: 'POST', headers: { 'api-key': 'x', 'content-type': 'application/json' }, body: JSON.stringify({ model: 'gpt-4.1-mini-2025-04-14.ft-0', messages }) });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { message: expect.stringMatching(/deployment for this resource does not exist/), type: 'invalid_request_error', param: 'model', code: 'DeploymentNotFound' } });
    }
  });
});
