// `ftui jobs [--all]` lists the jobs, newest first; `ftui cancel|pause|resume JOB` acts on one
// after asking (unless --yes). Same providers and records as the Jobs screen.
import type { Command } from 'commander';
import type { FineTuningProvider, JobRecord } from '../api/types.js';
import { CommandError, confirm, connect, EXIT, jobIdArgument, outputFor, runCommand, withConnectionOptions, type ConnectionFlags } from './connection.js';
import type { CommandModule } from './types.js';

const PAGE = 20;

function statusWord(job: JobRecord): string {
  return job.status === 'unknown' ? job.rawStatus : job.status;
}

function jobRows(jobs: JobRecord[]): string {
  const rows = jobs.map((j) => [j.id, statusWord(j), j.model, new Date(j.createdAt).toISOString().slice(0, 16).replace('T', ' '), j.fineTunedModel ?? '-']);
  const header = ['JOB', 'STATUS', 'MODEL', 'CREATED (UTC)', 'FINE-TUNED MODEL'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows].map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n');
}

async function listJobs(provider: FineTuningProvider, all: boolean): Promise<{ jobs: JobRecord[]; hasMore: boolean }> {
  if (all) return { jobs: await provider.listAllJobs(), hasMore: false };
  const page = await provider.listJobs({ limit: PAGE });
  return { jobs: page.data, hasMore: page.hasMore };
}

type Action = 'cancel' | 'pause' | 'resume';

const ACTIONS: Record<Action, { describe: string; run: (p: FineTuningProvider, id: string) => Promise<JobRecord> }> = {
  cancel: { describe: 'Cancel a fine-tuning job (asks first unless --yes).', run: (p, id) => p.cancelJob(id) },
  pause: { describe: 'Pause a running fine-tuning job, where the provider can (asks first unless --yes).', run: (p, id) => p.pauseJob(id) },
  resume: { describe: 'Resume a paused fine-tuning job (asks first unless --yes).', run: (p, id) => p.resumeJob(id) },
};

interface ActionFlags extends ConnectionFlags {
  yes?: boolean;
}

function registerAction(program: Command, action: Action): void {
  withConnectionOptions(
    program
      .command(action)
      .description(`${ACTIONS[action].describe} Exit 0 done, 1 refused by the service, 2 usage or connection.`)
      .argument('<job>', 'the job id', jobIdArgument)
      .option('-y, --yes', 'do not ask'),
  ).action(async (jobId: string, _flags: ActionFlags, command: Command) => {
    const flags = command.optsWithGlobals<ActionFlags>();
    await runCommand(action, async () => {
      const { provider } = await connect(flags);
      if ((action === 'pause' || action === 'resume') && !provider.capabilities.pause) {
        throw new CommandError(`This provider cannot ${action} jobs.`, EXIT.usage);
      }
      if (!flags.yes && !(await confirm(`${action[0]!.toUpperCase()}${action.slice(1)} job ${jobId}?`))) {
        process.stderr.write('Nothing done.\n');
        return EXIT.failed;
      }
      const job = await ACTIONS[action].run(provider, jobId);
      process.stdout.write(flags.json ? `${JSON.stringify(job, null, 2)}\n` : `${job.id} ${statusWord(job)}\n`);
      return EXIT.ok;
    });
  });
}

interface JobsFlags extends ConnectionFlags {
  all?: boolean;
}

export const jobsCommand: CommandModule = {
  register(program: Command) {
    withConnectionOptions(
      program
        .command('jobs')
        .description('List fine-tuning jobs, newest first (the first 20; --all for every one). Exit 0 listed, 2 usage or connection.')
        .option('-a, --all', 'every job, following the pages to the end'),
    ).action(async (_flags: JobsFlags, command: Command) => {
      const flags = command.optsWithGlobals<JobsFlags>();
      await runCommand('jobs', async () => {
        const { provider } = await connect(flags);
        const { jobs, hasMore } = await listJobs(provider, Boolean(flags.all));
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(jobs, null, 2)}\n`);
          return EXIT.ok;
        }
        if (jobs.length === 0) {
          process.stdout.write('No jobs yet.\n');
          return EXIT.ok;
        }
        const out = outputFor();
        process.stdout.write(`${jobRows(jobs)}\n`);
        if (hasMore) process.stderr.write(out.paint('2', `More jobs than these ${jobs.length}: ftui jobs --all lists every one.\n`));
        return EXIT.ok;
      });
    });
  },
};

export const jobActionCommands: CommandModule = {
  register(program: Command) {
    for (const action of ['cancel', 'pause', 'resume'] as const) registerAction(program, action);
  },
};
