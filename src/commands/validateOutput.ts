// What `ftui validate` prints: the stable --json document, or a summary a person reads top to
// bottom (result, findings by code with their first lines, figures, cost, the notebook's numbers).
import type { DatasetReport, Distribution, FindingGroup, ValidationRun } from '../core/validate/index.js';
import { money, perMillion } from '../core/money.js';
import { lazyNumberFormat } from '../core/numberFormat.js';
import { count as plural } from '../core/plural.js';

export interface JsonDocument extends ValidationRun {
  /** Bumped only on incompatible changes; described in README. */
  schemaVersion: 1;
}

export function jsonDocument(run: ValidationRun): JsonDocument {
  return { schemaVersion: 1, outcome: run.outcome, training: run.training, validation: run.validation };
}

interface Style {
  color: boolean;
  width: number;
}

const integer = lazyNumberFormat({ maximumFractionDigits: 0 });
const oneDecimal = lazyNumberFormat({ maximumFractionDigits: 1 });

function paint(style: Style, code: string, text: string): string {
  return style.color ? `\u001B[${code}m${text}\u001B[0m` : text;
}

function megabytes(bytes: number): string {
  return bytes < 1_000_000 ? `${oneDecimal.format(bytes / 1000)} kB` : `${oneDecimal.format(bytes / 1_000_000)} MB`;
}

function lineList(group: FindingGroup, max = 8): string {
  if (group.lines.length === 0) return '';
  const shown = group.lines.slice(0, max).join(', ');
  return group.count > max ? `lines ${shown}, …` : `line${group.lines.length > 1 ? 's' : ''} ${shown}`;
}

function findingsSection(report: DatasetReport, style: Style): string[] {
  if (report.findings.length === 0) return [];
  const out = ['', paint(style, '1', 'Findings')];
  const codeWidth = Math.max(...report.findings.map((g) => g.code.length));
  for (const group of report.findings) {
    const severity = group.severity === 'error' ? paint(style, '31', 'error  ') : paint(style, '33', 'warning');
    out.push(`  ${severity}  ${group.code.padEnd(codeWidth)}  ${String(group.count).padStart(6)}  ${lineList(group)}`);
    const first = group.examples[0];
    if (first) {
      const where = [first.line !== null ? `line ${first.line}` : null, first.column !== undefined ? `column ${first.column}` : null, first.path]
        .filter(Boolean)
        .join(', ');
      out.push(`           ${where ? `${where}: ` : ''}${first.message}`);
    }
    out.push(`           ${paint(style, '2', `fix: ${group.hint}`)}`);
  }
  return out;
}

function distributionRow(label: string, d: Distribution | null): string {
  if (!d) return `  ${label.padEnd(24)} —`;
  const cells = [d.min, d.median, d.mean, d.p5, d.p95, d.max].map((v) => oneDecimal.format(v).padStart(9));
  return `  ${label.padEnd(24)}${cells.join('')}`;
}

function figuresSection(report: DatasetReport, style: Style): string[] {
  const f = report.figures;
  if (!f.billedTokensPerExample) return [];
  const out = ['', paint(style, '1', `Figures (tokens in ${report.model.encoding})`)];
  // ftui does not hold this model's tokenizer: the counts stand in for it, and say so.
  if (report.model.tokenEstimate) out.push(`  Estimates: ${report.model.tokenEstimate}.`);
  out.push(`  ${''.padEnd(24)}${['min', 'median', 'mean', 'p5', 'p95', 'max'].map((h) => h.padStart(9)).join('')}`);
  out.push(distributionRow('messages per example', f.messagesPerExample));
  out.push(distributionRow('billed tokens', f.billedTokensPerExample));
  out.push(distributionRow('assistant tokens', f.assistantTokensPerExample));
  out.push(distributionRow('trained tokens', f.trainedTokensPerExample));
  const peak = Math.max(1, ...f.histogram.map((b) => b.count));
  const barWidth = Math.max(10, Math.min(40, style.width - 40));
  out.push('  tokens per example');
  for (const bin of f.histogram) {
    const range = `${integer.format(bin.from)}–${integer.format(bin.to)}`.padStart(22);
    out.push(`  ${range} ${'█'.repeat(Math.round((bin.count / peak) * barWidth)).padEnd(barWidth)} ${integer.format(bin.count)}`);
  }
  out.push(
    `  per epoch: ${integer.format(f.totalBilledTokens)} billed = ${integer.format(f.totalTrainedTokens)} trained + ${integer.format(f.totalContextTokens)} context`,
  );
  const notes: string[] = [];
  if (f.estimatedToolTokens > 0) {
    notes.push(
      `${integer.format(f.estimatedToolTokens)} of them estimated from tools: ${integer.format(f.estimatedToolDefinitionTokens)} definitions + ${integer.format(f.estimatedToolCallTokens)} calls, counted from the text the model reads`,
    );
  }
  if (f.images > 0) notes.push(`${plural(f.images, 'image')} not counted`);
  if (f.overTokenLimit > 0) notes.push(`${plural(f.overTokenLimit, 'example')} over the ${integer.format(report.model.tokenLimit)}-token limit, billed at the limit`);
  if (notes.length > 0) out.push(`  (${notes.join('; ')})`);
  return out;
}

