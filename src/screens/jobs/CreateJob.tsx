import { Box, Text } from 'ink';
import { TextFieldView } from '../../components/TextFieldView.js';
import { Waiting } from '../../components/Waiting.js';
import type { TextField } from '../../store/slices/textField.js';
import { cut } from '../../components/fitLine.js';
import { describeRange, parseForm, settingsSummary, shownValue, type FormFieldSpec } from '../../core/jobForm.js';
import { visibleFields, type JobsState } from '../../store/slices/jobs.js';
import { costLines, priceUnknown } from '../../core/costWords.js';
import { money } from '../../core/money.js';
import { explainError } from '../explainError.js';
import { wrapText } from '../validate/wrapText.js';
import { modelWithShutdown, windDownApplies, windDownNotice } from './jobFacts.js';

/** Refusals whose general explanation says what to do about the account, not about retrying. */
const ACCOUNT_PROBLEMS = new Set(['auth', 'permission', 'not_eligible']);

const LABEL_WIDTH = 16;

function bar(sent: number, total: number, width: number): string {
  const share = total > 0 ? Math.min(1, sent / total) : 0;
  const filled = Math.round(share * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${Math.round(share * 100)}%`;
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** A row of the screen; `waiting` draws a spinner before it, `field` the text field being typed in after its text. */
type Line = { text: string; color?: string; dim?: boolean; bold?: boolean; waiting?: boolean; field?: TextField };

/** A field's row: chosen values between ‹ ›, typed ones as text, an empty one as what it means. */
function fieldValue(spec: FormFieldSpec, raw: string, jobs: JobsState): { text: string; dim: boolean } {
  if (spec.name === 'model') return { text: `‹ ${modelWithShutdown(raw, jobs.models)} ›`, dim: false };
  if (spec.kind === 'enum' || spec.kind === 'bool') return { text: `‹ ${shownValue(spec, raw).text} ›`, dim: false };
  return shownValue(spec, raw);
}

/** What the confirmation lists: the files, the model, and every setting that will be sent. */
function summaryLines(jobs: JobsState, datasetPath: string | null, width: number): Line[] {
  const parsed = parseForm(jobs.create.fields, jobs.create.form);
  if (!parsed.ok) return [];
  const v = parsed.values;
  const training = typeof v.trainingFile === 'string' ? v.trainingFile : `${datasetPath ?? '?'} (the open dataset)`;
  const lines: Line[] = [
    { text: `${'Training file'.padEnd(LABEL_WIDTH)}${training}` },
    { text: `${'Validation file'.padEnd(LABEL_WIDTH)}${typeof v.validationFile === 'string' ? v.validationFile : '(none)'}` },
    { text: `${'Base model'.padEnd(LABEL_WIDTH)}${modelWithShutdown(String(v.model ?? ''), jobs.models)}` },
  ];
  const settings = settingsSummary(jobs.create.fields, v, ['model', 'trainingFile', 'validationFile']);
  if (settings.length > 0) {
    wrapText(settings.join(' · '), width - LABEL_WIDTH, 4).forEach((row, i) => lines.push({ text: `${(i === 0 ? 'Settings' : '').padEnd(LABEL_WIDTH)}${row}` }));
  }
  return lines;
}

/** The create form, then the confirmation with the cost, then upload progress. */
export function CreateJob({
  jobs,
  jobCutoffNotice = true,
  serviceLabel = 'the service',
  datasetPath,
  datasetDirty,
  width,
  height,
}: {
  jobs: JobsState;
  /** false where the service keeps training after OpenAI's cut-off (capabilities.jobCutoffNotice). */
  jobCutoffNotice?: boolean;
  /** The provider's short name, for what is said about its price. */
  serviceLabel?: string;
  datasetPath: string | null;
  /** The open dataset has unsaved edits: the file on disk, not the editor, is what gets uploaded. */
  datasetDirty: boolean;
  width: number;
  height: number;
}) {
  const inner = Math.max(20, width - 2);
  const { form, field, editing, phase } = jobs.create;
  const fields = visibleFields(jobs.create);
  const current = fields[field];

  let status: Line[] = [];
  switch (phase.kind) {
    case 'form':
      status = [
        jobs.create.formError ? { text: jobs.create.formError, color: 'red' } : { text: 's review the cost and create · enter edit field · ←/→ choose · esc back', dim: true },
      ];
      break;
    case 'unsaved':
      status = [
        { text: 'The dataset has edits that are not saved yet. The job must train on what you see, so they are saved first.', color: 'yellow' },
        { text: 'y save and go on to the cost · esc back to the form', color: 'yellow' },
      ];
      break;
    case 'saving':
      status = [{ text: 'Saving the dataset…', color: 'yellow', waiting: true }];
      break;
    case 'estimating':
      status = [{ text: 'Checking the files and the cost… (esc back to the form)', color: 'yellow', waiting: true }];
      break;
    case 'confirm': {
      const model = String(jobs.create.form.model ?? '');
      const [cost = '', ...costMore] = costLines(phase.estimate, phase.note, serviceLabel, model);
      const unknownPrice = priceUnknown(phase.estimate);
      const refused = phase.problems.length > 0;
      const price = phase.providerPrice;
      const billed =
        price === undefined
          ? []
          : price !== null && price.usd !== null
            ? [{ text: `The provider's price for these files (what bills): ${money(price.usd)}${price.trainTokens !== null ? ` for ${price.trainTokens.toLocaleString('en-US')} training tokens` : ''}${price.allowed ? '' : ' — over your account limit'}`, color: price.allowed ? 'green' : 'red' }]
            : [{ text: `No price from the provider: ${price?.unavailable ?? phase.providerNote ?? 'it did not say'}`, color: 'yellow' }];
      status = [
        { text: price === undefined ? cost : `ftui: ${cost}`, color: phase.estimate && !unknownPrice ? 'green' : 'yellow' },
        ...costMore.map((text) => ({ text, color: 'yellow' })),
        ...billed,
        ...phase.warnings.map((w) => ({ text: `Warning: ${w}`, color: 'yellow' })),
        ...phase.problems.map((p) => ({ text: p, color: 'red' })),
        refused
          ? { text: 'Fix them first (2 Validate lists each one), or F create anyway (the service will likely fail the job on them) · esc back', color: 'red' }
          : unknownPrice
            ? { text: `Create this job at a price ftui does not know (${serviceLabel} bills it)? y upload and create · esc back to the form`, color: 'yellow' }
            : { text: 'Create this job? y upload and create · esc back to the form', color: 'yellow' },
      ];
      break;
    }
    case 'uploading':
      status = [
        phase.reused !== null
          ? { text: `The ${phase.file} file is already on the service (${phase.reused}): nothing to send.`, color: 'green' }
          : { text: `Uploading the ${phase.file} file: ${bar(phase.sent, phase.total, 24)} (${mb(phase.sent)} of ${mb(phase.total)})`, color: 'yellow', waiting: true },
      ];
      break;
    case 'creating':
      status = [
        phase.checking
          ? { text: "The service's answer was lost; looking for the job by its request id before anything else…", color: 'yellow', waiting: true }
          : { text: 'Creating the job…', color: 'yellow', waiting: true },
      ];
      break;
    case 'failed':
      status = [
        // The create flow's messages are final (they say whether a job exists); the generic
        // explanations would add "try again", which is wrong after an unknown outcome.
        { text: ACCOUNT_PROBLEMS.has(phase.error.kind) ? explainError(phase.error) : phase.error.message, color: 'red' },
        { text: 'esc back to the form (nothing you typed is lost)', dim: true },
      ];
      break;
  }
  // A message about money or a lost answer is read in full, so it wraps instead of being cut.
  const statusRows = status.flatMap((s) => wrapText(s.text, inner - (s.waiting ? 2 : 0), 4).map((row, k) => ({ ...s, text: row, waiting: s.waiting === true && k === 0 })));

  const top: Line[] = [
    { text: `New fine-tuning job from ${datasetPath ?? '(no dataset open)'}`, bold: true },
    { text: jobCutoffNotice && windDownApplies(jobs.create.fields.find((f) => f.name === 'model')?.choices) ? windDownNotice(inner) : ' ', color: 'yellow' },
    { text: ' ' },
  ];
  let body: Line[];
  if (phase.kind === 'form') {
    // The fields, windowed around the cursor when the terminal is short, and the help of the
    // one under the cursor.
    const room = Math.max(1, height - top.length - 2 - statusRows.length);
    const start = Math.max(0, Math.min(field - Math.floor(room / 2), fields.length - room));
    body = fields.slice(start, start + room).map((spec, i): Line => {
      const selected = start + i === field;
      const label = `${selected ? '▸' : ' '} ${spec.label.padEnd(LABEL_WIDTH)}`;
      const raw = form[spec.name] ?? '';
      if (selected && editing) {
        return jobs.create.input ? { text: label, bold: true, field: jobs.create.input } : { text: `${label}${raw}`, bold: true };
      }
      const value = fieldValue(spec, raw, jobs);
      return { text: `${label}${value.text}`, bold: selected, dim: value.dim && !selected };
    });
    const chosenHelp = current?.choiceHelp?.[form[current.name] ?? ''];
    body.push({ text: current ? (chosenHelp ?? `${current.help} (${describeRange(current)})`) : ' ', dim: true });
  } else {
    body = summaryLines(jobs, datasetPath, inner);
  }
  const lines = [...top, ...body, { text: ' ' }, ...statusRows];
  return (
    <Box flexDirection="column" paddingX={1} height={height} overflowY="hidden">
      {lines.map((line, i) =>
        line.field ? (
          <Box key={i}>
            <Text bold={line.bold}>{line.text}</Text>
            <TextFieldView field={line.field} width={Math.max(2, inner - line.text.length)} />
          </Box>
        ) : line.waiting ? (
          <Waiting key={i} text={line.text} width={inner} color={line.color} />
        ) : (
          <Text key={i} color={line.color} bold={line.bold} dimColor={line.dim}>
            {cut(line.text, inner)}
          </Text>
        ),
      )}
    </Box>
  );
}
