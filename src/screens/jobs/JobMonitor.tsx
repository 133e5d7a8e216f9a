import { Box, Text } from 'ink';
import { Waiting } from '../../components/Waiting.js';
import { cut } from '../../components/fitLine.js';
import type { JobRecord } from '../../core/domain.js';
import { chatTargets, type JobsState } from '../../store/slices/jobs.js';
import { explainError } from '../explainError.js';
import { wrapText } from '../validate/wrapText.js';
import { estimateRemaining, formatDuration, formatUtc } from './formatTime.js';
import { modelWithShutdown, statusColor, statusLabel, stepsFromMessages } from './jobFacts.js';
import { formatLoss, type Point } from './lossChart.js';
import { LossChartView } from './LossChartView.js';
import { billing, deploymentFor, type DeployState } from '../../store/slices/deploy.js';
import { deploymentLine, stopLine, stopVerb } from '../deploy/DeployPanel.js';
import type { WeightsState } from '../../store/slices/weights.js';
import { pendingLine } from './pendingLine.js';

/** Why the last poll failed and when the next one really happens (not the server's hint). */
function pollTrouble(monitor: NonNullable<JobsState['monitor']>, now: number): string {
  const error = monitor.error!;
  const what = error.kind === 'rate_limited' ? `Too many requests${error.retryAfterMs !== null ? ` (the service asked for ${Math.ceil(error.retryAfterMs / 1000)} s)` : ''}.` : explainError(error);
  if (monitor.nextPollAt === null) return `${what} Not asking again.`;
  return `${what} Next try in ${Math.max(0, Math.ceil((monitor.nextPollAt - now) / 1000))} s.`;
}

/** The models of this job to chat with, in place of the event log while it is open. */
function ChatWithList({ targets, cursor, rows, width }: { targets: { model: string; label: string }[]; cursor: number; rows: number; width: number }) {
  const start = Math.max(0, Math.min(cursor - Math.floor((rows - 1) / 2), targets.length - (rows - 1)));
  return (
    <Box flexDirection="column" height={rows}>
      <Text bold>{cut('Chat with:', width)}</Text>
      {targets.slice(start, start + rows - 1).map((t, i) => (
        <Text key={t.model} inverse={start + i === cursor}>
          {cut(`${start + i === cursor ? '▸' : ' '} ${t.label}: ${t.model}`, width)}
        </Text>
      ))}
    </Box>
  );
}

const mb = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/** A weights download under way, done, or failed; null when none was asked for. */
function weightsStatus(w: WeightsState): { text: string; color?: string } | null {
  if (w.request === null) return null;
  if (w.running) return { text: `Downloading the weights of step ${w.request.step}… ${mb(w.received)}${w.total !== null ? ` of ${mb(w.total)}` : ''}`, color: 'yellow' };
  if (w.error !== null) return { text: `The weights were not saved: ${explainError(w.error)}`, color: 'red' };
  if (w.written !== null) return { text: `Weights of step ${w.request.step} saved in ${w.request.dir} (${w.written.length} file${w.written.length === 1 ? '' : 's'}, ${mb(w.received)})`, color: 'green' };
  return null;
}

