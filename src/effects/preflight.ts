// What is checked before a job is confirmed, for the Jobs screen and `ftui train`: the
// training and validation files the way the API will take them (errors it would reject,
// including the validation file's own minimum and its overlap with training), the cost in the
// model's exact tokens, and the warnings worth repeating at the confirmation.
import { validateFiles, UnknownModelError, DEFAULT_MODEL, type DatasetReport } from '../core/validate/index.js';
import { resolveModel } from '../core/models.js';
import type { CostEstimate } from '../core/costWords.js';

export interface FileProblems {
  file: 'training' | 'validation';
  path: string;
  errors: number;
  /** The codes the API would reject, most frequent first, with counts. */
  codes: { code: string; count: number }[];
}

export interface Preflight {
  estimate: CostEstimate | null;
  /** Why there is no estimate. */
  note: string | null;
  /** Files with errors the API would reject: the job is refused unless the user overrides. */
  problems: FileProblems[];
  /** Worth repeating at the confirmation: overlap with training, the model's shutdown, warnings. */
  warnings: string[];
}

function problemsOf(report: DatasetReport, file: 'training' | 'validation', path: string): FileProblems | null {
  if (report.errors === 0) return null;
  const codes = report.findings.filter((g) => g.severity === 'error').map((g) => ({ code: g.code, count: g.count }));
  return { file, path, errors: report.errors, codes };
}

/** "3 errors the API will reject: missing_content ×2, too_few_examples". */
export function describeProblems(p: FileProblems): string {
  const codes = p.codes.slice(0, 4).map((c) => (c.count > 1 ? `${c.code} ×${c.count}` : c.code));
  return `The ${p.file} file ${p.path} has ${p.errors} error${p.errors === 1 ? '' : 's'} the API will reject (${codes.join(', ')}${p.codes.length > 4 ? ', …' : ''}).`;
}

export interface PreflightOptions {
  /**
   * USD per million training tokens set for this model in the profile (capabilities.trainingPrices):
   * used where ftui has no price, and over ftui's own where both exist.
   */
  pricePerMillion?: number | null;
}

export async function preflight(
  trainingPath: string,
  validationPath: string | null,
  model: string,
  epochs: number | null,
  options: PreflightOptions = {},
  today = new Date().toISOString().slice(0, 10),
): Promise<Preflight> {
  const known = resolveModel(model) !== undefined;
  // A model ftui has no data for (another provider's) is still checked with the chat rules and
  // counted in the default model's encoding, labelled as an estimate; it has no price of ftui's.
  let run;
  try {
    run = await validateFiles(trainingPath, validationPath, { model: known ? model : DEFAULT_MODEL, ...(epochs === null ? {} : { epochs }) });
  } catch (error) {
    if (error instanceof UnknownModelError) run = await validateFiles(trainingPath, validationPath, { model: DEFAULT_MODEL });
    else throw error;
  }
  const problems = [problemsOf(run.training, 'training', trainingPath), run.validation ? problemsOf(run.validation, 'validation', validationPath!) : null].filter(
    (p): p is FileProblems => p !== null,
  );
  const warnings: string[] = [];
  const overlap = run.validation?.findings.find((g) => g.code === 'validation_overlaps_training');
  if (overlap) warnings.push(`${overlap.count} validation example${overlap.count === 1 ? ' is' : 's are'} also in the training file: validation loss will look better than it is.`);
  const shutdown = known ? run.training.model.shutdownDate : null;
  if (shutdown) {
    warnings.push(shutdown <= today ? `${run.training.model.id} was shut down on ${shutdown}.` : `${run.training.model.id} and its fine-tunes shut down on ${shutdown}.`);
  }
  const cost = run.training.cost;
  if (run.training.figures.totalBilledTokens === 0) return { estimate: null, note: 'No cost estimate: the file has no examples ftui can count.', problems, warnings };
  const configured = options.pricePerMillion ?? null;
  const price = configured ?? (known ? run.training.model.trainingPricePerMillion : null);
  const total = cost.billedTokensTotal;
  const tokenNote = known ? (run.training.model.tokenEstimate ?? null) : `counted in ${run.training.model.encoding}, as ftui does not know ${model}'s tokenizer`;
  const estimate: CostEstimate = {
    usd: price === null ? null : (total / 1_000_000) * price,
    epochs: cost.epochs,
    billedTokens: cost.billedTokensPerEpoch,
    isEstimate: cost.isEstimate || !known,
    pricePerMillion: price,
    priceSource: configured !== null ? 'profile' : price !== null ? 'ftui' : null,
    totalTokens: total,
    validationTokens: run.validation?.figures.totalBilledTokens ?? null,
    tokenNote,
  };
  return { estimate, note: null, problems, warnings };
}
