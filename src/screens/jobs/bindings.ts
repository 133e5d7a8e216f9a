import type { Binding } from '../../keys/types.js';

export type JobsCommand =
  | 'up'
  | 'down'
  | 'top'
  | 'bottom'
  | 'pageUp'
  | 'pageDown'
  | 'open'
  | 'back'
  | 'new'
  | 'refresh'
  | 'loadAll'
  | 'cancelJob'
  | 'pauseJob'
  | 'resumeJob'
  | 'choosePrev'
  | 'chooseNext'
  | 'submit'
  | 'confirm'
  | 'override'
  | 'sandbox'
  | 'deploy'
  | 'stopDeployment'
  | 'chatWith'
  | 'downloadWeights';

/**
 * The jobs screen's keys: its handlers, the ? overlay and the status bar hints read this table.
 * One key means one command on this screen; its effect follows the view (list, monitor, form).
 */
export const jobsBindings: readonly Binding<JobsCommand>[] = [
  { command: 'up', keys: ['up', 'k'], description: 'previous job / field; scroll the event log up', scope: 'jobs' },
  { command: 'down', keys: ['down', 'j'], description: 'next job / field; scroll the event log down', scope: 'jobs' },
  { command: 'top', keys: ['g'], description: 'first job', scope: 'jobs' },
  { command: 'bottom', keys: ['G'], description: 'last job', scope: 'jobs' },
  { command: 'pageUp', keys: ['pgup'], description: 'page up (jobs or event log)', scope: 'jobs' },
  { command: 'pageDown', keys: ['pgdn'], description: 'page down (jobs or event log)', scope: 'jobs' },
  { command: 'open', keys: ['enter'], description: 'watch the selected job; in the form, edit the field', scope: 'jobs', hint: 'open' },
  { command: 'back', keys: ['esc'], description: 'back to the job list; leave a field; say no', scope: 'jobs' },
  { command: 'new', keys: ['n'], description: 'new job from the open dataset', scope: 'jobs', hint: 'new job' },
  { command: 'refresh', keys: ['R'], description: 'refresh the job list now', scope: 'jobs' },
  { command: 'loadAll', keys: ['L'], description: 'load every page of jobs', scope: 'jobs' },
  { command: 'cancelJob', keys: ['c'], description: 'cancel the job (asks first)', scope: 'jobs', hint: 'cancel' },
  { command: 'pauseJob', keys: ['p'], description: 'pause the job, where the provider allows', scope: 'jobs' },
  { command: 'resumeJob', keys: ['r'], description: 'resume a paused job', scope: 'jobs' },
  { command: 'choosePrev', keys: ['left', 'h'], description: 'in the form: previous base model / method', scope: 'jobs' },
  { command: 'chooseNext', keys: ['right', 'l'], description: 'in the form: next base model / method', scope: 'jobs' },
  { command: 'submit', keys: ['s'], description: 'in the form: review the cost and create', scope: 'jobs' },
  { command: 'confirm', keys: ['y'], description: 'yes: create / cancel / pause / resume; save the dataset first', scope: 'jobs' },
  { command: 'override', keys: ['F'], description: 'create anyway, although the files have errors the API will reject', scope: 'jobs' },
  { command: 'chatWith', keys: ['t'], description: 'talk to the fine-tune or a checkpoint on the Chat screen', scope: 'jobs' },
  { command: 'sandbox', keys: ['S'], description: 'start the local sandbox (no key, no cost)', scope: 'jobs' },
  { command: 'deploy', keys: ['D'], description: 'deploy the fine-tune for chat (price per hour first)', scope: 'jobs' },
  { command: 'downloadWeights', keys: ['W'], description: "download the newest checkpoint's weights next to the dataset, where the provider offers them", scope: 'jobs' },
  { command: 'stopDeployment', keys: ['X'], description: 'stop its deployment (billing stops; asks first)', scope: 'jobs' },
];
