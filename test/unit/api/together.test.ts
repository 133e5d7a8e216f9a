// Choosing Together from the environment or a profile, what the status bar calls it, and how its
// records and errors are read.
import { describe, expect, it } from 'vitest';
import { createProvider } from '../../../src/api/createProvider.js';
import { normalizeTogetherEvent, normalizeTogetherJob, normalizeTogetherMetrics, normalizeTogetherPrice } from '../../../src/api/together/normalize.js';
import { createTogetherProvider } from '../../../src/api/together/provider.js';
import { connectionLabel } from '../../../src/components/connectionLabel.js';
import { parseProfiles, resolveConnection } from '../../../src/core/profiles.js';
import { initialConnectionState } from '../../../src/store/slices/connection.js';

const none = { profiles: [] };

describe('choosing Together', () => {
  it('TOGETHER_API_KEY alone picks Together, with TOGETHER_BASE_URL as its base URL', () => {
    const r = resolveConnection({}, { TOGETHER_API_KEY: 'k', TOGETHER_BASE_URL: 'http://127.0.0.1:9/v1' }, none);
    expect(r.settings).toMatchObject({ kind: 'together', apiKeyEnv: 'TOGETHER_API_KEY', baseUrl: 'http://127.0.0.1:9/v1' });
    expect(r.keyPresent).toBe(true);
  });

  it('an OpenAI key still wins when both are set; --api-key-env TOGETHER_API_KEY picks Together', () => {
    expect(resolveConnection({}, { TOGETHER_API_KEY: 'k', OPENAI_API_KEY: 'o' }, none).settings.kind).toBe('openai');
    expect(resolveConnection({ apiKeyEnv: 'TOGETHER_API_KEY' }, { TOGETHER_API_KEY: 'k', OPENAI_API_KEY: 'o' }, none).settings.kind).toBe('together');
    expect(resolveConnection({ baseUrl: 'https://api.together.ai/v1', apiKeyEnv: 'MY_KEY' }, { MY_KEY: 'k' }, none).settings.kind).toBe('together');
  });

  it('a profile of kind together reads TOGETHER_API_KEY unless it names another variable', () => {
    const file = parseProfiles(JSON.stringify({ profiles: [{ name: 't', kind: 'together' }] }), 'profiles.json');
    expect(file.profiles[0]).toMatchObject({ kind: 'together', baseUrl: null, apiKeyEnv: 'TOGETHER_API_KEY' });
  });

  it('the status bar says Together (and SANDBOX on loopback)', () => {
    expect(connectionLabel({ ...initialConnectionState, kind: 'together', baseUrl: null, keyPresent: true })).toBe('Together');
    expect(connectionLabel({ ...initialConnectionState, kind: 'together', baseUrl: 'http://127.0.0.1:8787/v1', keyPresent: true })).toBe('Together SANDBOX 127.0.0.1:8787');
    expect(createProvider({ name: 'x', kind: 'together', baseUrl: null, apiKeyEnv: 'K' }, { K: 'k' }).capabilities).toMatchObject({ label: 'Together', pause: false, deployments: true, metricsSeries: true, priceEstimate: true });
  });
});

describe('reading Together records', () => {
  it('maps every job status and takes the ETA from progress', () => {
    const statuses = ['pending', 'queued', 'running', 'compressing', 'uploading', 'cancel_requested', 'cancelled', 'error', 'completed', 'weird'];
    expect(statuses.map((s) => normalizeTogetherJob({ id: 'j', status: s }, 0).status)).toEqual(['queued', 'queued', 'running', 'finishing', 'finishing', 'cancelling', 'cancelled', 'failed', 'succeeded', 'unknown']);
    const job = normalizeTogetherJob({ id: 'j', status: 'running', model_output_name: 'u/m', learning_rate: 2e-5, progress: { estimate_available: true, seconds_remaining: 90 } }, 1000);
    expect(job).toMatchObject({ estimatedFinishAt: 91_000, fineTunedModel: null, hyperparameters: { learningRate: { kind: 'absolute', value: 2e-5 } } });
    expect(normalizeTogetherJob({ id: 'j', status: 'completed', model_output_name: 'u/m' }, 0).fineTunedModel).toBe('u/m');
  });

  it('events keep their type and get a stable id from their place in the log; warnings and errors keep their level', () => {
    expect(normalizeTogetherEvent({ type: 'checkpoint_save', level: 'info', message: 'saved', created_at: '2026-01-01T00:00:00Z' }, 'j', 4)).toMatchObject({ id: 'j#4', kind: 'checkpoint_save', level: 'info', createdAt: Date.parse('2026-01-01T00:00:00Z') });
    expect(normalizeTogetherEvent({ type: 'warning', level: 'warning', message: 'w' }, 'j', 0).level).toBe('warn');
    expect(normalizeTogetherEvent({ type: 'job_error', level: 'error', message: 'boom' }, 'j', 0).level).toBe('error');
  });

  it('metrics rows and price estimates, including an estimate that is not available yet', () => {
    expect(normalizeTogetherMetrics({ global_step: 3, train_loss: 1.2, eval_loss: 1.3 })).toEqual({ step: 3, trainLoss: 1.2, validLoss: 1.3 });
    expect(normalizeTogetherMetrics({ train_loss: 1 })).toBeNull();
    expect(normalizeTogetherPrice({ estimation_available: false, unavailable_reason: 'train_file_not_validated' })).toMatchObject({ usd: null, unavailable: 'train file not validated' });
  });

  it('a refused key becomes auth without repeating the server text', async () => {
    const fetch401: typeof fetch = async () => new Response(JSON.stringify({ error: { message: 'Invalid API key tgp_v1_abcdefgh', type: 'invalid_request_error' } }), { status: 401, headers: { 'content-type': 'application/json' } });
    const p = createTogetherProvider({ name: 'x', kind: 'together', baseUrl: 'http://127.0.0.1:1/v1', apiKeyEnv: 'K' }, { K: 'tgp_v1_abcdefgh' }, { fetch: fetch401, maxRetries: 0 });
    const error = await p.listJobs({}).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'auth' });
    expect(String((error as Error).message)).not.toContain('tgp_v1');
  });
});
