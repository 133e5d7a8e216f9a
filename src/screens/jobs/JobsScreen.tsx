import { dirname, join, resolve } from 'node:path';
import { useEffect } from 'react';
import { useProvider } from '../../effects/providerContext.js';
import { commandFor } from '../../keys/bindings.js';
import type { KeyPress } from '../../keys/decode.js';
import { useScreenKeys } from '../../keys/KeyRouter.js';
import { DEFAULT_MODEL } from '../../core/models.js';
import { cycleChoice, type FormFieldSpec } from '../../core/jobForm.js';
import { useAppState, useDispatch, useStoreApi } from '../../store/StoreProvider.js';
import { datasetHasUnsavedWork } from '../../store/slices/dataset.js';
import { chatTargets, currentField, monitoredJob, selectedJob, type JobAction, type JobsState } from '../../store/slices/jobs.js';
import type { Dispatch } from '../../store/store.js';
import type { FineTuningProvider } from '../../api/types.js';
import { NeedsConnection } from '../NeedsConnection.js';
import type { ScreenProps } from '../types.js';
import { jobsBindings, type JobsCommand } from './bindings.js';
import { CreateJob } from './CreateJob.js';
import { formProblem } from './createForm.js';
import { JobList } from './JobList.js';
import { JobMonitor } from './JobMonitor.js';
import { DeployPanel } from '../deploy/DeployPanel.js';
import { deployCommand, handleDeployKey } from '../deploy/deployKeys.js';

export function JobsScreen({ width, height }: ScreenProps) {
  const store = useStoreApi();
  const connection = useAppState((s) => s.connection);
  const jobs = useAppState((s) => s.jobs);
  const deploy = useAppState((s) => s.deploy);
  const weights = useAppState((s) => s.weights);
  const datasetPath = useAppState((s) => s.dataset.filePath);
  const datasetDirty = useAppState((s) => datasetHasUnsavedWork(s.dataset));
  const { provider, services, connectSandbox } = useProvider();
  const dispatch = useDispatch();
  const connected = connection.keyPresent && provider !== null;

  // The first visit loads the list; later visits keep what is there (R refreshes).
  useEffect(() => {
    if (connected && jobs.list.request.id === 0) dispatch({ type: 'jobs/listRequested', append: false });
  }, [connected, jobs.list.request.id, dispatch]);

  useScreenKeys('jobs', (press) => {
    // Read fresh: an earlier key of the same burst may have opened a field or moved the cursor.
    const { jobs, dataset, deploy, weights } = store.getState();
    // A finished download's line gives way to the key hints at the next key.
    if (!weights.running && weights.request !== null) dispatch({ type: 'weights/dismiss' });
    if (connected && jobs.view !== 'create' && handleDeployKey(press.name, deploy, dispatch)) return;
    if (connected && jobs.view === 'create' && jobs.create.editing) return editField(press, jobs, dispatch);
    const command = commandFor(jobsBindings, press.name);
    if (!connected) {
      if (command === 'sandbox') connectSandbox();
      return;
    }
    if ((command === 'deploy' || command === 'stopDeployment') && jobs.view !== 'create') {
      const job = selectedJob(jobs);
      return deployCommand(command, job?.fineTunedModel ?? null, deploy, provider.capabilities.deployments, dispatch);
    }
    if (command === 'downloadWeights' && jobs.view === 'monitor') return downloadWeights(jobs, provider, dataset.filePath, dispatch);
    handleCommand(command, { jobs, provider, datasetPath: dataset.filePath, datasetDirty: datasetHasUnsavedWork(dataset), dispatch, pageRows: Math.max(1, height - 7), key: press.name });
  });

  if (!connected) {
    return (
      <NeedsConnection what="Fine-tuning jobs" connection={connection} width={width} height={height} sandboxAvailable={services.startSandbox !== null} />
    );
  }
  const sandbox = connection.kind === 'sandbox';
  if (deploy.offer !== null && jobs.view !== 'create') return <DeployPanel deploy={deploy} width={width} height={height} />;
  switch (jobs.view) {
    case 'list':
      // A service that keeps training OpenAI's models lists none here, so the wind-down line stays away.
      return <JobList jobs={jobs} width={width} height={height} sandbox={sandbox} models={provider.capabilities.jobCutoffNotice === false ? [] : provider.capabilities.createFields.find((f) => f.name === 'model')?.choices} />;
    case 'monitor':
      return (
        <JobMonitor
          jobs={jobs}
          job={monitoredJob(jobs)}
          width={width}
          height={height}
          sandbox={sandbox}
          canPause={provider.capabilities.pause}
          deploy={provider.capabilities.deployments ? deploy : null}
          weights={provider.capabilities.weightsDownload ? weights : null}
        />
      );
    case 'create':
      return (
        <CreateJob
          jobs={jobs}
          jobCutoffNotice={provider.capabilities.jobCutoffNotice !== false}
          serviceLabel={provider.capabilities.label}
          datasetPath={datasetPath}
          datasetDirty={datasetDirty}
          width={width}
          height={height}
        />
      );
  }
}

