import type { CheckpointRecord, ErrorInfo, JobEvent, JobMetrics, JobRecord, ModelRecord, PriceEstimate } from '../../core/domain.js';
import { editKey, textField, type FieldKey, type TextField } from './textField.js';
import { defaultValues, fieldsFor, type FormFieldSpec, type FormValues } from '../../core/jobForm.js';
import { assertNever } from '../assertNever.js';

export type JobsView = 'list' | 'create' | 'monitor';

export type TrainingMethod = 'supervised' | 'dpo';

/**
 * The create form as typed, by field name (the provider's fields, see src/core/jobForm.ts):
 * numbers stay text until submitted, so nothing typed is lost.
 */
export type CreateForm = FormValues;

import type { CostEstimate } from '../../core/costWords.js';
export type { CostEstimate } from '../../core/costWords.js';

export type CreatePhase =
  /** Filling in the form. */
  | { kind: 'form' }
  /** Validating the dataset for the cost estimate. */
  | { kind: 'estimating' }
  /** Asking "create this job?" with the estimate (or why there is none). */
  /** The open dataset has unsaved edits: save them first (the job trains on what the user sees), or go back. */
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  /**
   * Asking "create this job?" with the estimate (or why there is none), the warnings worth
   * repeating, and the errors the API would reject: with those, only an explicit override goes on.
   */
  | {
      kind: 'confirm';
      estimate: CostEstimate | null;
      note: string | null;
      warnings: string[];
      problems: string[];
      /** The provider's own price for the uploaded files (capabilities.priceEstimate): what bills. */
      providerPrice?: PriceEstimate | null;
      /** Why the provider gave no price, when it did not. */
      providerNote?: string | null;
    }
  /** `reused`: the file id already on the service, when nothing needed sending. */
  | { kind: 'uploading'; file: 'training' | 'validation'; sent: number; total: number; reused: string | null }
  /** `checking`: the create's answer was lost and the recent jobs are searched for its request id. */
  | { kind: 'creating'; checking: boolean }
  | { kind: 'failed'; error: ErrorInfo };

export interface CreateState {
  /** The provider's fields the form was opened with, or those the service gave for the chosen model. */
  fields: readonly FormFieldSpec[];
  /** The model `fields` are narrowed to (provider.catalog), or null for the provider's general fields. */
  fieldsModel?: string | null;
  form: CreateForm;
  /** Index into the fields shown for the chosen method (visibleFields). */
  field: number;
  /** The field whose text input has the keyboard, if any. */
  editing: boolean;
  /** The text field being edited (store/slices/textField.ts); its text is mirrored into the form. */
  input: TextField | null;
  phase: CreatePhase;
  /** Bumped for each submission so the effect starts exactly once per confirm. */
  attempt: number;
  /**
   * The request id of a create whose outcome stayed unknown: the next confirmation looks it up
   * before creating, so a job that showed up late is taken instead of paid for twice.
   */
  unresolvedClientId: string | null;
  /** The confirmed job goes on despite errors the API will reject (said again once it exists). */
  overridden: boolean;
  formError: string | null;
}

export interface MonitorState {
  jobId: string;
  /** Oldest first; events are appended as polls find new ones. */
  events: JobEvent[];
  checkpoints: CheckpointRecord[];
  /** Per-step metrics from a provider's metrics series (capabilities.metricsSeries), by step. */
  metrics?: JobMetrics[];
  lastPollAt: number | null;
  /** When the next poll is due (the effects' clock), so the wait shown is the wait that happens. */
  nextPollAt: number | null;
  /** Polls in a row that failed; drives the backoff. */
  failures: number;
  error: ErrorInfo | null;
  /** Rows scrolled up from the newest event. */
  scroll: number;
  /** The "chat with" list is open (the fine-tune and its checkpoints), with its cursor. */
  chatWith?: number | null;
}

/** The models of a job that can be chatted with: the fine-tune once it succeeded, then each checkpoint's. */
export function chatTargets(job: JobRecord | undefined, checkpoints: readonly CheckpointRecord[]): { model: string; label: string }[] {
  const targets: { model: string; label: string }[] = [];
  if (job?.status === 'succeeded' && job.fineTunedModel) targets.push({ model: job.fineTunedModel, label: 'the fine-tuned model' });
  for (const c of [...checkpoints].sort((a, b) => b.step - a.step)) {
    if (!targets.some((t) => t.model === c.modelId)) targets.push({ model: c.modelId, label: `checkpoint at step ${c.step}` });
  }
  return targets;
}

export type JobAction = 'cancel' | 'pause' | 'resume';

