import { describe, expect, it } from 'vitest';
import {
  normalizeCheckpoint,
  normalizeEvent,
  normalizeJob,
  normalizeLearningRate,
  normalizeModel,
  normalizeStatus,
  toEpochMs,
} from '../../../src/api/openai/normalize.js';

// Shapes recorded from the OpenAI API reference and Azure OpenAI responses.
const openaiJob = {
  object: 'fine_tuning.job',
  id: 'ftjob-abc123',
  model: 'gpt-4o-mini-2024-07-18',
  created_at: 1721764800,
  finished_at: 1721768400,
  fine_tuned_model: 'ft:gpt-4o-mini:acme::9x',
  organization_id: 'org-123',
  result_files: ['file-res'],
  status: 'succeeded',
  validation_file: null,
  training_file: 'file-train',
  hyperparameters: { n_epochs: 3, batch_size: 1, learning_rate_multiplier: 1.8 },
  trained_tokens: 5768,
  integrations: [],
  seed: 42,
  estimated_finish: null,
  method: { type: 'supervised', supervised: { hyperparameters: { n_epochs: 3, batch_size: 1, learning_rate_multiplier: 1.8 } } },
  user_provided_suffix: 'acme',
};

describe('statuses', () => {
  it('maps every OpenAI and Azure status and keeps unknown strings as unknown', () => {
    expect(normalizeStatus('validating_files')).toBe('validating');
    expect(normalizeStatus('queued')).toBe('queued');
    expect(normalizeStatus('pending')).toBe('queued');
    expect(normalizeStatus('notRunning')).toBe('unknown');
    expect(normalizeStatus('Running')).toBe('running');
    expect(normalizeStatus('paused')).toBe('paused');
    expect(normalizeStatus('canceled')).toBe('cancelled');
    expect(normalizeStatus('cancelled')).toBe('cancelled');
    expect(normalizeStatus('exploded')).toBe('unknown');
    expect(normalizeStatus(undefined)).toBe('unknown');
  });

  it('keeps the raw status beside the normalised one', () => {
    const job = normalizeJob({ ...openaiJob, status: 'validating_files' });
    expect(job.status).toBe('validating');
    expect(job.rawStatus).toBe('validating_files');
  });
});

describe('times', () => {
  it('reads Unix seconds, epoch ms and ISO strings as epoch ms', () => {
    expect(toEpochMs(1721764800)).toBe(1721764800000);
    expect(toEpochMs(1721764800123)).toBe(1721764800123);
    expect(toEpochMs('2024-07-23T20:00:00Z')).toBe(Date.UTC(2024, 6, 23, 20));
    expect(toEpochMs('1721764800')).toBe(1721764800000);
    expect(toEpochMs(null)).toBeNull();
    expect(toEpochMs('soon')).toBeNull();
    expect(toEpochMs(0)).toBeNull();
  });
});

describe('jobs', () => {
  it('maps an OpenAI job', () => {
    expect(normalizeJob(openaiJob)).toEqual({
      id: 'ftjob-abc123',
      model: 'gpt-4o-mini-2024-07-18',
      fineTunedModel: 'ft:gpt-4o-mini:acme::9x',
      status: 'succeeded',
      rawStatus: 'succeeded',
      createdAt: 1721764800000,
      startedAt: null,
      finishedAt: 1721768400000,
      estimatedFinishAt: null,
      trainedTokens: 5768,
      hyperparameters: { learningRate: { kind: 'multiplier', value: 1.8 }, epochs: 3, batchSize: 1, beta: null },
      method: 'supervised',
      error: null,
      trainingFile: 'file-train',
      validationFile: null,
      suffix: 'acme',
      seed: 42,
      clientId: null,
      metadata: {},
    });
  });

  it('maps an Azure job with ISO times and an absolute learning rate', () => {
    const job = normalizeJob({
      id: 'ftjob-az',
      model: 'gpt-4o-mini',
      created_at: '2025-01-02T03:04:05Z',
      status: 'running',
      hyperparameters: { n_epochs: 'auto', learning_rate: 0.0002 },
      training_file: 'file-1',
      estimated_finish: '2025-01-02T05:00:00Z',
      error: {},
    });
    expect(job.createdAt).toBe(Date.UTC(2025, 0, 2, 3, 4, 5));
    expect(job.estimatedFinishAt).toBe(Date.UTC(2025, 0, 2, 5));
    expect(job.hyperparameters.learningRate).toEqual({ kind: 'absolute', value: 0.0002 });
    expect(job.hyperparameters.epochs).toBeNull();
    expect(job.error).toBeNull();
  });

  it('reads DPO hyperparameters from the method block and keeps the failure', () => {
    const job = normalizeJob({
      ...openaiJob,
      status: 'failed',
      hyperparameters: undefined,
      method: { type: 'dpo', dpo: { hyperparameters: { beta: 0.1, n_epochs: 2, learning_rate_multiplier: 'auto', batch_size: 'auto' } } },
      error: { code: 'invalid_training_file', message: 'Line 3 has no assistant message.', param: 'training_file' },
    });
    expect(job.method).toBe('dpo');
    expect(job.hyperparameters).toEqual({ learningRate: null, epochs: 2, batchSize: null, beta: 0.1 });
    expect(job.error).toEqual({ code: 'invalid_training_file', message: 'Line 3 has no assistant message.', param: 'training_file' });
  });

  it('learning rate: multiplier wins, then absolute, else unknown', () => {
    expect(normalizeLearningRate({ learning_rate_multiplier: 'auto' })).toBeNull();
    expect(normalizeLearningRate({ learning_rate_multiplier: 0.5, learning_rate: 1 })).toEqual({ kind: 'multiplier', value: 0.5 });
    expect(normalizeLearningRate({ learning_rate: '0.001' })).toEqual({ kind: 'absolute', value: 0.001 });
  });
});

