// together-ai SDK failures to ProviderError (the mapping is shared with the OpenAI adapter:
// ../httpErrors.ts). Together's SDK keeps code and param only in the error body.
import { APIConnectionError, APIError, APIUserAbortError } from 'together-ai';
import { sdkErrorMapper } from '../httpErrors.js';

function bodyField(error: APIError, key: 'code' | 'param'): string | null {
  const body = error.error as { code?: unknown; param?: unknown; error?: { code?: unknown; param?: unknown } } | undefined;
  const v = body?.[key] ?? body?.error?.[key];
  return typeof v === 'string' ? v : null;
}

export const { toProviderError, mapErrors } = sdkErrorMapper({ APIConnectionError, APIError, APIUserAbortError }, (e) => ({ code: bodyField(e, 'code'), param: bodyField(e, 'param') }));
