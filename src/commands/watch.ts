// `ftui watch JOB`: follows a job from a script or a terminal. Each poll prints only what is new
// (events, loss lines, status changes, checkpoints); it ends with the fine-tuned model's name,
// exit 0 when the job succeeded and 1 when it failed or was cancelled. --json writes one JSON
// object per line: each event, then the job.
import { InvalidArgumentError, type Command } from 'commander';
import type { FineTuningProvider, JobEvent, JobRecord } from '../api/types.js';
import { toErrorInfo } from '../core/domain.js';
import { jobEndNotice } from '../core/jobEndNotice.js';
import { DEFAULT_POLL_SCHEDULE, nextPollDelay, type PollOutcome, type PollScheduleOptions } from '../effects/jobsPollSchedule.js';
import { JobWatch, jobEnded } from '../effects/jobWatch.js';
import { connect, EXIT, jobIdArgument, outputFor, runCommand, withConnectionOptions, type ConnectionFlags, type Output } from './connection.js';
import type { CommandModule } from './types.js';
import { redact } from '../core/redact.js';

const time = (ms: number) => new Date(ms).toISOString().slice(11, 19);

function lossLine(e: JobEvent): string | null {
  const m = e.metrics;
  if (!m || /loss/i.test(e.message)) return null;
  const parts = [`step ${m.step}${m.totalSteps ? `/${m.totalSteps}` : ''}`];
  if (m.trainLoss != null) parts.push(`train loss ${m.trainLoss}`);
  if (m.validLoss != null) parts.push(`valid loss ${m.validLoss}`);
  return parts.join(' · ');
}

function eventLine(e: JobEvent, out: Output): string {
  const text = [e.message, lossLine(e)].filter(Boolean).join(' ');
  const body = e.level === 'error' ? out.paint('31', text) : e.level === 'warn' ? out.paint('33', text) : text;
  return `${time(e.createdAt)} ${body}`;
}

export interface WatchOptions {
  json: boolean;
  schedule?: PollScheduleOptions;
  write?: (text: string) => void;
  /** How long to wait (tests pass a quicker one). */
  sleep?: (ms: number) => Promise<void>;
}

/** Follows a job to its end; resolves with the exit code. */
export async function watchJob(provider: FineTuningProvider, jobId: string, options: WatchOptions): Promise<number> {
  const out = outputFor();
  const write = options.write ?? ((text: string) => void process.stdout.write(text));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const schedule = options.schedule ?? DEFAULT_POLL_SCHEDULE;
  const watch = new JobWatch(provider, jobId);
  let status: string | null = null;
  let checkpoints = 0;
  let failures = 0;
  for (;;) {
    let outcome: PollOutcome = { kind: 'ok' };
    let job: JobRecord | null = null;
    try {
      const polled = await watch.poll();
      job = polled.job;
      failures = 0;
      for (const e of polled.events) write(options.json ? `${JSON.stringify({ type: 'event', jobId, event: e })}\n` : `${eventLine(e, out)}\n`);
      if (!options.json && job.status !== status) write(`${time(Date.now())} status: ${job.status === 'unknown' ? job.rawStatus : job.status}\n`);
      status = job.status;
      if (polled.checkpoints && polled.checkpoints.length > checkpoints) {
        // Providers list checkpoints newest first; the log reads oldest first.
        for (const c of polled.checkpoints.slice(0, polled.checkpoints.length - checkpoints).reverse()) {
          if (!options.json) write(`${time(c.createdAt)} checkpoint at step ${c.step}: ${c.modelId}\n`);
        }
        checkpoints = polled.checkpoints.length;
      }
    } catch (error) {
      const info = toErrorInfo(error);
      if (info.kind === 'not_found' || info.kind === 'auth' || info.kind === 'permission') throw error;
      outcome = info.kind === 'rate_limited' ? { kind: 'rateLimited', retryAfterMs: info.retryAfterMs } : { kind: 'failed' };
      const delay = nextPollDelay(outcome, failures, schedule);
      failures += 1;
      process.stderr.write(redact(`ftui watch: ${info.message} Next try in ${Math.ceil(delay / 1000)} s.\n`));
      await sleep(delay);
      continue;
    }
    if (job !== null && jobEnded(job)) {
      if (options.json) write(`${JSON.stringify({ type: 'job', job })}\n`);
      else if (job.status === 'succeeded') write(`fine-tuned model: ${job.fineTunedModel ?? '(none reported)'}\n`);
      else write(out.paint('31', `job ${job.status}${job.error ? `: ${job.error.message}` : ''}`) + '\n');
      if (out.interactive) write(jobEndNotice(job));
      return job.status === 'succeeded' ? EXIT.ok : EXIT.failed;
    }
    await sleep(nextPollDelay(outcome, 0, schedule));
  }
}

interface WatchFlags extends ConnectionFlags {
  interval?: number;
}

function interval(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0.1 || n > 3600) throw new InvalidArgumentError('seconds between polls: at least 0.1, at most 3600.');
  return n;
}

/** --interval: seconds between polls while nothing goes wrong. */
export function withIntervalOption(command: Command): Command {
  return command.option('--interval <seconds>', 'seconds between polls (default 5)', interval);
}

export function scheduleFor(seconds: number | undefined): PollScheduleOptions {
  return seconds === undefined ? DEFAULT_POLL_SCHEDULE : { baseMs: seconds * 1000, maxMs: Math.max(DEFAULT_POLL_SCHEDULE.maxMs, seconds * 1000) };
}

export const watchCommand: CommandModule = {
  register(program: Command) {
    const command = withConnectionOptions(
      program
        .command('watch')
        .description('Follow a fine-tuning job: new events and losses as they come, then the fine-tuned model. Exit 0 succeeded, 1 failed or cancelled, 2 usage or connection.')
        .argument('<job>', 'the job id', jobIdArgument),
    );
    withIntervalOption(command).action(async (jobId: string, _flags: WatchFlags, command: Command) => {
      const flags = command.optsWithGlobals<WatchFlags>();
      await runCommand('watch', async () => {
        const { provider } = await connect(flags);
        return watchJob(provider, jobId, { json: Boolean(flags.json), schedule: scheduleFor(flags.interval) });
      });
    });
  },
};
