import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_MODEL, resolveModel, UnknownModelError, validateFiles } from '../core/validate/index.js';
import { DEFAULT_TOGETHER_MODEL } from '../core/openModels.js';
import { OFFLINE_PROVIDERS, OFFLINE_RULES, type OfflineProvider } from '../api/offlineRules.js';
import { writeJsonl } from '../core/validate/convert.js';
import type { CommandModule } from './types.js';
import { formatRun, jsonDocument } from './validateOutput.js';
import { createProgressBar } from './progressBar.js';
import { redact, redactDeep } from '../core/redact.js';

interface ValidateFlags {
  model?: string;
  provider: OfflineProvider;
  epochs?: number;
  validationFile?: string;
  json?: boolean;
  writeJsonl?: string;
  workers?: number;
}

const EXIT = { clean: 0, errors: 1, unreadable: 2 } as const;

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 50) throw new InvalidArgumentError('epochs must be a whole number from 1 to 50.');
  return n;
}

function workerCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new InvalidArgumentError('workers must be a whole number from 0 to 64.');
  return n;
}

function providerName(value: string): ValidateFlags['provider'] {
  if (!(OFFLINE_PROVIDERS as readonly string[]).includes(value)) throw new InvalidArgumentError(`provider must be one of ${OFFLINE_PROVIDERS.join(', ')}.`);
  return value as OfflineProvider;
}

async function run(file: string, flags: ValidateFlags): Promise<number> {
  // A service's rules come with its models: --provider picks its default base, and a model of
  // another service is refused rather than checked by the wrong rules.
  const rules = OFFLINE_RULES[flags.provider];
  const model = flags.model ?? rules.defaultModel;
  const facts = resolveModel(model);
  if (flags.provider !== 'openai' && (facts === undefined || !rules.models.includes(facts.id))) {
    process.stderr.write(redact(`ftui validate: ${model} is not a ${rules.label} base model ftui knows (${rules.models.join(', ')}).\n`));
    return EXIT.unreadable;
  }
  // Offline, a service's model list is ftui's own: say so where the service has a live one.
  if (rules.staticList) process.stderr.write(`${rules.label}'s base models and their facts from ftui's own table (offline); a connected ftui asks ${rules.label}.\n`);
  const progress = !flags.json && process.stderr.isTTY ? createProgressBar(process.stderr, file) : null;
  try {
    const run = await validateFiles(file, flags.validationFile ?? null, {
      model,
      ...(rules.fileRules && { fileRules: rules.fileRules }),
      ...(flags.epochs !== undefined && { epochs: flags.epochs }),
      ...(progress && { onProgress: progress.update }),
      ...(flags.workers !== undefined && { workers: flags.workers }),
      // Nothing else runs in this process while it reads (a progress bar on a terminal writes synchronously).
      blockingReads: true,
    });
    progress?.done();
    // Findings quote the dataset, which may hold a key someone pasted into it.
    if (flags.json) process.stdout.write(`${JSON.stringify(redactDeep(jsonDocument(run)), null, 2)}\n`);
    else process.stdout.write(redact(formatRun(run, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, width: process.stdout.columns ?? 100 })));
    if (flags.writeJsonl !== undefined && run.outcome !== 'unreadable') {
      let written: number | null;
      try {
        written = await writeJsonl(file, flags.writeJsonl);
      } catch (error) {
        process.stderr.write(redact(`ftui validate: nothing written to ${flags.writeJsonl}: ${error instanceof Error ? error.message : String(error)}\n`));
        return EXIT.unreadable;
      }
      process.stderr.write(written === null ? `${file} is already JSONL; nothing written.\n` : `Wrote ${written} examples as JSONL to ${flags.writeJsonl}\n`);
    }
    return EXIT[run.outcome];
  } catch (error) {
    progress?.done();
    if (error instanceof UnknownModelError) {
      process.stderr.write(redact(`ftui validate: ${error.message}\n`));
      return EXIT.unreadable;
    }
    throw error;
  }
}

export const validateCommand: CommandModule = {
  register(program: Command) {
    program
      .command('validate')
      .description('Check a fine-tuning dataset the way the API will: findings by line and field, exact token counts and cost. Exit 0 clean, 1 errors, 2 unreadable input.')
      .argument('<file>', 'training data (JSONL)')
      .option('-m, --model <model>', `base model whose tokenizer, limits and price to use (default ${DEFAULT_MODEL}, or ${DEFAULT_TOGETHER_MODEL} with --provider together, ${OFFLINE_RULES.nebius.defaultModel} with --provider nebius)`)
      .option(
        '--provider <name>',
        "whose rules to apply: openai; together (Together AI's formats and checks, its open models); nebius (Nebius Token Factory's open models, counted as estimates, no price); azure (OpenAI's models with Azure's file rules: UTF-8 with a BOM, at most 512 MB)",
        providerName,
        'openai' as const,
      )
      .option('-e, --epochs <n>', 'epochs for the cost estimate (default: the API\'s heuristic for this many examples)', positiveInteger)
      .option('--validation-file <file>', 'validation data, also checked for examples shared with the training file')
      .option('--json', 'print one JSON document (see README) instead of the human summary')
      .option('--write-jsonl <out>', 'when FILE is a JSON array or document, also write it as JSONL to OUT')
      .option('--workers <n>', 'worker threads beside the main one (default: for a file over 32 MiB, one per core that stays idle while ftui starts on it; 0 for none)', workerCount)
      .action(async (file: string, flags: ValidateFlags) => {
        process.exitCode = await run(file, flags);
      });
  },
};