export interface JobsState {
  /** True while a text field of this slice's screen has the keyboard. */
  textFocused: boolean;
  view: JobsView;
  cursor: number;
  list: {
    jobs: JobRecord[];
    loading: boolean;
    /** The provider has more pages than are loaded. */
    hasMore: boolean;
    error: ErrorInfo | null;
    /** Bumped to ask the effect for a load; `append` fetches everything after the loaded jobs. */
    request: { id: number; append: boolean };
  };
  /** Models the provider lists (with shutdown dates), for fine-tuned models of the jobs. */
  models: ModelRecord[];
  monitor: MonitorState | null;
  create: CreateState;
  /**
   * A cancel/pause/resume waiting for y/n, then running. `ignored`: a key pressed meanwhile that
   * has to wait for the answer, so the screen says so instead of dropping it silently.
   */
  pending: { action: JobAction; jobId: string; running: boolean; attempt: number; ignored?: string | null } | null;
  actionError: ErrorInfo | null;
  /** Something the user should read about the monitored job (e.g. it was found by its request id). */
  notice: string | null;
  /** The effects' clock, for elapsed time and ETA (a reducer cannot read a clock). */
  now: number;
}

export type JobsAction =
  | { type: 'jobs/focusText'; focused: boolean }
  | { type: 'jobs/showList' }
  | { type: 'jobs/moveCursor'; delta: number }
  | { type: 'jobs/cursorTo'; index: number }
  | { type: 'jobs/listRequested'; append: boolean }
  | { type: 'jobs/listLoaded'; jobs: JobRecord[]; hasMore: boolean; append: boolean }
  | { type: 'jobs/listFailed'; error: ErrorInfo }
  | { type: 'jobs/modelsLoaded'; models: ModelRecord[] }
  | { type: 'jobs/openMonitor'; jobId: string }
  | { type: 'jobs/polled'; job: JobRecord; events: JobEvent[]; checkpoints: CheckpointRecord[] | null; at: number; nextPollAt?: number | null; metrics?: JobMetrics[] }
  | { type: 'jobs/pollFailed'; jobId: string; error: ErrorInfo; at: number; nextPollAt?: number | null }
  | { type: 'jobs/tick'; now: number }
  | { type: 'jobs/scrollEvents'; delta: number }
  | { type: 'jobs/chatWith'; open: boolean }
  | { type: 'jobs/moveChatWith'; delta: number }
  | { type: 'jobs/openCreate'; fields: readonly FormFieldSpec[]; model: string }
  /** The create form for this model as the service gives it: its defaults and ranges. */
  | { type: 'jobs/modelFields'; model: string; fields: readonly FormFieldSpec[] }
  | { type: 'jobs/moveField'; delta: number }
  | { type: 'jobs/editField'; editing: boolean }
  | { type: 'jobs/setField'; field: string; value: string }
  | { type: 'jobs/fieldKey'; key: FieldKey }
  /** `unsaved`: the job would train on the open dataset, which has edits not yet saved. */
  | { type: 'jobs/submitForm'; error: string | null; unsaved?: boolean }
  | { type: 'jobs/saveFirst' }
  | { type: 'jobs/savedFirst' }
  | { type: 'jobs/estimated'; estimate: CostEstimate | null; note: string | null; warnings?: string[]; problems?: string[]; providerPrice?: PriceEstimate | null; providerNote?: string | null }
  /** `override`: go on although the files have errors the API will reject (the user said so). */
  | { type: 'jobs/confirmCreate'; override?: boolean }
  | { type: 'jobs/backToForm' }
  | { type: 'jobs/uploadProgress'; file: 'training' | 'validation'; sent: number; total: number; reused?: string }
  | { type: 'jobs/creating'; checking: boolean }
  | { type: 'jobs/created'; job: JobRecord; notice: string | null }
  | { type: 'jobs/createFailed'; error: ErrorInfo; unresolvedClientId: string | null }
  | { type: 'jobs/askAction'; action: JobAction; jobId: string }
  | { type: 'jobs/confirmAction' }
  | { type: 'jobs/dismissAction' }
  /** A key that cannot act while the question is open or the call is out: the screen says why. */
  | { type: 'jobs/keyWhilePending'; key: string }
  | { type: 'jobs/actionDone'; job: JobRecord }
  | { type: 'jobs/actionFailed'; error: ErrorInfo };


export const initialJobsState: JobsState = {
  textFocused: false,
  view: 'list',
  cursor: 0,
  list: { jobs: [], loading: false, hasMore: false, error: null, request: { id: 0, append: false } },
  models: [],
  monitor: null,
  create: { fields: [], form: {}, field: 0, editing: false, input: null, phase: { kind: 'form' }, attempt: 0, unresolvedClientId: null, overridden: false, formError: null },
  pending: null,
  actionError: null,
  notice: null,
  now: 0,
};

