// Creating a deployment exactly once per confirmation. A deployment bills by the hour, so it
// follows the same rule as a job (createJobOnce): one request with a client id, and when its
// outcome is unknown, or ftui cannot look, nothing is created until a look-up says there is none.
import type { DeploymentRecord, DeploymentRequest, DeploymentService } from '../api/types.js';
import { toErrorInfo, type ErrorInfo } from '../core/domain.js';
import { DEFAULT_LOOKUP_DELAYS_MS, lookUpCreated, outcomeUnknown, whatWentWrong } from './createJobOnce.js';

/** How far back an earlier confirmation's deployment is looked for. */
const EARLIER_WINDOW_MS = 15 * 60_000;

/** The create failed; `unresolvedClientId` is set while a deployment may exist under it. */
export class DeployOnceError extends Error {
  constructor(
    readonly info: ErrorInfo,
    readonly unresolvedClientId: string | null,
  ) {
    super(info.message);
    this.name = 'DeployOnceError';
  }
}

export interface DeployOnceOptions {
  /** The request's client id was sent before and its outcome stayed unknown: look before creating. */
  lookupFirst: boolean;
  /** When this confirmation started (ms since the epoch); deployments since then are searched. */
  since: number;
  lookupDelaysMs?: readonly number[];
  sleep: (ms: number) => Promise<void>;
  /** Told when the create's answer is lost and the look-up starts. */
  onLookup?: () => void;
}

const withMessage = (error: unknown, message: string): ErrorInfo => ({ ...toErrorInfo(error), message });

export async function deployOnce(service: DeploymentService, request: DeploymentRequest, options: DeployOnceOptions): Promise<DeploymentRecord> {
  const clientId = request.clientId;
  if (options.lookupFirst) {
    const { found, lookupError } = await lookUpCreated(() => service.find(request, options.since - EARLIER_WINDOW_MS), [0], options.sleep);
    if (found !== null) return found;
    if (lookupError !== null) {
      throw new DeployOnceError(
        withMessage(lookupError, `ftui could not check whether the earlier confirmation made a deployment (${toErrorInfo(lookupError).message}), so it deployed nothing. y looks again.`),
        clientId,
      );
    }
  }
  try {
    return await service.create(request);
  } catch (error) {
    if (!outcomeUnknown(error)) throw new DeployOnceError(withMessage(error, `${toErrorInfo(error).message} Nothing was deployed.`), null);
    options.onLookup?.();
    const what = whatWentWrong(error);
    const { found, lookupError } = await lookUpCreated(() => service.find(request, options.since), options.lookupDelaysMs ?? DEFAULT_LOOKUP_DELAYS_MS, options.sleep);
    if (found !== null) return found;
    if (lookupError !== null) {
      throw new DeployOnceError(
        withMessage(error, `The deployment's answer was lost (${what}) and ftui could not look for it (${toErrorInfo(lookupError).message}). A deployment may exist and bill: check the deployments before making another. y looks once more before creating.`),
        clientId,
      );
    }
    throw new DeployOnceError(withMessage(error, `The deployment's answer was lost (${what}) and ftui found no deployment made by it. y looks once more before creating.`), clientId);
  }
}
