// The Jobs screen's lines in full (z): the selected or watched job's id, models, files and
// error, and in the monitor its checkpoints and every event. Y copies the fine-tuned model, or
// the job id before there is one.
import type { JobRecord } from '../../core/domain.js';
import type { AppState } from '../../store/state.js';
import type { DetailItem } from '../../store/slices/ui.js';
import { selectedJob } from '../../store/slices/jobs.js';
import { explainError } from '../explainError.js';
import { firstOf, item, type ScreenDetails } from '../detailItems.js';
import { formatUtc } from './formatTime.js';
import { statusLabel } from './jobFacts.js';

function jobItems(job: JobRecord): DetailItem[] {
  return [
    ...item('Fine-tuned model', job.fineTunedModel, true),
    ...item('Job id', job.id, true),
    ...item('Base model', job.model, true),
    ...item('Status', statusLabel(job) === job.rawStatus ? job.rawStatus : `${statusLabel(job)} (${job.rawStatus})`),
    ...item('Error', job.error ? `${job.error.message}${job.error.code ? ` (${job.error.code})` : ''}` : null),
    ...item('Training file', job.trainingFile, true),
    ...item('Validation file', job.validationFile, true),
    ...item('Suffix', job.suffix),
  ];
}

export function jobsDetails(state: AppState): ScreenDetails {
  const { jobs, deploy } = state;
  const items: DetailItem[] = [];
  if (jobs.view === 'create') {
    const phase = jobs.create.phase;
    items.push(...item('Form', jobs.create.formError), ...item('Could not create the job', phase.kind === 'failed' ? explainError(phase.error) : null));
    for (const [name, value] of Object.entries(jobs.create.form)) items.push(...item(name, value, true));
  } else {
    const job = selectedJob(jobs);
    if (job !== undefined) items.push(...jobItems(job));
    items.push(...item('About this job', jobs.notice), ...item('Last action failed', jobs.actionError ? explainError(jobs.actionError) : null));
    items.push(...item('Job list', jobs.list.error ? explainError(jobs.list.error) : null));
    const monitor = jobs.view === 'monitor' ? jobs.monitor : null;
    if (monitor) {
      items.push(...item('Polling', monitor.error ? explainError(monitor.error) : null));
      for (const c of [...monitor.checkpoints].sort((a, b) => b.step - a.step)) items.push(...item(`Checkpoint at step ${c.step}`, c.modelId, true));
      // Newest first: the event that just came is the one looked for.
      for (const e of [...monitor.events].reverse()) items.push(...item(`Event ${formatUtc(e.createdAt)}${e.kind ? ` · ${e.kind}` : ''}${e.level !== 'info' ? ` · ${e.level}` : ''}`, e.message));
    }
  }
  items.push(...item('Deployment', deploy.error ? explainError(deploy.error) : null));
  return { items, primary: firstOf(items, ['Fine-tuned model', 'Job id']) };
}
