// `ftui train FILE --model M …`: the Jobs screen's launch from a script. Validates first (a
// file the API would reject is refused, exit 1, unless --force), prints the cost, asks on a
// terminal unless --yes, uploads (reusing an identical file already on the service), creates the
// job exactly once, and prints its id (--json: the job). --watch then follows it.
import { InvalidArgumentError, type Command } from 'commander';
import { defaultValues, parseForm, settingsSummary, type FormFieldSpec } from '../core/jobForm.js';
import { UploadRecords } from '../core/uploadRecords.js';
import { CreateJobError } from '../effects/createJobOnce.js';
import { launchJob } from '../effects/launchJob.js';
import { describeProblems, preflight } from '../effects/preflight.js';
import { costLines, priceUnknown } from '../core/costWords.js';
import { setServiceModelFacts } from '../core/models.js';
import { createProgressBar } from './progressBar.js';
import { CommandError, confirm, connect, EXIT, outputFor, runCommand, withConnectionOptions, type ConnectionFlags } from './connection.js';
import type { CommandModule } from './types.js';
import { scheduleFor, watchJob, withIntervalOption } from './watch.js';
import { redact } from '../core/redact.js';

interface TrainFlags extends ConnectionFlags {
  model?: string;
  validationFile?: string;
  epochs?: string;
  batchSize?: string;
  lrMultiplier?: string;
  method?: string;
  beta?: string;
  suffix?: string;
  seed?: string;
  metadata?: string;
  set: string[];
  clientId?: string;
  yes?: boolean;
  acceptUnknownPrice?: boolean;
  force?: boolean;
  watch?: boolean;
  interval?: number;
}

/** The flags the issue names, to the provider's form fields they fill. */
const FLAG_FIELDS: [keyof TrainFlags, string][] = [
  ['model', 'model'],
  ['method', 'method'],
  ['validationFile', 'validationFile'],
  ['suffix', 'suffix'],
  ['epochs', 'epochs'],
  ['batchSize', 'batchSize'],
  ['lrMultiplier', 'learningRateMultiplier'],
  ['beta', 'beta'],
  ['seed', 'seed'],
  ['metadata', 'metadata'],
];

function collect(value: string, previous: string[]): string[] {
  if (!/^[A-Za-z][\w.-]*=/.test(value)) throw new InvalidArgumentError('use NAME=VALUE, e.g. --set wandbProject=my-runs');
  return [...previous, value];
}