/** One job, live: status, timing, the loss curve, the event log and checkpoints. */
export function JobMonitor({
  jobs,
  job,
  width,
  height,
  sandbox,
  canPause,
  deploy = null,
  weights = null,
}: {
  jobs: JobsState;
  job: JobRecord | undefined;
  width: number;
  height: number;
  sandbox: boolean;
  /** The provider can pause and resume jobs; otherwise those keys are not offered. */
  canPause: boolean;
  /** Deployments, where the provider serves fine-tunes through them (capabilities.deployments). */
  deploy?: DeployState | null;
  /** Checkpoint weights downloads, where the provider offers them (capabilities.weightsDownload). */
  weights?: WeightsState | null;
}) {
  const monitor = jobs.monitor!;
  const inner = Math.max(20, width - 2);
  if (job === undefined) {
    return (
      <Box flexDirection="column" paddingX={1} height={height}>
        <Text bold>{cut(`Job ${monitor.jobId}`, inner)}</Text>
        {monitor.error ? <Text color="red">{cut(explainError(monitor.error), inner)}</Text> : <Waiting text="Loading…" width={inner} />}
        <Text dimColor>esc back to the list</Text>
      </Box>
    );
  }

  // Metrics from events and from the provider's metrics series, one row per step (the series wins).
  const byStep = new Map(monitor.events.flatMap((e) => (e.metrics ? [[e.metrics.step, e.metrics] as const] : [])));
  for (const m of monitor.metrics ?? []) byStep.set(m.step, m);
  const metrics = [...byStep.values()].sort((a, b) => a.step - b.step);
  const train: Point[] = metrics.flatMap((m) => (m.trainLoss == null ? [] : [{ x: m.step, y: m.trainLoss }]));
  const valid: Point[] = metrics.flatMap((m) => (m.validLoss == null ? [] : [{ x: m.step, y: m.validLoss }]));
  const last = metrics.at(-1);
  const totalSteps = last?.totalSteps ?? job.progress?.totalSteps ?? stepsFromMessages(monitor.events);
  const lastValid = valid.at(-1);

  const now = Math.max(jobs.now, monitor.lastPollAt ?? 0);
  const started = job.startedAt ?? job.createdAt;
  const end = job.finishedAt ?? now;
  const elapsed = formatDuration(end - started);
  const eta =
    job.finishedAt !== null
      ? null
      : estimateRemaining({ now, startedAt: job.startedAt, estimatedFinishAt: job.estimatedFinishAt, step: last?.step ?? null, totalSteps });

  const chartHeight = Math.max(4, Math.min(12, Math.floor((height - 8) / 2)));
  // What went wrong, or what the user should know (a job found by its request id, files not sent
  // again, errors overridden), is read in full: up to three rows, taken from the event log.
  const statusText = job.error ? `Job failed: ${job.error.message}` : (jobs.notice ?? ' ');
  const wrapped = wrapText(statusText, inner, 3);
  const statusRows = wrapped.length > 0 ? wrapped : [' '];
  const eventRows = Math.max(1, height - 3 - chartHeight - 2 - statusRows.length);
  const endIndex = monitor.events.length - monitor.scroll;
  const shown = monitor.events.slice(Math.max(0, endIndex - eventRows), endIndex);

  const figures = [
    `elapsed ${elapsed}`,
    eta === null ? null : `ETA ${formatDuration(eta)}`,
    last ? `step ${last.step}${totalSteps ? `/${totalSteps}` : ''}` : null,
    last?.trainLoss != null ? `train ${formatLoss(last.trainLoss)}` : null,
    lastValid ? `valid ${formatLoss(lastValid.y)}` : null,
  ].filter(Boolean);

  const checkpoints = jobs.monitor!.checkpoints;
  const checkpointLine =
    checkpoints.length === 0
      ? 'Checkpoints: none yet'
      : `Checkpoints: ${checkpoints.map((c) => `step ${c.step} ${c.modelId}`).join(' · ')}`;

  const targets = chatTargets(job, checkpoints);
  const deployment = deploy ? deploymentFor(deploy, job.fineTunedModel) : undefined;
  const canDeploy = deploy !== null && job.fineTunedModel !== null && (deployment === undefined || !billing(deployment));
  let footer: { text: string; color?: string } = {
    text: `esc list · c cancel${canPause ? ' · p pause · r resume' : ''}${canDeploy ? ' · D deploy for chat' : ''}${deployment && billing(deployment) ? ` · X ${deploy ? stopVerb(deploy) : 'stop'} deployment` : ''}${targets.length > 0 ? ' · t chat' : ''}${weights !== null && checkpoints.some((c) => (c.weightFiles?.length ?? 0) > 0) ? ' · W weights' : ''} · ↑/↓ events`,
  };
  const weightsLine = weights === null ? null : weightsStatus(weights);
  const stop = deploy ? stopLine(deploy, 'the deployment', inner) : null;
  if (monitor.chatWith != null) {
    footer = { text: 'enter chat with it (compared with the base on the Chat screen) · ↑/↓ choose · esc back' };
  } else if (stop !== null) {
    footer = stop;
  } else if (weightsLine !== null) {
    footer = weightsLine;
  } else if (deploy?.error) {
    footer = { text: explainError(deploy.error), color: 'red' };
  } else if (jobs.pending !== null) {
    footer = pendingLine(jobs.pending);
  } else if (jobs.actionError !== null) {
    footer = { text: explainError(jobs.actionError), color: 'red' };
  } else if (monitor.error !== null) {
    footer = { text: pollTrouble(monitor, now), color: 'red' };
  }

  return (
    <Box flexDirection="column" paddingX={1} height={height} overflowY="hidden">
      <Text>
        <Text bold>{cut(`${sandbox ? 'SANDBOX · ' : ''}Job ${job.id} `, inner - 20)}</Text>
        <Text color={statusColor(job)}>{cut(statusLabel(job), 20)}</Text>
      </Text>
      <Text>{cut(`Base ${modelWithShutdown(job.model, jobs.models)}${job.fineTunedModel ? ` → ${job.fineTunedModel}` : ''}`, inner)}</Text>
      <Text>
        {cut(figures.join('  '), Math.max(0, inner - 16))}
        <Text color="cyan">{'  ━train'}</Text>
        <Text color="magenta">{' •valid'}</Text>
      </Text>
      <LossChartView train={train} valid={valid} width={inner} height={chartHeight} />
      {monitor.chatWith != null ? (
        <ChatWithList targets={targets} cursor={monitor.chatWith} rows={eventRows} width={inner} />
      ) : (
        <Box flexDirection="column" height={eventRows}>
          {shown.length === 0 ? <Text dimColor>No events yet.</Text> : null}
          {shown.map((e) => (
            <Text key={e.id} color={e.level === 'error' ? 'red' : e.level === 'warn' ? 'yellow' : undefined}>
              {cut(`${formatUtc(e.createdAt).slice(11)} ${e.kind ? `${e.kind.replace(/_/g, ' ')}: ` : ''}${e.message}`, inner)}
            </Text>
          ))}
        </Box>
      )}
      <Text dimColor={deployment === undefined} color={deployment && billing(deployment) ? 'yellow' : undefined}>
        {cut(deployment ? deploymentLine(deployment) : checkpointLine, inner)}
      </Text>
      {statusRows.map((row, i) => (
        <Text key={`status-${i}`} color={job.error ? 'red' : jobs.notice ? 'yellow' : undefined}>
          {row}
        </Text>
      ))}
      <Text color={footer.color} dimColor={footer.color === undefined}>
        {cut(footer.text, inner)}
      </Text>
    </Box>
  );
}
