// Durations and dates as a person reads them in a narrow column.

/** 42s, 3m 05s, 1h 02m, 2d 4h. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '-';
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h ${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

/** 2026-11-25 05:17 in UTC: the same on every machine, and what the provider's docs use. */
export function formatUtc(epochMs: number | null | undefined): string {
  if (epochMs === null || epochMs === undefined || !Number.isFinite(epochMs)) return '-';
  return new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * Estimated time left: the provider's own estimate when it gives one, else a straight-line
 * projection from the steps done so far. null when neither is known.
 */
export function estimateRemaining(input: {
  now: number;
  startedAt: number | null;
  estimatedFinishAt: number | null;
  step: number | null;
  totalSteps: number | null;
}): number | null {
  if (input.estimatedFinishAt !== null) return Math.max(0, input.estimatedFinishAt - input.now);
  const { startedAt, step, totalSteps } = input;
  if (startedAt === null || step === null || totalSteps === null || step <= 0 || totalSteps <= step) return null;
  const perStep = (input.now - startedAt) / step;
  return Math.round(perStep * (totalSteps - step));
}
