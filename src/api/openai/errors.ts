// OpenAI SDK failures to ProviderError (the mapping itself is shared: ../httpErrors.ts).
import { APIConnectionError, APIError, APIUserAbortError } from 'openai';
import { connectionFailure, fetchFailure, httpFailure } from '../httpErrors.js';
import { ProviderError } from '../types.js';

export { redactKeys, retryAfterMs } from '../httpErrors.js';

/**
 * Maps any error from an SDK call. Aborts are rethrown as they are (the caller asked for them);
 * errors that are already ProviderError pass through.
 */
export function toProviderError(error: unknown): unknown {
  if (error instanceof ProviderError || error instanceof APIUserAbortError) return error;
  if (error instanceof APIConnectionError) return connectionFailure(error.constructor.name === 'APIConnectionTimeoutError');
  if (error instanceof APIError && typeof error.status === 'number') return httpFailure({ status: error.status, error: error.error, code: error.code, param: error.param, headers: error.headers });
  if (error instanceof Error && error.name === 'AbortError') return error;
  return fetchFailure(error) ?? error;
}

/** Runs one SDK call and throws ProviderError instead of SDK errors. */
export async function mapErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toProviderError(error);
  }
}
