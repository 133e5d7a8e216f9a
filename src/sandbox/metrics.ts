// Plausible, deterministic training curves: loss falls roughly exponentially with a little
// seeded noise, so charts look real and tests see the same numbers every run.

function noise(seed: number, step: number, salt: number): number {
  // A small integer hash mapped to [-1, 1).
  let h = (seed ^ Math.imul(step + 1, 0x9e3779b1) ^ Math.imul(salt, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return (h / 0x100000000) * 2 - 1;
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

export function stepMetrics(seed: number, step: number, totalSteps: number, withValidation: boolean): Record<string, number> {
  const frac = step / Math.max(1, totalSteps);
  const base = 0.3 + 1.8 * Math.exp(-3.2 * frac);
  const trainLoss = Math.max(0.05, base + noise(seed, step, 1) * 0.12 * (1 - frac * 0.5));
  const accuracy = Math.min(0.99, Math.max(0.3, 0.98 - base * 0.3 + noise(seed, step, 2) * 0.02));
  const data: Record<string, number> = {
    step,
    train_loss: round(trainLoss),
    train_mean_token_accuracy: round(accuracy),
  };
  if (withValidation) {
    const validLoss = Math.max(0.05, base * 1.06 + 0.03 + noise(seed, step, 3) * 0.08);
    data.valid_loss = round(validLoss);
    data.valid_mean_token_accuracy = round(Math.min(0.99, accuracy - 0.02));
  }
  return data;
}