describe('events, checkpoints, models', () => {
  it('maps a metrics event and a message event', () => {
    const metrics = normalizeEvent({
      object: 'fine_tuning.job.event',
      id: 'ftevent-1',
      created_at: 1721764900,
      level: 'info',
      message: 'Step 10/100: training loss=1.20',
      type: 'metrics',
      data: { step: 10, train_loss: 1.2, valid_loss: 1.4, train_mean_token_accuracy: 0.61, total_steps: 100 },
    });
    expect(metrics).toEqual({
      id: 'ftevent-1',
      createdAt: 1721764900000,
      level: 'info',
      message: 'Step 10/100: training loss=1.20',
      type: 'metrics',
      metrics: { step: 10, totalSteps: 100, trainLoss: 1.2, validLoss: 1.4, trainAccuracy: 0.61 },
    });
    const message = normalizeEvent({ id: 'ftevent-2', created_at: 1721764901, level: 'warning', message: 'Slow', type: 'message', data: {} });
    expect(message.type).toBe('message');
    expect(message.level).toBe('warn');
    expect(message.metrics).toBeUndefined();
  });

  it('maps a checkpoint', () => {
    expect(
      normalizeCheckpoint({
        object: 'fine_tuning.job.checkpoint',
        id: 'ftckpt-1',
        created_at: 1721764867,
        fine_tuned_model_checkpoint: 'ft:gpt-4o-mini:acme::9x:ckpt-step-88',
        fine_tuning_job_id: 'ftjob-abc123',
        metrics: { step: 88, train_loss: 0.45, valid_loss: 0.52, train_mean_token_accuracy: 0.9 },
        step_number: 88,
      }),
    ).toEqual({
      id: 'ftckpt-1',
      jobId: 'ftjob-abc123',
      step: 88,
      modelId: 'ft:gpt-4o-mini:acme::9x:ckpt-step-88',
      createdAt: 1721764867000,
      metrics: { trainLoss: 0.45, validLoss: 0.52, trainAccuracy: 0.9 },
    });
  });

  it('maps a model with and without a shutdown date', () => {
    expect(normalizeModel({ id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' })).toEqual({
      id: 'gpt-4o-mini',
      ownedBy: 'system',
      createdAt: 1721172741000,
      shutdownDate: null,
      fineTuned: false,
      baseModel: null,
    });
    expect(normalizeModel({ id: 'm', created: 1, owned_by: 'x', shutdown_date: '2026-10-15' }).shutdownDate).toBe(Date.UTC(2026, 9, 15));
  });

  it('knows a fine-tune, a checkpoint and an Azure fine-tune by name, with the base each was trained from', () => {
    const of = (id: string) => {
      const m = normalizeModel({ id, created: 1, owned_by: 'user-acme' });
      return [m.fineTuned, m.baseModel];
    };
    expect(of('ft:gpt-4o-mini-2024-07-18:acme:support:abc123')).toEqual([true, 'gpt-4o-mini-2024-07-18']);
    expect(of('ft:gpt-4o-mini-2024-07-18:acme::abc123:ckpt-step-88')).toEqual([true, 'gpt-4o-mini-2024-07-18']);
    expect(of('gpt-4o-mini-2024-07-18.ft-0123abcd')).toEqual([true, 'gpt-4o-mini-2024-07-18']);
    expect(of('gpt-4.1-mini')).toEqual([false, null]);
  });
});
