// The Jobs screen's side effects: loading the job list, polling the monitored job, running the
// create flow (estimate, upload, create) and cancel/pause/resume. Each reads the store, calls
// the provider, and dispatches what happened; the reducer never sees a promise.
import { useEffect, useRef } from 'react';
import type { FineTuningProvider, JobEvent, PriceEstimate } from '../api/types.js';
import { createRequestFrom } from './jobRequest.js';
import { fileListOnce, uploadOnce, type UploadOnceOptions } from './uploadOnce.js';
import { useAppState, useDispatch, useStoreApi } from '../store/StoreProvider.js';
import type { Store } from '../store/store.js';
import { resolve } from 'node:path';
import { checkFileUnchanged } from '../core/dataset/fileStamp.js';
import { saveOpenDataset } from './datasetFiles.js';
import { describeProblems } from './preflight.js';
import { isTerminal, type JobsState } from '../store/slices/jobs.js';
import { parseForm } from '../core/jobForm.js';
import { providerKey } from '../core/uploadRecords.js';
import type { Dispatch } from '../store/store.js';
import type { TimerHandle } from '../core/clock.js';
import { toErrorInfo, type ErrorInfo } from '../core/domain.js';
import { CreateJobError } from './createJobOnce.js';
import { launchJob } from './launchJob.js';
import { nextPollDelay, type PollOutcome } from './jobsPollSchedule.js';
import { JobWatch } from './jobWatch.js';
import { jobEndNotice } from '../core/jobEndNotice.js';
import { useProvider, type ProviderServices } from './providerContext.js';

const PAGE_SIZE = 20;

export function useJobsEffects(): void {
  const { provider, services } = useProvider();
  const dispatch = useDispatch();
  useJobList(provider, dispatch);
  useListRefresh(services, dispatch);
  useJobPolling(provider, services, dispatch);
  useCreateJob(provider, services, dispatch);
  useJobAction(provider, dispatch);
}

function useJobList(provider: FineTuningProvider | null, dispatch: Dispatch): void {
  const request = useAppState((s) => s.jobs.list.request);
  const loaded = useAppState((s) => s.jobs.list.jobs);
  const loadedRef = useRef(loaded);
  loadedRef.current = loaded;

  useEffect(() => {
    if (provider === null || request.id === 0) return;
    let live = true;
    (async () => {
      try {
        if (request.append) {
          // "Load everything": page on from the last job we have until the provider has no more.
          const jobs = await provider.listAllJobs({ after: loadedRef.current.at(-1)?.id });
          if (live) dispatch({ type: 'jobs/listLoaded', jobs, hasMore: false, append: true });
        } else {
          const page = await provider.listJobs({ limit: PAGE_SIZE });
          if (live) dispatch({ type: 'jobs/listLoaded', jobs: page.data, hasMore: page.hasMore, append: false });
          const models = await provider.listModels().catch(() => null);
          if (live && models !== null) dispatch({ type: 'jobs/modelsLoaded', models });
        }
      } catch (error) {
        if (live) dispatch({ type: 'jobs/listFailed', error: toErrorInfo(error) });
      }
    })();
    return () => {
      live = false;
    };
  }, [provider, request, dispatch]);
}

/** While the list is on screen and some job is still moving, its statuses are refreshed. */
function useListRefresh(services: ProviderServices, dispatch: Dispatch): void {
  const live = useAppState((s) => s.ui.screen === 'jobs' && s.jobs.view === 'list' && s.jobs.list.jobs.some((j) => !isTerminal(j)));
  useEffect(() => {
    if (!live) return;
    const timer = services.timers.setInterval(() => dispatch({ type: 'jobs/listRequested', append: false }), services.poll.baseMs * 2);
    return () => services.timers.clear(timer);
  }, [live, services, dispatch]);
}