export function isJobsAction(action: { type: string }): action is JobsAction {
  return action.type.startsWith('jobs/');
}

/** Statuses after which a job never changes again: polling stops. */
export function isTerminal(job: JobRecord): boolean {
  return job.status === 'succeeded' || job.status === 'failed' || job.status === 'cancelled';
}

export function reduceJobs(state: JobsState, action: JobsAction): JobsState {
  switch (action.type) {
    case 'jobs/focusText':
      return state.textFocused === action.focused ? state : { ...state, textFocused: action.focused };
    case 'jobs/showList':
      return { ...state, view: 'list', monitor: null, pending: null, actionError: null, notice: null, textFocused: false };
    case 'jobs/moveCursor':
      return withCursor(state, state.cursor + action.delta);
    case 'jobs/cursorTo':
      return withCursor(state, action.index);
    case 'jobs/listRequested':
      return {
        ...state,
        list: { ...state.list, loading: true, error: null, request: { id: state.list.request.id + 1, append: action.append } },
      };
    case 'jobs/listLoaded': {
      // A refresh brings the first page up to date and keeps the older pages already loaded.
      const jobs = action.append ? mergeJobs(state.list.jobs, action.jobs) : mergeJobs(action.jobs, state.list.jobs);
      // Once every page is loaded, a refresh of the first page cannot make older ones missing again.
      const hasMore = action.append ? action.hasMore : action.hasMore && (state.list.jobs.length === 0 || state.list.hasMore);
      const next = { ...state, list: { ...state.list, jobs, hasMore, loading: false, error: null } };
      return withCursor(next, state.cursor);
    }
    case 'jobs/listFailed':
      return { ...state, list: { ...state.list, loading: false, error: action.error } };
    case 'jobs/modelsLoaded':
      return { ...state, models: action.models };
    case 'jobs/openMonitor':
      return {
        ...state,
        view: 'monitor',
        actionError: null,
        pending: null,
        notice: null,
        monitor: { jobId: action.jobId, events: [], checkpoints: [], lastPollAt: null, nextPollAt: null, failures: 0, error: null, scroll: 0 },
      };
    case 'jobs/polled': {
      const jobs = replaceJob(state.list.jobs, action.job);
      const monitor = state.monitor;
      const next = { ...state, now: Math.max(state.now, action.at), list: { ...state.list, jobs } };
      if (monitor === null || monitor.jobId !== action.job.id) return next;
      return {
        ...next,
        monitor: {
          ...monitor,
          events: appendEvents(monitor.events, action.events),
          checkpoints: action.checkpoints ?? monitor.checkpoints,
          ...(action.metrics ? { metrics: appendMetrics(monitor.metrics ?? [], action.metrics) } : {}),
          lastPollAt: action.at,
          nextPollAt: action.nextPollAt ?? null,
          failures: 0,
          error: null,
        },
      };
    }
    case 'jobs/pollFailed': {
      const monitor = state.monitor;
      if (monitor === null || monitor.jobId !== action.jobId) return state;
      return { ...state, now: Math.max(state.now, action.at), monitor: { ...monitor, failures: monitor.failures + 1, error: action.error, nextPollAt: action.nextPollAt ?? null } };
    }
    case 'jobs/tick':
      return action.now === state.now ? state : { ...state, now: action.now };
    case 'jobs/scrollEvents': {
      const monitor = state.monitor;
      if (monitor === null) return state;
      const scroll = Math.max(0, Math.min(monitor.events.length - 1, monitor.scroll + action.delta));
      return scroll === monitor.scroll ? state : { ...state, monitor: { ...monitor, scroll } };
    }
    case 'jobs/chatWith': {
      const monitor = state.monitor;
      if (monitor === null) return state;
      const open = action.open && chatTargets(monitoredJob(state), monitor.checkpoints).length > 0;
      return { ...state, monitor: { ...monitor, chatWith: open ? 0 : null } };
    }
    case 'jobs/moveChatWith': {
      const monitor = state.monitor;
      if (monitor?.chatWith == null) return state;
      const count = chatTargets(monitoredJob(state), monitor.checkpoints).length;
      const chatWith = Math.max(0, Math.min(count - 1, monitor.chatWith + action.delta));
      return chatWith === monitor.chatWith ? state : { ...state, monitor: { ...monitor, chatWith } };
    }
    case 'jobs/openCreate': {
      // A form left half-filled comes back as it was; fields it lacks get their defaults, and
      // an empty model the suggested one.
      const form = { ...defaultValues(action.fields), ...state.create.form };
      // A model another provider offered (after switching connections) is not one to keep.
      const models = action.fields.find((f) => f.name === 'model')?.choices;
      if (!form.model || (models !== undefined && !models.includes(form.model))) form.model = action.model;
      const create = { ...state.create, fields: action.fields, fieldsModel: null, form, phase: { kind: 'form' } as const, editing: false, formError: null };
      return { ...state, view: 'create', create: { ...create, field: Math.min(create.field, Math.max(0, visibleFields(create).length - 1)) } };
    }
    case 'jobs/modelFields': {
      // An answer for a model no longer chosen is dropped; one for the form being filled keeps what was typed.
      if (state.view !== 'create' || state.create.form.model !== action.model || state.create.phase.kind !== 'form') return state;
      const create = { ...state.create, fields: action.fields, fieldsModel: action.model, form: { ...defaultValues(action.fields), ...state.create.form } };
      return { ...state, create: { ...create, field: Math.min(create.field, Math.max(0, visibleFields(create).length - 1)) } };
    }
    case 'jobs/moveField': {
      const count = Math.max(1, visibleFields(state.create).length);
      const field = (((state.create.field + action.delta) % count) + count) % count;
      return { ...state, create: { ...state.create, field } };
    }
    case 'jobs/editField': {
      const spec = action.editing ? currentField(state.create) : undefined;
      const input = spec ? textField(state.create.form[spec.name] ?? '') : null;
      return { ...state, textFocused: action.editing, create: { ...state.create, editing: action.editing, input } };
    }
    case 'jobs/fieldKey': {
      const spec = currentField(state.create);
      const input = state.create.input && editKey(state.create.input, action.key);
      if (!spec || !input || input === state.create.input) return state;
      return { ...state, create: { ...state.create, input, form: { ...state.create.form, [spec.name]: input.text }, formError: null } };
    }
    case 'jobs/setField': {
      const create = { ...state.create, form: { ...state.create.form, [action.field]: action.value }, formError: null };
      // Changing the method can hide fields; keep the cursor on one that is shown.
      return { ...state, create: { ...create, field: Math.min(create.field, Math.max(0, visibleFields(create).length - 1)) } };
    }
    case 'jobs/submitForm':
      if (action.error !== null) return { ...state, create: { ...state.create, formError: action.error } };
      return { ...state, textFocused: false, create: { ...state.create, editing: false, formError: null, overridden: false, phase: { kind: action.unsaved ? 'unsaved' : 'estimating' } } };
    case 'jobs/saveFirst':
      return state.create.phase.kind === 'unsaved' ? { ...state, create: { ...state.create, phase: { kind: 'saving' } } } : state;
    case 'jobs/savedFirst':
      return state.create.phase.kind === 'saving' ? { ...state, create: { ...state.create, phase: { kind: 'estimating' } } } : state;
    case 'jobs/estimated':
      if (state.create.phase.kind !== 'estimating') return state;
      return {
        ...state,
        create: { ...state.create, phase: {
            kind: 'confirm',
            estimate: action.estimate,
            note: action.note,
            warnings: action.warnings ?? [],
            problems: action.problems ?? [],
            ...(action.providerPrice !== undefined ? { providerPrice: action.providerPrice } : {}),
            ...(action.providerNote !== undefined ? { providerNote: action.providerNote } : {}),
          },
        },
      };
    case 'jobs/confirmCreate': {
      const phase = state.create.phase;
      if (phase.kind !== 'confirm') return state;
      // Files the API will reject go up only when the user explicitly overrides.
      if (phase.problems.length > 0 && !action.override) return state;
      return {
        ...state,
        create: {
          ...state.create,
          attempt: state.create.attempt + 1,
          overridden: phase.problems.length > 0,
          phase: { kind: 'uploading', file: 'training', sent: 0, total: 0, reused: null },
        },
      };
    }
    case 'jobs/backToForm':
      return { ...state, create: { ...state.create, phase: { kind: 'form' } } };
    case 'jobs/uploadProgress':
      if (state.create.phase.kind !== 'uploading') return state;
      return { ...state, create: { ...state.create, phase: { kind: 'uploading', file: action.file, sent: action.sent, total: action.total, reused: action.reused ?? null } } };
    case 'jobs/creating':
      return { ...state, create: { ...state.create, phase: { kind: 'creating', checking: action.checking } } };
    case 'jobs/created': {
      // The form is spent: the next job starts from a clean one (with the same model).
      const form: CreateForm = { model: state.create.form.model ?? '', ...(state.create.form.method ? { method: state.create.form.method } : {}) };
      const jobs = [action.job, ...state.list.jobs.filter((j) => j.id !== action.job.id)];
      return {
        ...state,
        list: { ...state.list, jobs },
        cursor: 0,
        create: { ...state.create, form, field: 0, phase: { kind: 'form' }, unresolvedClientId: null },
        notice: action.notice,
        view: 'monitor',
        monitor: { jobId: action.job.id, events: [], checkpoints: [], lastPollAt: null, nextPollAt: null, failures: 0, error: null, scroll: 0 },
      };
    }
    case 'jobs/createFailed':
      return { ...state, create: { ...state.create, phase: { kind: 'failed', error: action.error }, unresolvedClientId: action.unresolvedClientId } };
    case 'jobs/askAction':
      return { ...state, actionError: null, pending: { action: action.action, jobId: action.jobId, running: false, attempt: (state.pending?.attempt ?? 0) + 1 } };
    case 'jobs/confirmAction':
      return state.pending === null || state.pending.running ? state : { ...state, pending: { ...state.pending, running: true, ignored: null } };
    case 'jobs/dismissAction':
      return state.pending === null || state.pending.running ? state : { ...state, pending: null };
    case 'jobs/keyWhilePending':
      return state.pending === null || state.pending.ignored === action.key ? state : { ...state, pending: { ...state.pending, ignored: action.key } };
    case 'jobs/actionDone':
      return { ...state, pending: null, list: { ...state.list, jobs: replaceJob(state.list.jobs, action.job) } };
    case 'jobs/actionFailed':
      return { ...state, pending: null, actionError: action.error };
    default:
      return assertNever(action);
  }
}

