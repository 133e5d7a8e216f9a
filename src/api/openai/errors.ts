// OpenAI SDK failures to ProviderError (the mapping itself is shared: ../httpErrors.ts).
import { APIConnectionError, APIError, APIUserAbortError } from 'openai';
import { sdkErrorMapper } from '../httpErrors.js';

export { redactKeys, retryAfterMs } from '../httpErrors.js';

/**
 * Maps any error from an SDK call (see sdkErrorMapper); mapErrors runs one SDK call and throws
 * ProviderError instead of SDK errors.
 */
export const { toProviderError, mapErrors } = sdkErrorMapper({ APIConnectionError, APIError, APIUserAbortError }, (e) => ({ code: e.code, param: e.param }));
