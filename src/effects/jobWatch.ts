// Following one job, for the Jobs monitor and `ftui watch` alike: each poll asks for the job and
// the newest page of its events, pages further back only when a busy job logged more than a page
// since the last poll, and asks for checkpoints only when the step count moved (or the job
// ended). A quiet poll is therefore one job request and one events page.
import type { CheckpointRecord, FineTuningProvider, JobEvent, JobMetrics, JobRecord } from '../api/types.js';

const EVENTS_PAGE = 50;

export interface PollResult {
  job: JobRecord;
  /** Events not seen before, oldest first. */
  events: JobEvent[];
  /** The job's checkpoints when they were asked for this time, else null. */
  checkpoints: CheckpointRecord[] | null;
  /** Metrics rows newer than the last poll's, from a provider's metrics series (capabilities.metricsSeries). */
  metrics: JobMetrics[];
}

const ENDED = new Set(['succeeded', 'failed', 'cancelled']);

export function jobEnded(job: JobRecord): boolean {
  return ENDED.has(job.status);
}

export class JobWatch {
  private readonly seen = new Set<string>();
  private first = true;
  /** The highest step seen in metrics events (or messages); checkpoints follow it. */
  private step = -1;
  private checkpointsAtStep: number | null = null;
  private endedChecked = false;
  /** The last step of the metrics series already read. */
  private metricsStep: number | null = null;

  constructor(
    private readonly provider: FineTuningProvider,
    readonly jobId: string,
  ) {}

  async poll(): Promise<PollResult> {
    const job = await this.provider.getJob(this.jobId);
    // The first poll reads the whole history; later ones only what is new.
    const listed = this.first ? await this.provider.listAllEvents(this.jobId) : await this.newEvents();
    // Providers list events newest first; the log reads oldest first, and events within one
    // second keep the order the provider gave them.
    const fresh = listed.filter((e) => !this.seen.has(e.id)).reverse();
    for (const e of fresh) {
      this.seen.add(e.id);
      const step = e.metrics?.step ?? stepOf(e.message);
      if (step !== null && step > this.step) this.step = step;
    }
    this.first = false;
    // A provider with a metrics series is asked only for the steps after the last one read; its
    // steps move the checkpoint look-up too.
    let metrics: JobMetrics[] = [];
    if (this.provider.capabilities.metricsSeries && this.provider.listMetrics) {
      metrics = await this.provider.listMetrics(this.jobId, this.metricsStep === null ? {} : { fromStep: this.metricsStep + 1 });
      if (metrics.length > 0) this.metricsStep = Math.max(this.metricsStep ?? 0, ...metrics.map((m) => m.step));
      if (this.metricsStep !== null && this.metricsStep > this.step) this.step = this.metricsStep;
    }
    let checkpoints: CheckpointRecord[] | null = null;
    const ended = jobEnded(job);
    const moved = this.step >= 0 && this.step !== this.checkpointsAtStep;
    if (this.provider.capabilities.checkpoints && (moved || (ended && !this.endedChecked))) {
      checkpoints = await this.provider.listCheckpoints(this.jobId).catch(() => null);
      if (checkpoints !== null) {
        this.checkpointsAtStep = this.step;
        if (ended) this.endedChecked = true;
      }
    }
    return { job, events: fresh, checkpoints, metrics };
  }

  /**
   * Events newer than those already seen: pages run newest-first, so paging stops at the first
   * page that reaches a known event.
   */
  private async newEvents(): Promise<JobEvent[]> {
    const out: JobEvent[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await this.provider.listEvents(this.jobId, after === undefined ? { limit: EVENTS_PAGE } : { limit: EVENTS_PAGE, after });
      out.push(...page.data);
      if (!page.hasMore || page.data.length === 0 || page.data.some((e) => this.seen.has(e.id))) return out;
      after = page.data.at(-1)!.id;
    }
  }
}

/** "Step 17/36: training loss=…" as OpenAI-style logs write it. */
function stepOf(message: string): number | null {
  const match = /\bStep (\d+)\/\d+\b/.exec(message);
  return match ? Number(match[1]) : null;
}