function useJobPolling(provider: FineTuningProvider | null, services: ProviderServices, dispatch: Dispatch): void {
  const jobId = useAppState((s) => s.jobs.monitor?.jobId ?? null);

  useEffect(() => {
    if (provider === null || jobId === null) return;
    let live = true;
    let timer: TimerHandle | undefined;
    let failures = 0;
    let wasRunning: boolean | null = null;
    const watch = new JobWatch(provider, jobId);

    const poll = async () => {
      let done = false;
      try {
        const { job, events, checkpoints, metrics } = await watch.poll();
        if (!live) return;
        failures = 0;
        done = isTerminal(job);
        // The wait before the next poll is decided before it is shown, so the two agree.
        const at = services.now();
        dispatch({ type: 'jobs/polled', job, events, checkpoints, at, nextPollAt: done ? null : at + services.poll.baseMs, ...(metrics.length > 0 ? { metrics } : {}) });
        // A job seen moving and now ended: the bell and a desktop notification.
        if (done && wasRunning === true) services.notify(jobEndNotice(job));
        wasRunning = !done;
        if (!done) timer = services.timers.setTimeout(() => void poll(), services.poll.baseMs);
      } catch (error) {
        if (!live) return;
        const info = toErrorInfo(error);
        const outcome: PollOutcome = info.kind === 'rate_limited' ? { kind: 'rateLimited', retryAfterMs: info.retryAfterMs } : { kind: 'failed' };
        const delay = nextPollDelay(outcome, failures, services.poll);
        failures += 1;
        // A job that is gone stays gone: say so once, do not hammer the server.
        done = info.kind === 'not_found' || info.kind === 'auth' || info.kind === 'permission';
        const at = services.now();
        dispatch({ type: 'jobs/pollFailed', jobId, error: info, at, nextPollAt: done ? null : at + delay });
        if (!done) timer = services.timers.setTimeout(() => void poll(), delay);
      }
    };
    void poll();

    // Elapsed time, ETA and the wait for the next poll move every second, between polls too.
    const ticker = services.timers.setInterval(() => dispatch({ type: 'jobs/tick', now: services.now() }), 1000);
    return () => {
      live = false;
      services.timers.clear(timer);
      services.timers.clear(ticker);
    };
  }, [provider, services, jobId, dispatch]);
}

/** The form's checked values, and the file the job trains on (a chosen file, else the open dataset). */
function formRequest(create: { fields: JobsState['create']['fields']; form: JobsState['create']['form'] }, datasetPath: string | null) {
  const parsed = parseForm(create.fields, create.form);
  if (!parsed.ok) return null;
  const trainingPath = typeof parsed.values.trainingFile === 'string' ? parsed.values.trainingFile : datasetPath;
  const validationPath = typeof parsed.values.validationFile === 'string' ? parsed.values.validationFile : null;
  return { values: parsed.values, trainingPath, validationPath };
}

class FileChanged extends Error {}

const fileError = (message: string): ErrorInfo => ({ kind: 'file', message, retryAfterMs: null, param: null });

/** Why the save before the job did not happen, in the words the Dataset screen uses. */
function notSavedMessage(store: Store): string {
  const { dataset } = store.getState();
  if (dataset.question?.kind === 'externalChange') {
    return `The file changed on disk since it was opened (${dataset.question.what}), so nothing was saved or uploaded. Answer the question on the Dataset screen (1), then create the job.`;
  }
  return 'The dataset could not be saved, so nothing was uploaded; the Dataset screen (1) says why.';
}

/**
 * When the job would train on the open dataset: null if the file on disk is still the one on
 * screen, else what changed. Another file named in the form is taken as it is.
 */
async function openDatasetChanged(store: Store, trainingPath: string): Promise<string | null> {
  const { dataset } = store.getState();
  // Only a dataset read from disk has a stamp to compare with.
  if (dataset.status !== 'ready' || dataset.filePath === null || resolve(dataset.filePath) !== resolve(trainingPath)) return null;
  const check = await checkFileUnchanged(dataset.filePath, dataset.base);
  return check.changed ? `The file on disk is not the one on screen: ${check.what}. Save it (ctrl+s) or reload it on the Dataset screen (1) first; nothing was uploaded.` : null;
}