/** W: the newest checkpoint's weight files go into <dataset folder>/<job>-<checkpoint>/. */
function downloadWeights(jobs: JobsState, provider: FineTuningProvider, datasetPath: string | null, dispatch: Dispatch): void {
  const job = monitoredJob(jobs);
  const newest = [...(jobs.monitor?.checkpoints ?? [])].sort((a, b) => b.step - a.step).find((c) => (c.weightFiles?.length ?? 0) > 0);
  if (!provider.capabilities.weightsDownload || job === undefined || newest === undefined) return;
  const base = datasetPath === null ? process.cwd() : dirname(datasetPath);
  dispatch({ type: 'weights/request', request: { jobId: job.id, checkpointId: newest.id, step: newest.step, fileIds: newest.weightFiles!, dir: join(base, `${job.id}-${newest.id}`) } });
}

/** ftui's default model where the provider offers it, else the provider's first. */
function suggestedModel(fields: readonly FormFieldSpec[]): string {
  const choices = fields.find((f) => f.name === 'model')?.choices;
  return choices === undefined || choices.includes(DEFAULT_MODEL) ? DEFAULT_MODEL : (choices[0] ?? DEFAULT_MODEL);
}

interface Context {
  jobs: JobsState;
  provider: FineTuningProvider;
  datasetPath: string | null;
  /** The open dataset has edits not yet saved. */
  datasetDirty: boolean;
  dispatch: Dispatch;
  pageRows: number;
  /** The key's name, for saying which key has to wait. */
  key: string | null;
}

function handleCommand(command: JobsCommand | null, ctx: Context): void {
  const { jobs, dispatch } = ctx;
  if (jobs.view === 'create') return handleCreate(command, ctx);
  // A pending cancel/pause/resume takes y or esc, and nothing else; while its call is out, nothing.
  // Any other command key is said to wait, rather than dropped in silence.
  if (jobs.pending !== null) {
    const { running } = jobs.pending;
    if (!running && command === 'confirm') dispatch({ type: 'jobs/confirmAction' });
    else if (!running && command === 'back') dispatch({ type: 'jobs/dismissAction' });
    else if (command !== null && ctx.key !== null) dispatch({ type: 'jobs/keyWhilePending', key: ctx.key });
    return;
  }
  if (jobs.view === 'monitor' && jobs.monitor?.chatWith != null) return chatWithKey(command, jobs, dispatch);
  const selected = selectedJob(jobs);
  const ask = (action: JobAction) => {
    if (selected === undefined) return;
    const caps = ctx.provider.capabilities;
    if ((action === 'pause' || action === 'resume') && !caps.pause) return;
    dispatch({ type: 'jobs/askAction', action, jobId: selected.id });
  };
  switch (command) {
    case 'cancelJob':
      return ask('cancel');
    case 'pauseJob':
      return ask('pause');
    case 'resumeJob':
      return ask('resume');
    case 'new':
      return dispatch({ type: 'jobs/openCreate', fields: ctx.provider.capabilities.createFields, model: suggestedModel(ctx.provider.capabilities.createFields) });
    case 'refresh':
      return dispatch({ type: 'jobs/listRequested', append: false });
    default:
      break;
  }
  if (jobs.view === 'monitor') {
    switch (command) {
      case 'chatWith':
        return dispatch({ type: 'jobs/chatWith', open: true });
      case 'back':
        return dispatch({ type: 'jobs/showList' });
      case 'up':
        return dispatch({ type: 'jobs/scrollEvents', delta: 1 });
      case 'down':
        return dispatch({ type: 'jobs/scrollEvents', delta: -1 });
      case 'pageUp':
        return dispatch({ type: 'jobs/scrollEvents', delta: ctx.pageRows });
      case 'pageDown':
        return dispatch({ type: 'jobs/scrollEvents', delta: -ctx.pageRows });
      default:
        return;
    }
  }
  switch (command) {
    case 'up':
      return dispatch({ type: 'jobs/moveCursor', delta: -1 });
    case 'down':
      return dispatch({ type: 'jobs/moveCursor', delta: 1 });
    case 'pageUp':
      return dispatch({ type: 'jobs/moveCursor', delta: -ctx.pageRows });
    case 'pageDown':
      return dispatch({ type: 'jobs/moveCursor', delta: ctx.pageRows });
    case 'top':
      return dispatch({ type: 'jobs/cursorTo', index: 0 });
    case 'bottom':
      return dispatch({ type: 'jobs/cursorTo', index: jobs.list.jobs.length - 1 });
    case 'loadAll':
      if (jobs.list.hasMore && !jobs.list.loading) dispatch({ type: 'jobs/listRequested', append: true });
      return;
    case 'open':
      if (selected !== undefined) dispatch({ type: 'jobs/openMonitor', jobId: selected.id });
      return;
    default:
      return;
  }
}