function costSection(report: DatasetReport, style: Style, today: string): string[] {
  const c = report.cost;
  if (report.figures.totalBilledTokens === 0) return [];
  const epochs = c.epochsSource === 'default' ? `${plural(c.epochs, 'epoch')} (${report.model.defaultEpochs !== undefined ? 'the service\'s default' : `the default for ${plural(report.file.validExamples || report.file.examples, 'example')}`})` : plural(c.epochs, 'epoch');
  const out = ['', paint(style, '1', 'Cost')];
  out.push(
    c.pricePerMillion === null || c.usd === null
      ? `  ${epochs} × ${integer.format(c.billedTokensPerEpoch)} = ${integer.format(c.billedTokensTotal)} billed tokens${c.isEstimate ? ' (estimate)' : ''} on ${c.model}; ftui knows no price for it: multiply by the service's price per million tokens`
      : `  ${epochs} × ${integer.format(c.billedTokensPerEpoch)} = ${integer.format(c.billedTokensTotal)} tokens × ${perMillion(c.pricePerMillion)} = ${paint(style, '1', money(c.usd))}${c.isEstimate ? ' (estimate)' : ''} on ${c.model}`,
  );
  const shutdown = report.model.shutdownDate;
  if (shutdown) {
    out.push(
      shutdown <= today
        ? paint(style, '31', `  ${report.model.id} was shut down on ${shutdown}: OpenAI no longer fine-tunes it.`)
        : `  ${report.model.id} and its fine-tunes shut down on ${shutdown}.`,
    );
  }
  return out;
}

function cookbookSection(report: DatasetReport): string[] {
  const k = report.cookbook;
  const t = k.tokensPerExample;
  if (!t) return [];
  return [
    '',
    "The cookbook notebook's figures (its formula, for comparison)",
    `  missing system ${k.missingSystem}, missing user ${k.missingUser}, over the limit ${k.overTokenLimit}`,
    `  tokens per example: min ${t.min}, max ${t.max}, mean ${oneDecimal.format(t.mean)}, median ${t.median}, p10 ${oneDecimal.format(t.p10)}, p90 ${oneDecimal.format(t.p90)} (printed there as "p5 / p95")`,
    `  billing tokens ${integer.format(k.billingTokens)} × ${plural(k.defaultEpochs, 'epoch')} = ${integer.format(k.chargedTokens)} charged tokens`,
  ];
}

export function formatReport(report: DatasetReport, style: Style, title: string, today = new Date().toISOString().slice(0, 10)): string {
  const file = report.file;
  const format = file.format === 'jsonl' ? 'JSONL' : file.format === 'json-array' ? 'a JSON array' : file.format === 'json-document' ? 'a JSON document' : 'in memory';
  const out = [paint(style, '1', `${title}: ${file.path ?? '(in memory)'}`)];
  if (!report.findings.some((g) => g.code === 'file_unreadable')) {
    out.push(`  ${format}, ${megabytes(file.bytes)}, ${plural(file.examples, 'example')}${file.blankLines ? `, ${plural(file.blankLines, 'blank line')}` : ''} · model ${report.model.id}`);
  }
  const verdict =
    report.errors === 0 && report.warnings === 0
      ? paint(style, '32', '  No problems found.')
      : `  ${report.errors > 0 ? paint(style, '31', plural(report.errors, 'error')) : 'no errors'}, ${plural(report.warnings, 'warning')} (${plural(file.examplesWithErrors, 'example')} with errors, ${integer.format(file.examplesWithWarnings)} with warnings only)`;
  out.push(verdict);
  out.push(...findingsSection(report, style), ...figuresSection(report, style), ...costSection(report, style, today), ...cookbookSection(report));
  return `${out.join('\n')}\n`;
}

export function formatRun(run: ValidationRun, style: Style): string {
  const parts = [formatReport(run.training, style, 'Training file')];
  if (run.validation) parts.push(formatReport(run.validation, style, 'Validation file'));
  return parts.join('\n');
}
