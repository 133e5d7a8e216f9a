import { Box, Text } from 'ink';
import { Waiting } from '../../components/Waiting.js';
import { cut } from '../../components/fitLine.js';
import type { JobsState } from '../../store/slices/jobs.js';
import { explainError } from '../explainError.js';
import { formatUtc } from './formatTime.js';
import { pendingLine } from './pendingLine.js';
import { modelWithShutdown, statusColor, statusLabel, trainingSettings, windDownApplies, windDownNotice } from './jobFacts.js';

const pad = (text: string, width: number) => cut(text, width).padEnd(width);

/** The job list, windowed to the rows it has, with the selected job's details under it. */
/** `models`: the base models the provider offers; OpenAI's wind-down is shown when it concerns them. */
export function JobList({ jobs, width, height, sandbox, models }: { jobs: JobsState; width: number; height: number; sandbox: boolean; models?: readonly string[] | undefined }) {
  const { list, cursor } = jobs;
  const inner = Math.max(20, width - 2);
  const selected = list.jobs[cursor];
  // title, wind-down line, column header, 3 detail rows, error/help row
  const listRows = Math.max(1, height - 7);
  const start = Math.max(0, Math.min(cursor - Math.floor(listRows / 2), list.jobs.length - listRows));
  const visible = list.jobs.slice(start, start + listRows);

  const idW = 16;
  const statusW = 16;
  const createdW = 17;
  const modelW = Math.max(10, inner - idW - statusW - createdW - 3);
  const more = list.hasMore ? ' — more on the server: L loads all' : '';
  const title = `${sandbox ? 'SANDBOX · ' : ''}Fine-tuning jobs: ${list.jobs.length}${more}${list.loading ? ' — loading…' : ''}`;

  // A question or a call on its way (c, p, r) is said here as in the monitor, never hidden.
  const footer: { text: string; color?: string } =
    jobs.pending !== null
      ? pendingLine(jobs.pending)
      : jobs.actionError !== null
        ? { text: explainError(jobs.actionError), color: 'red' }
        : list.error
          ? { text: explainError(list.error), color: 'red' }
          : { text: 'enter watch · n new job · R refresh · c cancel' };

  return (
    <Box flexDirection="column" paddingX={1} height={height} overflowY="hidden">
      <Text bold>{cut(title, inner)}</Text>
      <Text color="yellow">{windDownApplies(models) ? cut(windDownNotice(inner), inner) : ' '}</Text>
      <Text dimColor>{cut(`${pad('JOB', idW)} ${pad('STATUS', statusW)} ${pad('CREATED (UTC)', createdW)} MODEL`, inner)}</Text>
      <Box flexDirection="column" height={listRows}>
        {list.jobs.length === 0 ? (
          list.loading ? (
            <Waiting text="Loading jobs…" width={inner} />
          ) : (
            <Text dimColor>{cut(list.error ? ' ' : 'No jobs yet. Press n to create one from the open dataset.', inner)}</Text>
          )
        ) : (
          visible.map((job, i) => {
            const index = start + i;
            const mark = index === cursor ? '▸' : ' ';
            return (
              <Text key={job.id} inverse={index === cursor}>
                {pad(`${mark}${job.id}`, idW)} <Text color={statusColor(job)}>{pad(statusLabel(job), statusW)}</Text>{' '}
                {pad(formatUtc(job.createdAt), createdW)} {pad(job.fineTunedModel ?? job.model, modelW)}
              </Text>
            );
          })
        )}
      </Box>
      {selected === undefined ? (
        <Box height={3} />
      ) : (
        <Box flexDirection="column" height={3}>
          <Text>{cut(`Base model: ${modelWithShutdown(selected.model, jobs.models)}`, inner)}</Text>
          <Text>{cut(`Fine-tuned: ${selected.fineTunedModel === null ? '-' : modelWithShutdown(selected.fineTunedModel, jobs.models)}`, inner)}</Text>
          <Text color={selected.error ? 'red' : undefined}>
            {cut(selected.error ? `Error: ${selected.error.message}` : `${selected.rawStatus} · ${trainingSettings(selected)}`, inner)}
          </Text>
        </Box>
      )}
      <Text color={footer.color} dimColor={footer.color === undefined}>
        {cut(footer.text, inner)}
      </Text>
    </Box>
  );
}
