import { describe, expect, it } from 'vitest';
import type { JobEvent, JobRecord } from '../../../src/core/domain.js';
import { defaultValues } from '../../../src/core/jobForm.js';
import { openaiCreateFields } from '../../../src/api/openai/createFields.js';
import { formProblem } from '../../../src/screens/jobs/createForm.js';
import { trainingSettings } from '../../../src/screens/jobs/jobFacts.js';
import { fakeJob } from '../../helpers/fakeProvider.js';
import {
  initialJobsState,
  jobsTextFocused,
  jobsUnsavedWork,
  monitoredJob,
  reduceJobs,
  type JobsAction,
  type JobsState,
} from '../../../src/store/slices/jobs.js';

const run = (actions: JobsAction[], state: JobsState = initialJobsState) => actions.reduce(reduceJobs, state);
const job = (id: string, status = 'running'): JobRecord => ({ id, status, rawStatus: status }) as unknown as JobRecord;
const event = (id: string, createdAt: number, step?: number): JobEvent =>
  ({ id, createdAt, level: 'info', message: id, metrics: step === undefined ? undefined : { step, trainLoss: 1 / step } }) as unknown as JobEvent;

const FIELDS = openaiCreateFields({ dpo: true, wandb: true });

describe('jobs slice', () => {
  it('loads a first page, then appends the rest without duplicates', () => {
    let s = run([{ type: 'jobs/listRequested', append: false }]);
    expect(s.list.loading).toBe(true);
    expect(s.list.request).toEqual({ id: 1, append: false });
    s = run([{ type: 'jobs/listLoaded', jobs: [job('a'), job('b')], hasMore: true, append: false }], s);
    expect(s.list).toMatchObject({ loading: false, hasMore: true });
    s = run([{ type: 'jobs/listRequested', append: true }, { type: 'jobs/listLoaded', jobs: [job('b'), job('c')], hasMore: false, append: true }], s);
    expect(s.list.jobs.map((j) => j.id)).toEqual(['a', 'b', 'c']);
    expect(s.list.hasMore).toBe(false);
  });

  it('refreshes the first page without dropping older pages already loaded', () => {
    const all = Array.from({ length: 5 }, (_, i) => job(`j${i}`));
    let s = run([{ type: 'jobs/listLoaded', jobs: all, hasMore: false, append: false }]);
    s = run([{ type: 'jobs/listLoaded', jobs: [job('new'), job('j0', 'succeeded')], hasMore: true, append: false }], s);
    expect(s.list.jobs.map((j) => j.id)).toEqual(['new', 'j0', 'j1', 'j2', 'j3', 'j4']);
    expect(s.list.jobs[1]!.status).toBe('succeeded');
    expect(s.list.hasMore).toBe(false);
  });

  it('keeps the cursor on the list', () => {
    const s = run([{ type: 'jobs/listLoaded', jobs: [job('a'), job('b')], hasMore: false, append: false }, { type: 'jobs/moveCursor', delta: 10 }]);
    expect(s.cursor).toBe(1);
    expect(run([{ type: 'jobs/moveCursor', delta: -10 }], s).cursor).toBe(0);
  });

  it('collects new events of the monitored job in time order, once each', () => {
    let s = run([{ type: 'jobs/listLoaded', jobs: [job('a')], hasMore: false, append: false }, { type: 'jobs/openMonitor', jobId: 'a' }]);
    s = run([{ type: 'jobs/polled', job: job('a'), events: [event('e2', 2, 2), event('e1', 1, 1)], checkpoints: null, at: 100 }], s);
    s = run([{ type: 'jobs/polled', job: job('a', 'succeeded'), events: [event('e3', 3), event('e2', 2, 2)], checkpoints: [], at: 200 }], s);
    expect(s.monitor!.events.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    expect(monitoredJob(s)?.status).toBe('succeeded');
    expect(s.now).toBe(200);
  });

  it('counts failed polls for the backoff and clears them on success', () => {
    let s = run([{ type: 'jobs/openMonitor', jobId: 'a' }]);
    const error = { kind: 'rate_limited' as const, message: 'slow down', retryAfterMs: 2000, param: null };
    s = run([{ type: 'jobs/pollFailed', jobId: 'a', error, at: 1 }, { type: 'jobs/pollFailed', jobId: 'a', error, at: 2 }], s);
    expect(s.monitor).toMatchObject({ failures: 2, error });
    s = run([{ type: 'jobs/polled', job: job('a'), events: [], checkpoints: null, at: 3 }], s);
    expect(s.monitor).toMatchObject({ failures: 0, error: null });
  });

  it('walks the create flow: form, estimate, confirm, upload, created -> monitor', () => {
    let s = run([{ type: 'jobs/openCreate', fields: FIELDS, model: 'gpt-4.1-mini' }, { type: 'jobs/setField', field: 'suffix', value: 'v1' }]);
    expect(s.view).toBe('create');
    s = run([{ type: 'jobs/submitForm', error: 'Epochs: bad' }], s);
    expect(s.create.formError).toBe('Epochs: bad');
    expect(s.create.phase.kind).toBe('form');
    s = run([{ type: 'jobs/submitForm', error: null }, { type: 'jobs/estimated', estimate: { usd: 1.5, epochs: 3, billedTokens: 1000, isEstimate: false }, note: null }], s);
    expect(s.create.phase.kind).toBe('confirm');
    s = run([{ type: 'jobs/confirmCreate' }], s);
    expect(s.create.attempt).toBe(1);
    s = run([{ type: 'jobs/uploadProgress', file: 'training', sent: 5, total: 10 }], s);
    expect(s.create.phase).toEqual({ kind: 'uploading', file: 'training', sent: 5, total: 10, reused: null });
    expect(jobsUnsavedWork(s)).toMatch(/being created/);
    s = run([{ type: 'jobs/creating', checking: false }, { type: 'jobs/created', job: job('new', 'validating_files'), notice: null }], s);
    expect(s.view).toBe('monitor');
    expect(s.monitor?.jobId).toBe('new');
    expect(s.list.jobs[0]!.id).toBe('new');
    expect(s.create.form.suffix ?? '').toBe('');
    expect(s.create.form.model).toBe('gpt-4.1-mini');
  });

  it('keeps what was typed when creation fails', () => {
    const s = run([
      { type: 'jobs/openCreate', fields: FIELDS, model: 'gpt-4o' },
      { type: 'jobs/setField', field: 'seed', value: '42' },
      { type: 'jobs/submitForm', error: null },
      { type: 'jobs/estimated', estimate: null, note: 'no engine' },
      { type: 'jobs/confirmCreate' },
      { type: 'jobs/createFailed', error: { kind: 'not_eligible', message: 'no', retryAfterMs: null, param: null }, unresolvedClientId: null },
      { type: 'jobs/backToForm' },
    ]);
    expect(s.create.phase.kind).toBe('form');
    expect(s.create.form.seed).toBe('42');
  });

  it('asks before cancel, runs on yes, and can be dismissed', () => {
    let s = run([{ type: 'jobs/askAction', action: 'cancel', jobId: 'a' }]);
    expect(s.pending).toMatchObject({ action: 'cancel', running: false });
    expect(run([{ type: 'jobs/dismissAction' }], s).pending).toBeNull();
    s = run([{ type: 'jobs/confirmAction' }], s);
    expect(s.pending?.running).toBe(true);
    expect(run([{ type: 'jobs/dismissAction' }], s).pending).not.toBeNull();
    s = run([{ type: 'jobs/actionDone', job: job('a', 'cancelled') }], s);
    expect(s.pending).toBeNull();
  });

  it('reports an edited field as focused text', () => {
    expect(jobsTextFocused(run([{ type: 'jobs/editField', editing: true }]))).toBe(true);
    expect(jobsTextFocused(run([{ type: 'jobs/editField', editing: true }, { type: 'jobs/editField', editing: false }]))).toBe(false);
  });
});

describe('training settings line', () => {
  it('never confuses a learning-rate multiplier with an absolute rate', () => {
    const base = fakeJob('j');
    expect(trainingSettings({ ...base, hyperparameters: { learningRate: { kind: 'multiplier', value: 1.8 }, epochs: 3, batchSize: 1, beta: null } })).toBe(
      'supervised · epochs 3 · batch 1 · LR ×1.8',
    );
    expect(trainingSettings({ ...base, hyperparameters: { learningRate: { kind: 'absolute', value: 0.00002 }, epochs: null, batchSize: null, beta: null } })).toBe(
      'supervised · epochs auto · batch auto · LR 2.0e-5 (absolute)',
    );
  });
});

describe('create form checks', () => {
  const create = (patch: Record<string, string> = {}) => ({ fields: FIELDS, form: { ...defaultValues(FIELDS), model: 'gpt-4o', ...patch } });
  it('names the field at fault, from the provider\'s field list', () => {
    expect(formProblem(create(), null)).toMatch(/Open a dataset/);
    expect(formProblem(create({ trainingFile: '/split/train.jsonl' }), null)).toBeNull();
    expect(formProblem(create(), '/d.jsonl')).toBeNull();
    expect(formProblem(create({ epochs: '0' }), '/d.jsonl')).toBe("Epochs: 0 is too small ('auto' or a whole number from 1 to 50; leave it empty for auto).");
    expect(formProblem(create({ epochs: '3' }), '/d.jsonl')).toBeNull();
    expect(formProblem(create({ seed: '-1' }), '/d.jsonl')).toMatch(/^Seed/);
    expect(formProblem(create({ suffix: 'has space' }), '/d.jsonl')).toMatch(/^Suffix: "has space" does not fit/);
    expect(formProblem(create({ batchSize: '300' }), '/d.jsonl')).toMatch(/^Batch size: 300 is too large/);
    expect(formProblem(create({ learningRateMultiplier: '0' }), '/d.jsonl')).toMatch(/^LR multiplier: 0 is too small \('auto' or a number above 0/);
    // Beta belongs to DPO: a bad beta stops a DPO job only.
    expect(formProblem(create({ beta: '5' }), '/d.jsonl')).toBeNull();
    expect(formProblem(create({ beta: '5', method: 'dpo' }), '/d.jsonl')).toMatch(/^Beta: 5 is too large/);
    expect(formProblem(create({ metadata: 'team' }), '/d.jsonl')).toMatch(/^Metadata: "team" is not key=value/);
  });
});