function withCursor(state: JobsState, index: number): JobsState {
  const cursor = Math.max(0, Math.min(state.list.jobs.length - 1, index));
  return cursor === state.cursor ? state : { ...state, cursor: Math.max(0, cursor) };
}

function replaceJob(jobs: JobRecord[], job: JobRecord): JobRecord[] {
  const index = jobs.findIndex((j) => j.id === job.id);
  if (index < 0) return [job, ...jobs];
  const copy = jobs.slice();
  copy[index] = job;
  return copy;
}

function mergeJobs(loaded: JobRecord[], more: JobRecord[]): JobRecord[] {
  const seen = new Set(loaded.map((j) => j.id));
  return [...loaded, ...more.filter((j) => !seen.has(j.id))];
}

/** Adds metrics rows for steps not seen before, in step order. */
function appendMetrics(known: JobMetrics[], incoming: JobMetrics[]): JobMetrics[] {
  const steps = new Set(known.map((m) => m.step));
  const fresh = incoming.filter((m) => !steps.has(m.step));
  return fresh.length === 0 ? known : [...known, ...fresh].sort((a, b) => a.step - b.step);
}

/** Adds events not seen before, keeping oldest-first order by time. */
function appendEvents(known: JobEvent[], incoming: JobEvent[]): JobEvent[] {
  if (incoming.length === 0) return known;
  const seen = new Set(known.map((e) => e.id));
  const fresh = incoming.filter((e) => !seen.has(e.id));
  if (fresh.length === 0) return known;
  return [...known, ...fresh].sort((a, b) => a.createdAt - b.createdAt);
}