/** The "chat with" list of the monitor: the fine-tune or a checkpoint goes to the Chat screen, compared with the job's base. */
function chatWithKey(command: JobsCommand | null, jobs: JobsState, dispatch: Dispatch): void {
  const job = monitoredJob(jobs);
  switch (command) {
    case 'up':
      return dispatch({ type: 'jobs/moveChatWith', delta: -1 });
    case 'down':
      return dispatch({ type: 'jobs/moveChatWith', delta: 1 });
    case 'open': {
      const target = chatTargets(job, jobs.monitor!.checkpoints)[jobs.monitor!.chatWith!];
      dispatch({ type: 'jobs/chatWith', open: false });
      if (target === undefined || job === undefined) return;
      dispatch({ type: 'chat/startWith', model: target.model, baseModel: job.model });
      return dispatch({ type: 'ui/showScreen', screen: 'chat' });
    }
    case 'back':
    case 'chatWith':
      return dispatch({ type: 'jobs/chatWith', open: false });
    default:
      return;
  }
}

/** Fields chosen with ←/→ rather than typed. */
const isChoice = (spec: FormFieldSpec | undefined) => spec?.kind === 'enum' || spec?.kind === 'bool';

/** While a form field is being edited every key is text; enter or esc leaves the field. */
function editField(press: KeyPress, jobs: JobsState, dispatch: Dispatch): void {
  const spec = currentField(jobs.create);
  if (spec === undefined || isChoice(spec)) return;
  if (press.name === 'enter' || press.name === 'esc') dispatch({ type: 'jobs/editField', editing: false });
  else dispatch({ type: 'jobs/fieldKey', key: press });
}

/** The job would train on the open dataset (no other training file named in the form). */
function trainsOnOpenDataset(form: Record<string, string>, datasetPath: string | null): boolean {
  const named = (form.trainingFile ?? '').trim();
  return datasetPath !== null && (named === '' || resolve(named) === resolve(datasetPath));
}

function handleCreate(command: JobsCommand | null, ctx: Context): void {
  const { jobs, dispatch } = ctx;
  const { create } = jobs;
  const phase = create.phase.kind;
  if (phase === 'confirm') {
    // With errors the API will reject, y does nothing: only the explicit override goes on.
    if (command === 'confirm') dispatch({ type: 'jobs/confirmCreate' });
    else if (command === 'override') dispatch({ type: 'jobs/confirmCreate', override: true });
    else if (command === 'back') dispatch({ type: 'jobs/backToForm' });
    return;
  }
  if (phase === 'unsaved') {
    if (command === 'confirm') dispatch({ type: 'jobs/saveFirst' });
    else if (command === 'back') dispatch({ type: 'jobs/backToForm' });
    return;
  }
  if (phase === 'failed' || phase === 'estimating') {
    if (command === 'back') dispatch({ type: 'jobs/backToForm' });
    return;
  }
  if (phase !== 'form') return;
  const spec = currentField(create);
  const move = (step: 1 | -1) => dispatch({ type: 'jobs/moveField', delta: step });
  const choose = (step: 1 | -1) => {
    if (spec === undefined) return;
    const next = cycleChoice(spec, create.form[spec.name] ?? '', step);
    if (next !== null) dispatch({ type: 'jobs/setField', field: spec.name, value: next });
  };
  switch (command) {
    case 'back':
      return dispatch({ type: 'jobs/showList' });
    case 'up':
      return move(-1);
    case 'down':
      return move(1);
    case 'choosePrev':
      return choose(-1);
    case 'chooseNext':
      return choose(1);
    case 'open':
      if (spec !== undefined && !isChoice(spec)) dispatch({ type: 'jobs/editField', editing: true });
      return;
    case 'submit':
      return dispatch({ type: 'jobs/submitForm', error: formProblem(create, ctx.datasetPath), unsaved: ctx.datasetDirty && trainsOnOpenDataset(create.form, ctx.datasetPath) });
    default:
      return;
  }
}
