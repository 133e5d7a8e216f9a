// What a job will cost, as the confirmation says it (the Jobs screen and `ftui train` alike). A
// cost is only ever shown from a price ftui can cite (its model table) or one the user configured
// in the profile; for a model with neither (Nebius's open bases, a custom service), the billed
// tokens are shown with plain words that the price is unknown, and the confirmation says so.
import { count } from './plural.js';
import { money } from './money.js';

export interface CostEstimate {
  /** null: no price is known for the model; `totalTokens` is the figure to multiply. */
  usd: number | null;
  epochs: number;
  /** Billed tokens of the training file per epoch. */
  billedTokens: number;
  isEstimate: boolean;
  /** USD per million tokens the cost uses; null when none is known. */
  pricePerMillion?: number | null;
  /** Where the price comes from: ftui's own table, or the profile's `prices`. */
  priceSource?: 'ftui' | 'profile' | null;
  /** billedTokens × epochs: what the service bills for training. */
  totalTokens?: number;
  /** The validation file's tokens per pass; shown apart, since ftui does not know whether they bill. */
  validationTokens?: number | null;
  /** Why the token counts are estimates (another tokenizer stands in for the model's), when they are. */
  tokenNote?: string | null;
}

const tokens = (n: number) => n.toLocaleString('en-US');

/** Whether the confirmation is about an unknown price (and must say so before anything is created). */
export function priceUnknown(estimate: CostEstimate | null): boolean {
  return estimate !== null && estimate.usd === null;
}

/**
 * The cost in words, first line first: "Estimated cost: ~$0.42 (3 epochs × 1,234 tokens)", or
 * for an unknown price the tokens to multiply and how to make ftui show a cost. `who` names the
 * service ("Nebius"), `model` the base.
 */
export function costLines(estimate: CostEstimate | null, note: string | null, who: string, model: string): string[] {
  if (estimate === null) return [note ?? 'No cost estimate.'];
  const total = estimate.totalTokens ?? estimate.billedTokens * estimate.epochs;
  const approx = estimate.isEstimate ? '~' : '';
  const lines: string[] = [];
  if (estimate.usd !== null) {
    const from = estimate.priceSource === 'profile' && estimate.pricePerMillion != null ? ` at $${estimate.pricePerMillion}/1M, the price in your profile` : '';
    lines.push(`Estimated cost: ${approx}${money(estimate.usd)} (${count(estimate.epochs, 'epoch')} × ${tokens(estimate.billedTokens)} tokens${from})`);
  } else {
    lines.push(
      `Price unknown: ftui does not know ${who}'s training price for ${model}. It bills ${approx}${tokens(total)} tokens (${tokens(estimate.billedTokens)} × ${count(estimate.epochs, 'epoch')}): multiply by its price per million tokens.`,
      `To see a cost here, add the price to the profile: "prices": {"${model}": {"trainingUsdPerMillion": …}} (README, Connecting).`,
    );
    if (estimate.validationTokens != null && estimate.validationTokens > 0) {
      lines.push(`The validation file has ${approx}${tokens(estimate.validationTokens)} tokens a pass; ftui does not know whether ${who} bills them (not included above).`);
    }
    // With a cost, "~" says enough; with tokens to multiply, say how they were counted.
    if (estimate.tokenNote) lines.push(`Tokens are estimates: ${estimate.tokenNote}.`);
  }
  return lines;
}
