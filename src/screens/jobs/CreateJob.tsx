import { Box, Text } from 'ink';
import { cut } from '../../components/fitLine.js';
import { CREATE_FIELDS, type CreateField, type JobsState } from '../../store/slices/jobs.js';
import { explainError } from '../explainError.js';
import { wrapText } from '../validate/wrapText.js';
import { modelWithShutdown, windDownNotice } from './jobFacts.js';

const LABELS: Record<CreateField, string> = {
  model: 'Base model',
  method: 'Method',
  suffix: 'Suffix',
  epochs: 'Epochs',
  seed: 'Seed',
  validationFile: 'Validation file',
};

const PLACEHOLDERS: Record<CreateField, string> = {
  model: '',
  method: '',
  suffix: '(none)',
  epochs: 'auto',
  seed: 'random',
  validationFile: '(none)',
};

/** Refusals whose general explanation says what to do about the account, not about retrying. */
const ACCOUNT_PROBLEMS = new Set(['auth', 'permission', 'not_eligible']);

export const CHOICE_FIELDS: readonly CreateField[] = ['model', 'method'];

function bar(sent: number, total: number, width: number): string {
  const share = total > 0 ? Math.min(1, sent / total) : 0;
  const filled = Math.round(share * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${Math.round(share * 100)}%`;
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** The create form, then the confirmation with the cost, then upload progress. */
export function CreateJob({
  jobs,
  datasetPath,
  datasetDirty,
  dpo,
  width,
  height,
}: {
  jobs: JobsState;
  datasetPath: string | null;
  /** The open dataset has unsaved edits: the file on disk, not the editor, is what gets uploaded. */
  datasetDirty: boolean;
  dpo: boolean;
  width: number;
  height: number;
}) {
  const inner = Math.max(20, width - 2);
  const { form, field, editing, phase } = jobs.create;
  const fields = CREATE_FIELDS.filter((f) => f !== 'method' || dpo);
  const current = CREATE_FIELDS[field];

  const valueOf = (f: CreateField): string => {
    if (f === 'model') return `‹ ${modelWithShutdown(form.model, jobs.models)} ›`;
    if (f === 'method') return `‹ ${form.method} ›`;
    return form[f];
  };

  let status: { text: string; color?: string }[] = [];
  switch (phase.kind) {
    case 'form':
      status = [
        jobs.create.formError ? { text: jobs.create.formError, color: 'red' } : { text: 's review the cost and create · enter edit field · ←/→ choose · esc back' },
      ];
      break;
    case 'estimating':
      status = [{ text: 'Validating the dataset for a cost estimate… (esc back to the form)', color: 'yellow' }];
      break;
    case 'confirm': {
      const cost = phase.estimate
        ? `Estimated cost: ${phase.estimate.isEstimate ? '~' : ''}$${phase.estimate.usd.toFixed(phase.estimate.usd < 1 ? 3 : 2)} (${phase.estimate.epochs} epochs × ${phase.estimate.billedTokens.toLocaleString('en-US')} tokens)`
        : (phase.note ?? 'No cost estimate.');
      status = [
        { text: cost, color: phase.estimate ? 'green' : 'yellow' },
        ...(datasetDirty ? [{ text: 'The dataset has unsaved edits: the file as last saved is what gets uploaded.', color: 'red' }] : []),
        { text: 'Create this job? y upload and create · esc back to the form', color: 'yellow' },
      ];
      break;
    }
    case 'uploading':
      status = [
        { text: `Uploading the ${phase.file} file: ${bar(phase.sent, phase.total, 24)} (${mb(phase.sent)} of ${mb(phase.total)})`, color: 'yellow' },
      ];
      break;
    case 'creating':
      status = [
        phase.checking
          ? { text: "The service's answer was lost; looking for the job by its request id before anything else…", color: 'yellow' }
          : { text: 'Creating the job…', color: 'yellow' },
      ];
      break;
    case 'failed':
      status = [
        // The create flow's messages are final (they say whether a job exists); the generic
        // explanations would add "try again", which is wrong after an unknown outcome.
        { text: ACCOUNT_PROBLEMS.has(phase.error.kind) ? explainError(phase.error) : phase.error.message, color: 'red' },
        { text: 'esc back to the form (nothing you typed is lost)' },
      ];
      break;
  }

  return (
    <Box flexDirection="column" paddingX={1} height={height} overflowY="hidden">
      <Text bold>{cut(`New fine-tuning job from ${datasetPath ?? '(no dataset open)'}`, inner)}</Text>
      <Text color="yellow">{cut(windDownNotice(inner), inner)}</Text>
      <Text> </Text>
      {fields.map((f) => {
        const selected = f === current;
        const label = `${selected ? '▸' : ' '} ${LABELS[f].padEnd(16)}`;
        if (selected && editing && !CHOICE_FIELDS.includes(f)) {
          return (
            <Text key={f} bold>
              {label}
              <Text>{cut(`${form[f]}▍`, Math.max(1, inner - label.length))}</Text>
            </Text>
          );
        }
        const value = valueOf(f);
        return (
          <Text key={f} bold={selected}>
            {label}
            <Text dimColor={value === ''}>{cut(value || PLACEHOLDERS[f], Math.max(1, inner - label.length))}</Text>
          </Text>
        );
      })}
      <Text> </Text>
      {status.flatMap((s, i) =>
        // A message about money or a lost answer is read in full, so it wraps instead of being cut.
        wrapText(s.text, inner, 4).map((row, j) => (
          <Text key={`${i}-${j}`} color={s.color} dimColor={s.color === undefined}>
            {row}
          </Text>
        )),
      )}
    </Box>
  );
}
