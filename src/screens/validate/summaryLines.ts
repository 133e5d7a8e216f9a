// The Validate screen's summary as text: the model and its limits, the cost, the counts. Every
// figure is read from the engine's report as is (the same numbers `ftui validate --json` prints);
// this file only decides how they wrap, so at 80 columns nothing is cut off, only moved down.
import { count } from '../../core/plural.js';
import { resolveModel } from '../../core/validate/index.js';
import type { DatasetReport } from '../../core/validate/types.js';

const n = new Intl.NumberFormat('en-US');
const SEP = ' · ';

/**
 * The summary's phrases in reading order, in groups that stay on one line when they can: the
 * model and its limits, the cost, the counts, the split of tokens. `today` (YYYY-MM-DD) decides
 * "shuts down" or "SHUT DOWN".
 */
export function summaryGroups(report: DatasetReport | null, model: string, today: string): string[][] {
  const facts = resolveModel(model);
  const head: string[] = [];
  if (!facts) head.push(model);
  else {
    head.push(facts.id);
    if (facts.shutdownDate) head.push(facts.shutdownDate <= today ? `SHUT DOWN ${facts.shutdownDate}` : `shuts down ${facts.shutdownDate}`);
    head.push(`limit ${n.format(facts.tokenLimit)} tok`, facts.trainingPricePerMillion === null ? 'price unknown' : `$${facts.trainingPricePerMillion.toFixed(2)}/1M`);
  }
  const groups = [head, ['(m: next model)']];
  if (!report) return groups;
  const { cost, figures: f } = report;
  groups.push(
    [`${count(cost.epochs, 'epoch')}${cost.epochsSource === 'default' ? ' (default)' : ''} × ${n.format(cost.billedTokensPerEpoch)} billed tok = ${cost.usd === null ? `${n.format(cost.billedTokensTotal)} tok, price unknown` : `$${cost.usd.toFixed(2)}`}${cost.isEstimate ? ' (estimate)' : ''}`],
    [count(report.file.examples, 'example'), count(report.errors, 'error'), count(report.warnings, 'warning')],
    [`${n.format(f.totalTrainedTokens)} trained + ${n.format(f.totalContextTokens)} context tok/epoch`],
  );
  return groups;
}

/**
 * Groups of phrases joined with " · " and wrapped to `width`: a group goes on the current line
 * when all of it fits there, else starts a line; only a group wider than a line is split between
 * its phrases. A phrase wider than a line keeps a line of its own (the screen cuts it).
 */
export function packGroups(groups: readonly (readonly string[])[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  const add = (text: string) => {
    if (line && line.length + SEP.length + text.length > width) {
      lines.push(line);
      line = text;
    } else {
      line = line ? line + SEP + text : text;
    }
  };
  for (const group of groups) {
    if (group.length === 0) continue;
    const whole = group.join(SEP);
    if (whole.length <= width) add(whole);
    else {
      if (line) lines.push(line);
      line = '';
      for (const part of group) add(part);
    }
  }
  if (line) lines.push(line);
  return lines;
}

const LEVELS = '▁▂▃▄▅▆▇█';

/** The histogram in one row, for terminals too short for the full one: "tokens/example 17 ▃▅█▂ 308". */
export function sparkline(report: DatasetReport): string | null {
  const bins = report.figures.histogram;
  if (bins.length === 0) return null;
  const peak = Math.max(1, ...bins.map((b) => b.count));
  const bars = bins.map((b) => (b.count === 0 ? ' ' : LEVELS[Math.max(0, Math.ceil((b.count / peak) * LEVELS.length) - 1)])).join('');
  const median = report.figures.billedTokensPerExample?.median;
  return `tok/example ${n.format(bins[0]!.from)} ${bars} ${n.format(bins[bins.length - 1]!.to)}${median === undefined ? '' : ` (median ${n.format(median)})`}`;
}
