// From per-example results to one dataset report: dataset-level rules (too few examples,
// duplicates, overlap with the training file, mixed formats), findings grouped by code, figures,
// the notebook's own numbers, and cost. Aggregation only, so the screens rebuild it after every
// edit from cached per-example results.
import { makeFinding } from './findings.js';
import { TOOL_ESTIMATOR } from './rules/tools.js';
import { distribution, histogram, NumberColumn } from './stats.js';
import type { DatasetReport, ExampleResult, FileSummary, Finding, FindingCode, FindingGroup, ModelFacts, ReportOptions, Severity } from './types.js';

const MIN_EXAMPLES = 10;

/** The cookbook's default-epochs heuristic for n training examples. */
export function defaultEpochs(n: number): number {
  const target = 3;
  if (n <= 0) return target;
  if (n * target < 100) return Math.min(25, Math.floor(100 / n));
  if (n * target > 25_000) return Math.max(1, Math.floor(25_000 / n));
  return target;
}

export interface FileInfo {
  path: string | null;
  format: FileSummary['format'];
  bytes: number;
  /** The file could not be read at all; the report then only carries that finding. */
  unreadable?: boolean;
}

export interface BuilderOptions extends ReportOptions {
  /** 'validation' files are also checked for overlap with `trainingHashes`. */
  role?: 'training' | 'validation';
  /** Content hash -> first line in the training file. */
  trainingHashes?: ReadonlyMap<string, number>;
}

class GroupBuilder {
  count = 0;
  readonly lines: number[] = [];
  readonly examples: Finding[] = [];
  constructor(
    readonly code: FindingCode,
    readonly severity: Severity,
    readonly hint: string,
  ) {}
}

export class ReportBuilder {
  private readonly groups = new Map<FindingCode, GroupBuilder>();
  private readonly seen = new Map<string, number>();
  private readonly messages = new NumberColumn();
  private readonly billed = new NumberColumn();
  private readonly assistant = new NumberColumn();
  private readonly trained = new NumberColumn();
  private readonly cookbookTokens = new NumberColumn();
  private readonly cookbookAssistant = new NumberColumn();
  private lines = 0;
  private blankLines = 0;
  private examples = 0;
  private validExamples = 0;
  private withErrors = 0;
  private withWarnings = 0;
  private chat = 0;
  private preference = 0;
  private totalBilled = 0;
  private totalTrained = 0;
  private totalContext = 0;
  private toolTokens = 0;
  private toolDefinitionTokens = 0;
  private toolCallTokens = 0;
  private images = 0;
  private overLimit = 0;
  private missingSystem = 0;
  private missingUser = 0;
  private cookbookOverLimit = 0;
  private cookbookBilling = 0;
  private readonly maxFindings: number;
  private readonly maxLines: number;

  constructor(
    readonly model: ModelFacts,
    private readonly options: BuilderOptions = {},
  ) {
    this.maxFindings = options.maxFindingsPerCode ?? 20;
    this.maxLines = options.maxLinesPerCode ?? 1000;
  }

  /** Content hash -> first line, for checking a validation file against this one. */
  get hashes(): ReadonlyMap<string, number> {
    return this.seen;
  }

  addFinding(finding: Finding): void {
    let group = this.groups.get(finding.code);
    if (!group) {
      group = new GroupBuilder(finding.code, finding.severity, finding.hint);
      this.groups.set(finding.code, group);
    }
    group.count++;
    if (finding.line !== null && group.lines.length < this.maxLines && group.lines[group.lines.length - 1] !== finding.line) {
      group.lines.push(finding.line);
    }
    if (group.examples.length < this.maxFindings) group.examples.push(finding);
  }

