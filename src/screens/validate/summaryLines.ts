// The Validate screen's summary as text: the model and its limits, the cost, the counts. Every
// figure is read from the engine's report as is (the same numbers `ftui validate --json` prints);
// this file only decides how they wrap, so at 80 columns nothing is cut off, only moved down.
import { money, perMillion } from '../../core/money.js';
import { count } from '../../core/plural.js';
import { resolveModel } from '../../core/validate/index.js';
import type { DatasetReport } from '../../core/validate/types.js';
import type { ServiceModels } from '../../store/slices/validation.js';

const n = new Intl.NumberFormat('en-US');
const SEP = ' · ';

/**
 * What the connected service says about the model (ServiceModels), in words: "service: trains
 * ≤16,384 tok (SFT) / ≤8,192 (DPO) · LoRA (rank ≤64) and full", Azure's dates, or that ftui's own
 * table is used (offline, or the service did not answer). Empty without a service list.
 */
export function serviceGroup(service: ServiceModels | null, model: string, today = ''): string[] {
  if (service === null) return [];
  const info = service.infos[model];
  if (info === undefined) {
    if (service.error !== null) return [`ftui's own table: the service did not answer (${service.error})`];
    if (service.models === null) return ['asking the service for its models…'];
    return service.models.includes(model) ? ['asking the service about this model…'] : ["not in the service's list: ftui's own table"];
  }
  const out: string[] = [];
  const t = info.maxTokens;
  if (t) out.push(`service: trains ≤${t.supervised === null ? '?' : n.format(t.supervised)} tok (SFT)${t.dpo !== null ? ` / ≤${n.format(t.dpo)} (DPO)` : ', no DPO'}`);
  if (info.training) {
    const lora = info.training.lora ? `LoRA${info.maxLoraRank != null ? ` (rank ≤${info.maxLoraRank})` : ''}` : null;
    out.push([lora, info.training.full ? 'full' : null].filter(Boolean).join(' and ') || 'no training kind offered');
  }
  // The retirement date is the head's "shuts down" where the service's facts carry it.
  // A job for a model the service has stopped training would be refused: say so, as for a shut-down model.
  if (info.trainingEnds != null) out.push(today !== '' && info.trainingEnds < today ? `service: NO LONGER FINE-TUNES IT (since ${info.trainingEnds})` : `service: fine-tunes it until ${info.trainingEnds}`);
  if (info.retires != null && info.facts?.shutdownDate !== info.retires) out.push(`retires ${info.retires}`);
  if (info.facts === null) out.push('ftui cannot count its tokens');
  return out;
}

/**
 * The summary's phrases in reading order, in groups that stay on one line when they can: the
 * model and its limits, the cost, the counts, the split of tokens. `today` (YYYY-MM-DD) decides
 * "shuts down" or "SHUT DOWN".
 */
export function summaryGroups(report: DatasetReport | null, model: string, today: string, service: ServiceModels | null = null): string[][] {
  const facts = resolveModel(model);
  const head: string[] = [];
  if (!facts) head.push(model);
  else {
    head.push(facts.id);
    if (facts.shutdownDate) head.push(facts.shutdownDate <= today ? `SHUT DOWN ${facts.shutdownDate}` : `shuts down ${facts.shutdownDate}`);
    head.push(`limit ${n.format(facts.tokenLimit)} tok`, facts.trainingPricePerMillion === null ? 'price unknown' : perMillion(facts.trainingPricePerMillion));
  }
  // Whose list m walks: the connected service's, or ftui's own (offline, or a service without a list).
  const listed = service?.models?.length ?? 0;
  const groups = [head, serviceGroup(service, model, today), [listed > 0 ? `(m: next of the service's ${listed} models)` : "(m: next of ftui's models)"]];
  if (!report) return groups;
  const { cost, figures: f } = report;
  groups.push(
    [`${count(cost.epochs, 'epoch')}${cost.epochsSource === 'default' ? ' (default)' : ''} × ${n.format(cost.billedTokensPerEpoch)} billed tok = ${cost.usd === null ? `${n.format(cost.billedTokensTotal)} tok, price unknown` : money(cost.usd)}${cost.isEstimate ? ' (estimate)' : ''}`],
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
