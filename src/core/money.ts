// Dollars as ftui writes them: one function for each kind of figure, so that the same figure
// reads the same on every screen and in every command that shows it.

/**
 * What one chat reply cost: "$0", "$0.000048", "$0.0123", "$1.25" — small sums keep two
 * significant digits, so two replies' costs can be told apart.
 */
export function replyUsd(usd: number): string {
  if (usd === 0) return '$0';
  return usd < 0.01 ? `$${usd.toPrecision(2)}` : `$${usd.toFixed(usd < 1 ? 4 : 2)}`;
}

/** What training costs (the confirmation, the validation report): three decimals under a dollar, else two. */
export const money = (usd: number): string => `$${usd.toFixed(usd < 1 ? 3 : 2)}`;

/** A deployment's hourly price: "$1.70/h". */
export const perHour = (usd: number): string => `$${usd.toFixed(2)}/h`;

/** A price per million tokens from ftui's model table: "$1.50/1M". */
export const perMillion = (usd: number): string => `$${usd.toFixed(2)}/1M`;