  /** What the file itself carries (a BOM, CRLF line ends), said the same way for a file on disk and an open dataset. */
  addFileFormat(format: { bom: boolean; crlfLines: number; lines: number }, bytes: number | null = null): void {
    const rules = this.options.fileRules;
    // A service that asks for a BOM (Azure) gets one from the upload, which converts a copy; one
    // in the file is then what it wants, not a problem.
    if (format.bom && rules?.bom !== 'required') this.addFinding(makeFinding('file_bom', 1, null, 'The file starts with a UTF-8 byte order mark.'));
    if (rules?.maxBytes != null && bytes !== null && bytes > rules.maxBytes) {
      this.addFinding(makeFinding('file_too_large', null, null, `The file is ${(bytes / 1024 ** 2).toFixed(0)} MB; ${rules.source} takes at most ${(rules.maxBytes / 1024 ** 2).toFixed(0)} MB.`));
    }
    if (format.crlfLines > 0) {
      this.addFinding(makeFinding('crlf_line_endings', null, null, `${format.crlfLines} of ${format.lines} lines end in CRLF (\\r\\n).`));
    }
  }

  private firstFormat: string | null = null;

  /** Results must arrive in line order. */
  add(result: ExampleResult): void {
    this.lines++;
    if (result.kind === 'blank') {
      this.blankLines++;
      for (const f of result.findings) this.addFinding(f);
      return;
    }
    this.examples++;
    let worst = result.worst;
    for (const f of result.findings) this.addFinding(f);
    // A service that takes one format per file (Together) refuses the first line that differs.
    const format = result.figures?.dataFormat;
    if (format !== undefined) {
      if (this.firstFormat === null) this.firstFormat = format;
      else if (format !== this.firstFormat) {
        this.addFinding(makeFinding('together_mixed_formats', result.line, null, `This line is in the ${format} format; the file's first example is ${this.firstFormat}.`));
        worst = 'error';
      }
    }
    for (const f of this.datasetFindings(result)) {
      this.addFinding(f);
      if (f.severity === 'error') worst = 'error';
      else worst ??= 'warning';
    }
    if (worst === 'error') this.withErrors++;
    else if (worst === 'warning') this.withWarnings++;

    const figures = result.figures;
    if (!figures) return;
    if (worst !== 'error') this.validExamples++;
    if (figures.format === 'chat') this.chat++;
    else this.preference++;
    const limit = this.model.tokenLimit;
    this.messages.push(figures.messages);
    this.billed.push(figures.billedTokens);
    this.assistant.push(figures.assistantTokens);
    this.trained.push(figures.trainedTokens);
    this.cookbookTokens.push(figures.cookbookTokens);
    this.cookbookAssistant.push(figures.cookbookAssistantTokens);
    const billed = Math.min(limit, figures.billedTokens);
    this.totalBilled += billed;
    // Truncation cuts from the end, where the trained tokens usually are; keep the split honest.
    const trained = Math.min(figures.trainedTokens, billed);
    this.totalTrained += trained;
    this.totalContext += billed - trained;
    this.toolTokens += figures.estimatedToolTokens;
    this.toolDefinitionTokens += figures.toolDefinitionTokens;
    this.toolCallTokens += figures.toolCallTokens;
    this.images += figures.images;
    if (figures.billedTokens > limit) this.overLimit++;
    if (!figures.hasSystem) this.missingSystem++;
    if (!figures.hasUser) this.missingUser++;
    if (figures.cookbookTokens > limit) this.cookbookOverLimit++;
    this.cookbookBilling += Math.min(limit, figures.cookbookTokens);
  }

  private datasetFindings(result: ExampleResult): Finding[] {
    const found: Finding[] = [];
    const hash = result.contentHash;
    if (hash === null) return found;
    const first = this.seen.get(hash);
    if (first === undefined) this.seen.set(hash, result.line);
    else found.push(makeFinding('duplicate_example', result.line, null, `The example is an exact copy of line ${first}.`));
    const inTraining = this.options.trainingHashes?.get(hash);
    if (inTraining !== undefined) {
      found.push(makeFinding('validation_overlaps_training', result.line, null, `The example is also line ${inTraining} of the training file.`));
    }
    return found;
  }

