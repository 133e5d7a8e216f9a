// The Jobs screen's side effects: loading the job list, polling the monitored job, running the
// create flow (estimate, upload, create) and cancel/pause/resume. Each reads the store, calls
// the provider, and dispatches what happened; the reducer never sees a promise.
import { useEffect, useRef } from 'react';
import type { FineTuningProvider, JobEvent } from '../api/types.js';
import { useAppState, useDispatch } from '../store/StoreProvider.js';
import { isTerminal, type JobsState } from '../store/slices/jobs.js';
import { parseForm } from '../core/jobForm.js';
import { providerKey } from '../core/uploadRecords.js';
import type { Dispatch } from '../store/store.js';
import type { TimerHandle } from '../core/clock.js';
import { toErrorInfo } from '../core/domain.js';
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
        const { job, events, checkpoints } = await watch.poll();
        if (!live) return;
        failures = 0;
        done = isTerminal(job);
        // The wait before the next poll is decided before it is shown, so the two agree.
        const at = services.now();
        dispatch({ type: 'jobs/polled', job, events, checkpoints, at, nextPollAt: done ? null : at + services.poll.baseMs });
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

function useCreateJob(provider: FineTuningProvider | null, services: ProviderServices, dispatch: Dispatch): void {
  const phase = useAppState((s) => s.jobs.create.phase.kind);
  const attempt = useAppState((s) => s.jobs.create.attempt);
  const create = useAppState((s) => s.jobs.create);
  const datasetPath = useAppState((s) => s.dataset.filePath);
  const connection = useAppState((s) => s.connection);
  const latest = useRef({ create, datasetPath, connection });
  latest.current = { create, datasetPath, connection };

  // The cost estimate before the confirmation.
  useEffect(() => {
    if (phase !== 'estimating') return;
    let live = true;
    const request = formRequest(latest.current.create, latest.current.datasetPath);
    const estimate = services.estimateCost;
    if (estimate === null || request === null || request.trainingPath === null) {
      dispatch({ type: 'jobs/estimated', estimate: null, note: 'No cost estimate: the validation engine is not available.' });
      return;
    }
    const epochs = typeof request.values.epochs === 'number' ? request.values.epochs : null;
    estimate(request.trainingPath, String(request.values.model ?? ''), epochs).then(
      (e) => live && dispatch({ type: 'jobs/estimated', estimate: e, note: null }),
      (error: unknown) => live && dispatch({ type: 'jobs/estimated', estimate: null, note: `No cost estimate: ${toErrorInfo(error).message}` }),
    );
    return () => {
      live = false;
    };
  }, [phase, services, dispatch]);

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
          },
        );
        dispatch({ type: 'jobs/created', job: result.job, notice: result.notice });
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