function useCreateJob(provider: FineTuningProvider | null, services: ProviderServices, dispatch: Dispatch): void {
  const store = useStoreApi();
  const phase = useAppState((s) => s.jobs.create.phase.kind);
  const attempt = useAppState((s) => s.jobs.create.attempt);
  const create = useAppState((s) => s.jobs.create);
  const datasetPath = useAppState((s) => s.dataset.filePath);
  const connection = useAppState((s) => s.connection);
  const latest = useRef({ create, datasetPath, connection });
  latest.current = { create, datasetPath, connection };

  // Unsaved edits are saved first, so the job trains on what the user sees. The save checks the
  // file on disk itself; if someone changed it, the Dataset screen asks what to do.
  useEffect(() => {
    if (phase !== 'saving') return;
    let live = true;
    saveOpenDataset(store).then(
      (saved) => {
        if (!live) return;
        if (saved) dispatch({ type: 'jobs/savedFirst' });
        else dispatch({ type: 'jobs/createFailed', error: fileError(notSavedMessage(store)), unresolvedClientId: latest.current.create.unresolvedClientId });
      },
      (error: unknown) => live && dispatch({ type: 'jobs/createFailed', error: fileError(toErrorInfo(error).message), unresolvedClientId: latest.current.create.unresolvedClientId }),
    );
    return () => {
      live = false;
    };
  }, [phase, store, dispatch]);

  // The check before the confirmation: the file on disk is the one on screen, the API would take
  // the files, what it costs, and what is worth a warning.
  useEffect(() => {
    if (phase !== 'estimating') return;
    let live = true;
    const request = formRequest(latest.current.create, latest.current.datasetPath);
    const check = services.preflight;
    if (check === null || request === null || request.trainingPath === null) {
      dispatch({ type: 'jobs/estimated', estimate: null, note: 'No cost estimate: the validation engine is not available.' });
      return;
    }
    const epochs = typeof request.values.epochs === 'number' ? request.values.epochs : null;
    (async () => {
      const changed = await openDatasetChanged(store, request.trainingPath!);
      if (changed !== null) throw new FileChanged(changed);
      const model = String(request.values.model ?? '');
      const own = await check(request.trainingPath!, request.validationPath, model, epochs, { pricePerMillion: provider?.capabilities.trainingPrices?.[model] ?? null });
      // A provider that prices jobs itself does so for uploaded files: they go up now (uploading
      // costs nothing, and the create reuses them) and its figure is shown beside ftui's. Not for
      // files the API would refuse anyway.
      if (own.problems.length > 0 || provider === null || !provider.capabilities.priceEstimate || !provider.estimatePrice) return { own, theirs: undefined };
      const connection = latest.current.connection;
      const theirs = await providerPrice(provider, request, { providerKey: providerKey(connection.kind, connection.baseUrl), records: services.uploadRecords });
      return { own, theirs };
    })().then(
      ({ own: p, theirs }) =>
        live &&
        dispatch({
          type: 'jobs/estimated',
          estimate: p.estimate,
          note: p.note,
          warnings: p.warnings,
          problems: p.problems.map(describeProblems),
          ...(theirs !== undefined ? { providerPrice: theirs.price, providerNote: theirs.note } : {}),
        }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof FileChanged) dispatch({ type: 'jobs/createFailed', error: fileError(error.message), unresolvedClientId: latest.current.create.unresolvedClientId });
        else dispatch({ type: 'jobs/estimated', estimate: null, note: `No cost estimate: ${toErrorInfo(error).message}` });
      },
    );
    return () => {
      live = false;
    };
  }, [phase, services, store, provider, dispatch]);

  // Upload, then create. Started once per confirmation (attempt), not on every render.
  useEffect(() => {
    if (provider === null || attempt === 0) return;
    const request = formRequest(latest.current.create, latest.current.datasetPath);
    const earlier = latest.current.create.unresolvedClientId;
    if (request === null || request.trainingPath === null) {
      dispatch({ type: 'jobs/createFailed', error: { kind: 'file', message: 'No dataset is open.', retryAfterMs: null, param: null }, unresolvedClientId: earlier });
      return;
    }
    const controller = new AbortController();
    (async () => {
      try {
        const changed = await openDatasetChanged(store, request.trainingPath!);
        if (changed !== null) throw new FileChanged(changed);
        const connection = latest.current.connection;
        const result = await launchJob(
          provider,
          { values: request.values, trainingPath: request.trainingPath!, validationPath: request.validationPath, clientId: earlier },
          {
            providerKey: providerKey(connection.kind, connection.baseUrl),
            records: services.uploadRecords,
            signal: controller.signal,
            onUpload: (file, sent, total, reused) => dispatch({ type: 'jobs/uploadProgress', file, sent, total, ...(reused !== null ? { reused } : {}) }),
            onCreating: (checking) => dispatch({ type: 'jobs/creating', checking }),
            // The look-ups after a lost answer wait on the app's clock, like its polling.
            createOptions: { sleep: (ms) => new Promise<void>((done) => void services.timers.setTimeout(done, ms)) },
          },
        );
        const overridden = latest.current.create.overridden ? 'Sent with errors the API will reject (you chose to override): the job may fail on them.' : null;
        dispatch({ type: 'jobs/created', job: result.job, notice: [result.notice, overridden].filter(Boolean).join(' ') || null });
      } catch (error) {
        if (error instanceof CreateJobError) {
          dispatch({ type: 'jobs/createFailed', error: error.info, unresolvedClientId: error.outcome === 'unknown' ? error.clientId : null });
        } else if (!controller.signal.aborted) {
          dispatch({ type: 'jobs/createFailed', error: toErrorInfo(error), unresolvedClientId: earlier });
        }
      }
    })();
    return () => controller.abort();
  }, [provider, attempt, dispatch]);
}

