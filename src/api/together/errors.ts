// together-ai SDK failures to ProviderError (the mapping itself is shared with the OpenAI
// adapter: ../httpErrors.ts).
import { APIConnectionError, APIError, APIUserAbortError } from 'together-ai';
import { connectionFailure, fetchFailure, httpFailure } from '../httpErrors.js';
import { ProviderError } from '../types.js';

export function toProviderError(error: unknown): unknown {
  if (error instanceof ProviderError || error instanceof APIUserAbortError) return error;
  if (error instanceof APIConnectionError) return connectionFailure(error.constructor.name === 'APIConnectionTimeoutError');
  if (error instanceof APIError && typeof error.status === 'number') {
    const body = error.error as { code?: unknown; param?: unknown; error?: { code?: unknown; param?: unknown } } | undefined;
    const field = (k: 'code' | 'param'): string | null => {
      const v = body?.[k] ?? body?.error?.[k];
      return typeof v === 'string' ? v : null;
    };
    return httpFailure({ status: error.status, error: error.error, code: field('code'), param: field('param'), headers: error.headers });
  }
  if (error instanceof Error && error.name === 'AbortError') return error;
  return fetchFailure(error) ?? error;
}

export async function mapErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toProviderError(error);
  }
}