  build(file: FileInfo): DatasetReport {
    const countable = this.billed.length;
    // Dataset-level findings go in their own groups, so build() can run again after more adds.
    const extra: Finding[] = [];
    if (file.unreadable) {
      // Nothing more to say about a file we could not read.
    } else if (this.examples === 0) {
      extra.push(makeFinding('empty_file', null, null, 'The dataset has no examples.'));
    } else if (this.examples < (this.model.minExamples ?? MIN_EXAMPLES)) {
      // The service checks a validation file like a training file when the job starts: a
      // smaller one fails the job after the upload and the wait.
      const what = this.options.role === 'validation' ? 'The validation file' : 'The dataset';
      extra.push(makeFinding('too_few_examples', null, null, `${what} has ${this.examples} example${this.examples === 1 ? '' : 's'}; fine-tuning needs at least ${this.model.minExamples ?? MIN_EXAMPLES}.`));
    }
    if (this.chat > 0 && this.preference > 0) {
      extra.push(makeFinding('mixed_formats', null, null, `The file mixes ${this.chat} chat and ${this.preference} preference (DPO) examples.`));
    }
    const findings = [...this.groups.values(), ...extra.map((f) => Object.assign(new GroupBuilder(f.code, f.severity, f.hint), { count: 1, examples: [f] }))].map(
      (g): FindingGroup => ({ code: g.code, severity: g.severity, count: g.count, hint: g.hint, lines: [...g.lines], examples: [...g.examples] }),
    );
    findings.sort((a, b) => (a.severity === b.severity ? b.count - a.count : a.severity === 'error' ? -1 : 1));
    let errors = 0;
    let warnings = 0;
    for (const g of findings) {
      if (g.severity === 'error') errors += g.count;
      else warnings += g.count;
    }

    const cookbookEpochs = defaultEpochs(countable);
    const epochs = this.options.epochs ?? this.model.defaultEpochs ?? cookbookEpochs;
    const billedTotal = this.totalBilled * epochs;
    const price = this.model.trainingPricePerMillion;
    return {
      schemaVersion: 1,
      model: this.model,
      file: {
        path: file.path,
        format: file.format,
        bytes: file.bytes,
        lines: this.lines,
        blankLines: this.blankLines,
        examples: this.examples,
        validExamples: this.validExamples,
        examplesWithErrors: this.withErrors,
        examplesWithWarnings: this.withWarnings,
        chatExamples: this.chat,
        preferenceExamples: this.preference,
      },
      errors,
      warnings,
      findings,
      figures: {
        messagesPerExample: distribution(this.messages.values()),
        billedTokensPerExample: distribution(this.billed.values()),
        assistantTokensPerExample: distribution(this.assistant.values()),
        trainedTokensPerExample: distribution(this.trained.values()),
        histogram: histogram(this.billed.values(), this.options.histogramBins ?? 10),
        totalBilledTokens: this.totalBilled,
        totalTrainedTokens: this.totalTrained,
        totalContextTokens: this.totalContext,
        estimatedToolTokens: this.toolTokens,
        estimatedToolDefinitionTokens: this.toolDefinitionTokens,
        estimatedToolCallTokens: this.toolCallTokens,
        toolEstimator: TOOL_ESTIMATOR,
        images: this.images,
        overTokenLimit: this.overLimit,
      },
      cookbook: {
        missingSystem: this.missingSystem,
        missingUser: this.missingUser,
        messagesPerExample: distribution(this.messages.values()),
        tokensPerExample: distribution(this.cookbookTokens.values()),
        assistantTokensPerExample: distribution(this.cookbookAssistant.values()),
        overTokenLimit: this.cookbookOverLimit,
        billingTokens: this.cookbookBilling,
        defaultEpochs: cookbookEpochs,
        chargedTokens: this.cookbookBilling * cookbookEpochs,
      },
      cost: {
        model: this.model.id,
        pricePerMillion: price,
        epochs,
        epochsSource: this.options.epochs === undefined ? 'default' : 'option',
        billedTokensPerEpoch: this.totalBilled,
        billedTokensTotal: billedTotal,
        usd: price === null ? null : (billedTotal / 1_000_000) * price,
        isEstimate: this.toolTokens > 0 || this.images > 0 || this.model.tokenEstimate !== undefined,
      },
    };
  }
}