function useJobAction(provider: FineTuningProvider | null, dispatch: Dispatch): void {
  const pending = useAppState((s) => s.jobs.pending);
  const running = pending?.running === true ? pending : null;
  useEffect(() => {
    if (provider === null || running === null) return;
    const call =
      running.action === 'cancel'
        ? provider.cancelJob(running.jobId)
        : running.action === 'pause'
          ? provider.pauseJob(running.jobId)
          : provider.resumeJob(running.jobId);
    call.then(
      (job) => dispatch({ type: 'jobs/actionDone', job }),
      (error: unknown) => dispatch({ type: 'jobs/actionFailed', error: toErrorInfo(error) }),
    );
  }, [provider, running?.attempt, running?.action, running?.jobId, dispatch]);
}

/** The provider's own price for the form's files, uploading them first (once: the create reuses them). */
async function providerPrice(
  provider: FineTuningProvider,
  request: NonNullable<ReturnType<typeof formRequest>>,
  upload: Pick<UploadOnceOptions, 'providerKey' | 'records'>,
): Promise<{ price: PriceEstimate | null; note: string | null }> {
  try {
    const files = fileListOnce(provider);
    const training = await uploadOnce(provider, request.trainingPath!, { ...upload, files });
    const validation = request.validationPath === null ? null : await uploadOnce(provider, request.validationPath, { ...upload, files });
    const input = { ...createRequestFrom(request.values, { trainingFileId: training.file.id, validationFileId: validation?.file.id ?? null }), clientId: 'estimate' };
    return { price: await provider.estimatePrice!(input), note: null };
  } catch (error) {
    return { price: null, note: toErrorInfo(error).message };
  }
}
