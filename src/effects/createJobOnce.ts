// Creating a fine-tuning job exactly once, for every provider, the TUI and the CLI alike.
//
// A create spends money, and its answer can be lost after the service made the job (a 500 after
// the commit, a dropped connection, a reply slower than the timeout). Retrying then makes a
// second paid job. So each create carries a client id (the same on every attempt of one
// confirmation), the provider sends it exactly once, and when the outcome is unknown the
// recent jobs are searched for that id before anything is created again. Providers only
// implement createJob (one request, with the id) and findJobByClientId.
import { randomUUID } from 'node:crypto';
import type { CreateJobInput, FineTuningProvider, JobRecord } from '../api/types.js';
import { isProviderError, toErrorInfo, type ErrorInfo } from '../core/domain.js';

export function newClientId(): string {
  return `ftui-${randomUUID()}`;
}

export interface CreateOnceOptions {
  /**
   * The id was used by an earlier attempt whose outcome stayed unknown (or comes from a script's
   * --client-id): look it up before creating, so a job that arrived late is adopted.
   */
  lookupFirst?: boolean;
  /** Waits before each look-up (ms): a job may appear in the list a moment after its create. */
  lookupDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
  /** Told when the create's answer is lost and the look-up starts (for a status line). */
  onLookup?: () => void;
  /** The last sentence of an "unknown" error: how to try again safely where the caller runs. */
  retryHint?: (clientId: string) => string;
}

const TUI_RETRY_HINT = () => 'Confirming again looks once more before creating.';

export interface CreateOnceResult {
  job: JobRecord;
  clientId: string;
  /** Set when the job was found by its client id rather than returned by the create: why, in words. */
  adopted: string | null;
}

/** The create failed; `outcome` says whether a job may exist, `info.message` says what ftui found. */
export class CreateJobError extends Error {
  constructor(
    readonly info: ErrorInfo,
    readonly clientId: string,
    /** not_created: the service refused it. unknown: no job was found, or ftui could not look. */
    readonly outcome: 'not_created' | 'unknown',
  ) {
    super(info.message);
    this.name = 'CreateJobError';
  }
}

export const DEFAULT_LOOKUP_DELAYS_MS: readonly number[] = [0, 1000, 3000];

const sleepMs = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Whether a failed create may still have made a job. A service that answered with a refusal
 * (a key, permission, eligibility, missing-file, invalid-field or rate-limit answer) did not
 * make one; 408 and 409 are timeouts and lock conflicts (the SDK retries them for that reason),
 * and a 5xx, a network failure, a timeout or anything unexpected leaves it unknown.
 */
export function outcomeUnknown(error: unknown): boolean {
  if (!isProviderError(error)) return true;
  if (error.status === 408 || error.status === 409) return true;
  return error.kind === 'server' || error.kind === 'network';
}

export function whatWentWrong(error: unknown): string {
  if (isProviderError(error)) {
    if (error.status !== null) return `the service answered HTTP ${error.status}`;
    return /in time/.test(error.message) ? 'no answer came in time' : 'the connection was lost';
  }
  return toErrorInfo(error).message;
}

function withMessage(error: unknown, message: string): ErrorInfo {
  return { ...toErrorInfo(error), message };
}

/**
 * Looks for what a create with a client id made, trying again after each delay while it is not
 * there yet or the look-up itself fails. `found: null` with a `lookupError` means ftui could not
 * tell; a caller must then create nothing. Shared by every create that spends money.
 */
export async function lookUpCreated<T>(find: () => Promise<T | null>, delays: readonly number[], sleep: (ms: number) => Promise<void>): Promise<{ found: T | null; lookupError: unknown }> {
  let lookupError: unknown = null;
  for (const delay of delays) {
    if (delay > 0) await sleep(delay);
    try {
      const made = await find();
      if (made !== null) return { found: made, lookupError: null };
      lookupError = null;
    } catch (error) {
      lookupError = error;
    }
  }
  return { found: null, lookupError };
}

export async function createJobOnce(
  provider: FineTuningProvider,
  request: Omit<CreateJobInput, 'clientId'> & { clientId?: string | undefined },
  options: CreateOnceOptions = {},
): Promise<CreateOnceResult> {
  const clientId = request.clientId ?? newClientId();
  const delays = options.lookupDelaysMs ?? DEFAULT_LOOKUP_DELAYS_MS;
  const sleep = options.sleep ?? sleepMs;
  const retryHint = (options.retryHint ?? TUI_RETRY_HINT)(clientId);

  if (options.lookupFirst) {
    const { found, lookupError } = await lookUpCreated(() => provider.findJobByClientId(clientId), [0], sleep);
    if (found !== null) {
      return { job: found, clientId, adopted: `The earlier request did create a job after all: ${found.id} (request ${clientId}); ftui took it instead of creating another.` };
    }
    if (lookupError !== null) {
      throw new CreateJobError(
        withMessage(lookupError, `ftui could not check whether the earlier request (${clientId}) made a job (${toErrorInfo(lookupError).message}), so it created nothing. Try again when the service answers.`),
        clientId,
        'unknown',
      );
    }
  }

  try {
    const job = await provider.createJob({ ...request, clientId });
    return { job, clientId, adopted: null };
  } catch (error) {
    if (!outcomeUnknown(error)) {
      throw new CreateJobError(withMessage(error, `${toErrorInfo(error).message} No job was created.`), clientId, 'not_created');
    }
    options.onLookup?.();
    const what = whatWentWrong(error);
    const { found, lookupError } = await lookUpCreated(() => provider.findJobByClientId(clientId), delays, sleep);
    if (found !== null) {
      return { job: found, clientId, adopted: `The job was created: ${found.id} (its answer was lost: ${what}; ftui found the job by its request id, so nothing was created twice).` };
    }
    if (lookupError !== null) {
      throw new CreateJobError(
        withMessage(
          error,
          `The create's answer was lost (${what}) and ftui could not look for the job (${toErrorInfo(lookupError).message}). A job may exist: check the job list before creating another. ${retryHint}`,
        ),
        clientId,
        'unknown',
      );
    }
    throw new CreateJobError(
      withMessage(error, `The create's answer was lost (${what}). ftui looked for its request id among the recent jobs: no job was created. ${retryHint}`),
      clientId,
      'unknown',
    );
  }
}
