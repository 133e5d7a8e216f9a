// Faults on request: the `x-sandbox-fault` header on one request, or server-wide from
// `ftui sandbox --fault KIND` so a whole session can rehearse a failure.
import { ApiError } from './http.js';

export const FAULT_KINDS = ['401', '403-not-eligible', '429', '500', 'slow', 'drop-stream', 'commit-then-500', 'commit-then-drop', 'commit-then-slow'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * Faults where the request is carried out (a job created, a file stored) and only the answer
 * is lost: a 500, a closed connection, or no answer until the client has given up. They apply
 * to requests that change something; a read under the same path is answered normally, so a
 * client can look up what happened.
 */
export const COMMIT_FAULTS = ['commit-then-500', 'commit-then-drop', 'commit-then-slow'] as const satisfies readonly FaultKind[];
export type CommitFault = (typeof COMMIT_FAULTS)[number];

export function isCommitFault(kind: FaultKind | null): kind is CommitFault {
  return kind !== null && (COMMIT_FAULTS as readonly string[]).includes(kind);
}

export const FAULT_HEADER = 'x-sandbox-fault';
export const RETRY_AFTER_SECONDS = 2;

/**
 * Worded after OpenAI's notice: self-serve fine-tuning is winding down, and organisations that
 * have not fine-tuned recently can no longer create jobs. (Not a verbatim copy of the service's
 * text, which is not in the API document.)
 */
export const NOT_ELIGIBLE_MESSAGE =
  'Your organization is not eligible to create new fine-tuning jobs. OpenAI is winding down self-serve fine-tuning: ' +
  'organizations that have not fine-tuned recently can no longer create jobs, and no new jobs can be created after 2027-01-06. ' +
  'Existing fine-tuned models remain available for inference until their base models shut down.';

export function isFaultKind(value: string): value is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(value);
}

export function parseFaultHeader(value: string | string[] | undefined): FaultKind | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined || v === '') return null;
  if (!isFaultKind(v)) {
    throw new ApiError(400, `Unknown ${FAULT_HEADER} '${v}'; use one of ${FAULT_KINDS.join(', ')}.`, 'invalid_request_error', null, FAULT_HEADER);
  }
  return v;
}

/** The error a fault answers with, or null for faults that change timing or the connection. */
export function faultError(kind: FaultKind, protocol: 'openai' | 'together' = 'openai'): ApiError | null {
  const together = protocol === 'together';
  switch (kind) {
    case '401':
      return together
        ? new ApiError(401, 'Invalid API key provided. You can find your API key at https://api.together.xyz/settings/api-keys.', 'invalid_request_error', 'invalid_api_key')
        : new ApiError(401, 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.', 'invalid_request_error', 'invalid_api_key');
    case '403-not-eligible':
      return together
        ? new ApiError(403, 'Your account is not allowed to create fine-tuning jobs. Add a payment method or credits to your Together account.', 'invalid_request_error', 'not_eligible')
        : new ApiError(403, NOT_ELIGIBLE_MESSAGE, 'invalid_request_error', 'not_eligible');
    case '429':
      return new ApiError(429, `Rate limit reached for requests. Please try again in ${RETRY_AFTER_SECONDS}s.`, 'requests', 'rate_limit_exceeded', null, {
        'retry-after': String(RETRY_AFTER_SECONDS),
        'retry-after-ms': String(RETRY_AFTER_SECONDS * 1000),
      });
    case '500':
      return new ApiError(500, 'The server had an error while processing your request. Sorry about that!', 'server_error');
    case 'slow':
    case 'drop-stream':
    case 'commit-then-500':
    case 'commit-then-drop':
    case 'commit-then-slow':
      return null;
  }
}

/** A server-wide fault, limited to paths that start with `pathPrefix` (under /v1) when given. */
export interface ServerFault {
  kind: FaultKind;
  pathPrefix: string | null;
}

export function serverFaultFor(faults: ServerFault[], method: string, path: string, protocol: 'openai' | 'together' = 'openai'): FaultKind | null {
  const createPath = protocol === 'together' ? '/v1/fine-tunes' : '/v1/fine_tuning/jobs';
  for (const f of faults) {
    if (f.pathPrefix !== null && !path.startsWith(`/v1${f.pathPrefix}`) && !path.startsWith(f.pathPrefix)) continue;
    // Without a path, "not eligible" applies where the service says it: creating a job.
    if (f.kind === '403-not-eligible' && f.pathPrefix === null && !(method === 'POST' && path === createPath)) continue;
    return f.kind;
  }
  return null;
}
