// What Nebius's and Azure's variants of the OpenAI protocol change in the shared sandbox: their
// base models, how a fine-tune is named, and the deployments that come up as sandbox time passes
// (Nebius custom models, Azure deployment resources). Written from each service's public API
// reference; see README-gaps.md for what is simplified.
import type { JobRecord, SandboxState } from './state.js';

/** Nebius Token Factory's fine-tunable open bases (its post-training model page). */
export const NEBIUS_BASES = ['meta-llama/Meta-Llama-3.1-8B-Instruct', 'meta-llama/Llama-3.3-70B-Instruct', 'meta-llama/Llama-3.2-3B-Instruct', 'Qwen/Qwen3-32B', 'openai/gpt-oss-20b'];

/** Simulated seconds a deployment takes to come up (divided by the sandbox's speed). */
export const DEPLOY_MS = 4000;
export const DEVELOPER_TIER_LIFETIME_MS = 24 * 3600_000;

/** Azure names a fine-tune `<base>.ft-<32 hex>`. */
export function azureFineTunedName(job: JobRecord): string {
  const hex = Buffer.from(job.id.replace(/^ftjob-/, '')).toString('hex').padEnd(32, '0').slice(0, 32);
  return `${job.model}.ft-${hex}`;
}

export function tickFlavor(state: SandboxState, nowMs: number): void {
  for (const m of state.customModels ?? []) {
    if (m.status === 'validating' && nowMs >= m.ready_at_ms) m.status = 'active';
  }
  if (state.deployments) {
    for (const d of state.deployments) if (d.provisioningState === 'Creating' && nowMs >= d.ready_at_ms) d.provisioningState = 'Succeeded';
    // Developer-tier deployments are removed at the end of their lifetime, used or not.
    state.deployments = state.deployments.filter((d) => d.expires_ms === null || nowMs < d.expires_ms);
  }
}

/** Bytes standing in for a checkpoint's weights: plainly not a model. */
export function fakeWeights(jobId: string, step: number): string {
  return `SANDBOX CHECKPOINT WEIGHTS for ${jobId} step ${step}: not a model, nothing was trained.\n`;
}