/** The form's fields shown for the method it has now. */
export function visibleFields(create: Pick<CreateState, 'fields' | 'form'>): FormFieldSpec[] {
  return fieldsFor(create.fields, create.form.method ?? 'supervised');
}

/** The field the cursor is on. */
export function currentField(create: Pick<CreateState, 'fields' | 'form' | 'field'>): FormFieldSpec | undefined {
  return visibleFields(create)[create.field];
}

/** The job the monitor shows. */
export function monitoredJob(state: JobsState): JobRecord | undefined {
  const id = state.monitor?.jobId;
  return id === undefined ? undefined : state.list.jobs.find((j) => j.id === id);
}

/** The job keys act on: the watched one in the monitor, else the one under the list's cursor. */
export function selectedJob(state: JobsState): JobRecord | undefined {
  return state.view === 'monitor' ? monitoredJob(state) : state.list.jobs[state.cursor];
}

/** Why quitting now would lose something on this screen, or null. */
export function jobsUnsavedWork(state: JobsState): string | null {
  const phase = state.create.phase.kind;
  if (phase === 'uploading' || phase === 'creating') return 'A fine-tuning job is being created; quitting now may leave it half done.';
  return null;
}

/** True while a text field of this screen has the keyboard. */
export function jobsTextFocused(state: JobsState): boolean {
  return state.textFocused;
}