/** The form values the flags give, checked by the provider's own field list. */
export function formFromFlags(fields: readonly FormFieldSpec[], file: string, flags: TrainFlags): Record<string, string> {
  const values = defaultValues(fields);
  const byName = new Map(fields.map((f) => [f.name, f]));
  const put = (name: string, value: string, flag: string) => {
    if (!byName.has(name)) {
      throw new CommandError(`${flag}: this provider has no such setting. Its settings: ${fields.map((f) => f.name).join(', ')}.`, EXIT.usage);
    }
    values[name] = value;
  };
  if (byName.has('trainingFile')) values.trainingFile = file;
  for (const [flag, name] of FLAG_FIELDS) {
    const value = flags[flag];
    if (typeof value === 'string') put(name, value, `--${String(flag).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
  }
  for (const pair of flags.set) {
    const eq = pair.indexOf('=');
    put(pair.slice(0, eq), pair.slice(eq + 1), `--set ${pair.slice(0, eq)}`);
  }
  return values;
}

async function train(file: string, flags: TrainFlags): Promise<number> {
  const { provider, providerKey } = await connect(flags);
  // Where the service lists its models and their limits, the form is the chosen model's (its
  // ranges and defaults) and the cost counts with what it says; otherwise the provider's own.
  const catalog = provider.catalog && flags.model !== undefined ? provider.catalog : null;
  const fields = catalog ? await catalog.fields(flags.model!).catch(() => provider.capabilities.createFields) : provider.capabilities.createFields;
  const info = catalog ? await catalog.info(flags.model!).catch(() => null) : null;
  if (info?.facts) setServiceModelFacts([info.facts]);
  if (flags.model === undefined && fields.some((f) => f.name === 'model' && f.required)) {
    throw new CommandError('--model is required: the base model to fine-tune (e.g. --model gpt-4.1-mini-2025-04-14).', EXIT.usage);
  }
  const form = formFromFlags(fields, file, flags);
  const parsed = parseForm(fields, form);
  if (!parsed.ok) throw new CommandError(parsed.problems.map((p) => p.message).join(' '), EXIT.usage);
  const values = parsed.values;
  const validationPath = typeof values.validationFile === 'string' ? values.validationFile : null;
  const model = String(values.model ?? '');
  const out = outputFor();
  // Everything but the result goes to stderr, so `--json` leaves stdout one document.
  // Findings quote the dataset and errors the service: neither may print a key.
  const say = (text: string) => process.stderr.write(redact(`${text}\n`));

  const check = await preflight(file, validationPath, model, typeof values.epochs === 'number' ? values.epochs : null, { pricePerMillion: provider.capabilities.trainingPrices?.[model] ?? null });
  say(`Training file   ${file}`);
  if (validationPath !== null) say(`Validation file ${validationPath}`);
  say(`Base model      ${model}`);
  const settings = settingsSummary(fields, values, ['model', 'trainingFile', 'validationFile']);
  if (settings.length > 0) say(`Settings        ${settings.join(' · ')}`);
  for (const w of check.warnings) say(out.paint('33', `Warning: ${w}`));
  for (const p of check.problems) say(out.paint('31', describeProblems(p)));
  if (check.problems.length > 0) {
    if (!flags.force) {
      say(`Nothing was uploaded. Fix the file (ftui validate ${file}${validationPath ? ` --validation-file ${validationPath}` : ''} lists every finding), or pass --force to send it anyway.`);
      return EXIT.failed;
    }
    say(out.paint('31', 'Sending it anyway (--force): the service will probably fail the job on these errors.'));
  }
  const unknownPrice = priceUnknown(check.estimate);
  costLines(check.estimate, check.note, provider.capabilities.label, model).forEach((line, i) => say(i > 0 || unknownPrice ? out.paint('33', line) : line));
  // A price ftui does not know is confirmed on purpose: --yes alone is not enough to spend it.
  if (unknownPrice && flags.yes && !flags.acceptUnknownPrice && !process.stdin.isTTY) {
    say(`Nothing was created: ftui does not know what this job costs. Add the price to the profile, or pass --accept-unknown-price with --yes to create it at ${provider.capabilities.label}'s price.`);
    return EXIT.usage;
  }
  const question = unknownPrice ? `Create this job at a price ftui does not know (${provider.capabilities.label} bills it)?` : 'Create this job?';
  if (!(flags.yes && (!unknownPrice || flags.acceptUnknownPrice)) && !(await confirm(question))) {
    say('Nothing was created.');
    return EXIT.failed;
  }

  const progress = out.interactive && process.stderr.isTTY ? createProgressBar(process.stderr, 'uploading') : null;
  let result;
  try {
    result = await launchJob(
      provider,
      { values, trainingPath: file, validationPath, clientId: flags.clientId ?? null },
      {
        providerKey,
        records: UploadRecords.forEnv(),
        onUpload: (which, sent, total, reused) => {
          if (reused !== null) say(`The ${which} file is already on the service (${reused}): not uploaded again.`);
          else progress?.update(sent, total);
        },
        onCreating: (checking) => {
          progress?.done();
          if (checking) say("The create's answer was lost; looking for the job by its request id…");
        },
        createOptions: { retryHint: (id) => `Running the same command with --client-id ${id} looks once more before creating.` },
      },
    );
  } catch (error) {
    progress?.done();
    if (error instanceof CreateJobError) throw new CommandError(error.message, error.info.kind === 'auth' || error.info.kind === 'permission' || error.info.kind === 'not_eligible' || error.info.kind === 'network' ? EXIT.usage : EXIT.failed);
    throw error;
  }
  // Files not sent again were reported as they were checked; a job found by its id is news.
  if (result.adopted) say(result.adopted);
  process.stdout.write(flags.json && !flags.watch ? `${JSON.stringify(result.job, null, 2)}\n` : flags.json ? '' : `${result.job.id}\n`);
  if (flags.watch) return watchJob(provider, result.job.id, { json: Boolean(flags.json), schedule: scheduleFor(flags.interval) });
  return EXIT.ok;
}

export const trainCommand: CommandModule = {
  register(program: Command) {
    const command = withConnectionOptions(
      program
        .command('train')
        .description(
          'Validate FILE, show the cost, upload it (once) and create a fine-tuning job exactly once. Exit 0 created (with --watch: succeeded), 1 data or job failed, 2 usage or connection.',
        )
        .argument('<file>', 'training data (JSONL)')
        .option('-m, --model <model>', 'base model')
        .option('--validation-file <file>', 'validation data (JSONL)')
        .option('-e, --epochs <n>', "epochs, or 'auto'")
        .option('--batch-size <n>', "batch size, or 'auto'")
        .option('--lr-multiplier <x>', "learning-rate multiplier, or 'auto'")
        .option('--method <method>', 'supervised or dpo')
        .option('--beta <x>', "DPO beta, or 'auto'")
        .option('--suffix <s>', "added to the fine-tuned model's name")
        .option('--seed <n>', 'seed for a reproducible job')
        .option('--metadata <pairs>', 'key=value labels for the job, comma-separated')
        .option('--set <name=value>', "any other setting the provider's form has (e.g. wandbProject=runs); repeatable", collect, [])
        .option('--client-id <id>', 'the request id of an earlier run whose create was not confirmed: looked up before creating')
        .option('-y, --yes', 'do not ask before creating (needed when not on a terminal)')
        .option('--accept-unknown-price', "with --yes: create even though ftui knows no price for the model (it shows the tokens billed instead)")
        .option('--force', 'send a file with errors the API will reject')
        .option('--watch', 'then follow the job like ftui watch'),
    );
    withIntervalOption(command).action(async (file: string, _flags: TrainFlags, command: Command) => {
      await runCommand('train', () => train(file, command.optsWithGlobals<TrainFlags>()));
    });
  },
};
