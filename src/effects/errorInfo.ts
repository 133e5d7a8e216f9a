// A provider failure as plain data the store can hold and a screen can explain. The provider
// throws ProviderError (src/api/types.ts); anything else (a bug, a file error) becomes 'unknown'
// with its message, never a stack.
import type { ProviderErrorKind } from './providerTypes.js';

export interface ErrorInfo {
  kind: ProviderErrorKind | 'file' | 'unknown';
  message: string;
  /** For rate limits: how long the server asked us to wait. */
  retryAfterMs: number | null;
  /** For invalid requests: the request field the server named. */
  param: string | null;
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (typeof error === 'object' && error !== null && 'kind' in error && typeof (error as { kind: unknown }).kind === 'string') {
    const e = error as { kind: ProviderErrorKind; message?: unknown; retryAfterMs?: unknown; param?: unknown };
    return {
      kind: e.kind,
      message: typeof e.message === 'string' ? e.message : String(e.kind),
      retryAfterMs: typeof e.retryAfterMs === 'number' ? e.retryAfterMs : null,
      param: typeof e.param === 'string' ? e.param : null,
    };
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return { kind: typeof code === 'string' && code.startsWith('E') ? 'file' : 'unknown', message, retryAfterMs: null, param: null };
}
