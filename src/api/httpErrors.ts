// HTTP failures from any provider SDK to ProviderError. Both official SDKs (openai, together-ai)
// are generated the same way: an APIError with status, the parsed error body, code, param and
// headers, and a connection error for failures before an answer. Messages are written for the
// person at the terminal; the server's own text is kept only where it names something useful,
// and anything shaped like a key is cut out first, since services echo part of a wrong key.
import { ProviderError } from '../core/domain.js';

const KEY_LIKE = /\b(sk-[A-Za-z0-9_*-]{4,}|tgp_v1_[A-Za-z0-9_-]{4,}|[A-Za-z0-9]{32,})\b/g;

/** Removes anything that looks like an API key from text that will be shown or stored. */
export function redactKeys(text: string): string {
  return text.replace(KEY_LIKE, '[redacted]');
}

const NOT_ELIGIBLE = /fine[- ]?tun\w*.*(not (available|allowed|enabled|eligible)|cannot|can't|not have access|do not have access)|(not (available|allowed|enabled|eligible)|cannot|can't|not have access|do not have access).*fine[- ]?tun/i;

/** The shape both SDKs' APIError share. */
export interface HttpFailure {
  status: number;
  error?: unknown;
  code?: string | null | undefined;
  param?: string | null | undefined;
  headers?: unknown;
}

function serverMessage(error: HttpFailure): string {
  const body = error.error as { message?: unknown; error?: { message?: unknown } } | undefined;
  const raw = typeof body?.message === 'string' ? body.message : typeof body?.error?.message === 'string' ? body.error.message : '';
  return redactKeys(raw.trim());
}

function headerValue(headers: unknown, name: string): string | null {
  if (headers && typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  return null;
}

/** Wait the server asked for, from retry-after-ms or retry-after (seconds or an HTTP date). */
export function retryAfterMs(headers: unknown, now = Date.now()): number | null {
  const ms = Number(headerValue(headers, 'retry-after-ms'));
  if (headerValue(headers, 'retry-after-ms') !== null && Number.isFinite(ms) && ms >= 0) return ms;
  const after = headerValue(headers, 'retry-after');
  if (after === null) return null;
  const seconds = Number(after);
  if (after.trim() !== '' && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(after);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function withDetail(plain: string, detail: string): string {
  return detail ? `${plain} The server said: ${detail}` : plain;
}

export function connectionFailure(timeout: boolean): ProviderError {
  return new ProviderError({
    kind: 'network',
    message: timeout
      ? 'The service did not answer in time. Check your connection and the base URL, then try again.'
      : 'Could not reach the service. Check your network connection and the base URL.',
  });
}

/** A failure the server answered with. */
export function httpFailure(error: HttpFailure): ProviderError {
  const detail = serverMessage(error);
  const status = error.status;
  const code = error.code ?? null;
  if (status === 401) {
    // Never pass the server text on: it quotes part of the key.
    return new ProviderError({ kind: 'auth', message: 'The API key was not accepted. Check that the key variable holds a current key for this service.' }, status);
  }
  if (status === 403) {
    if (NOT_ELIGIBLE.test(detail) || code === 'not_eligible' || code === 'fine_tuning_not_allowed') {
      return new ProviderError(
        {
          kind: 'not_eligible',
          message: withDetail("This account or organization is not allowed to create fine-tuning jobs. An owner can check the account's billing, usage tier and fine-tuning access in the provider's settings.", detail),
        },
        status,
      );
    }
    return new ProviderError({ kind: 'permission', message: withDetail('The key works but is not allowed to do this (check the project, organization or key permissions).', detail) }, status);
  }
  if (status === 404) return new ProviderError({ kind: 'not_found', message: withDetail('Not found: the job, file or model does not exist for this key.', detail) }, status);
  if (status === 429) {
    const wait = retryAfterMs(error.headers);
    const quota = code === 'insufficient_quota';
    return new ProviderError(
      {
        kind: 'rate_limited',
        message: quota
          ? withDetail('The account has run out of quota. Check billing before trying again.', detail)
          : withDetail(`Too many requests${wait !== null ? `; the service asked to wait ${Math.ceil(wait / 1000)} s` : ''}.`, detail),
        retryAfterMs: wait,
      },
      status,
    );
  }
  if (status >= 500) return new ProviderError({ kind: 'server', message: withDetail(`The service had a problem (HTTP ${status}). Try again in a moment.`, detail) }, status);
  if (status === 400 || status === 409 || status === 413 || status === 415 || status === 422) {
    const param = typeof error.param === 'string' && error.param !== '' ? error.param : null;
    const plain = param ? `The service rejected the request field ${param}.` : 'The service rejected the request.';
    return new ProviderError({ kind: 'invalid_request', message: withDetail(plain, detail), param }, status);
  }
  return new ProviderError({ kind: 'server', message: withDetail(`Unexpected answer from the service (HTTP ${status}).`, detail) }, status);
}

/** Node's fetch failures that reach us outside the SDK's own error classes (mid-stream drops). */
export function fetchFailure(error: unknown): ProviderError | null {
  // Node's fetch throws TypeError('fetch failed') before an answer and TypeError('terminated')
  // when the connection drops in the middle of a streamed body.
  if (error instanceof TypeError && /terminated|other side closed|ECONNRESET/i.test(`${error.message} ${String((error as { cause?: unknown }).cause ?? '')}`)) {
    return new ProviderError({ kind: 'network', message: 'The connection was cut off in the middle of the answer. Try again.' });
  }
  if (error instanceof TypeError && /fetch|network|socket/i.test(error.message)) {
    return new ProviderError({ kind: 'network', message: 'Could not reach the service. Check your network connection and the base URL.' });
  }
  return null;
}

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * The error mapping for one SDK's classes: aborts are rethrown as they are (the caller asked for
 * them), ProviderErrors pass through, connection errors and HTTP answers are mapped above.
 * `fields` reads code and param where that SDK keeps them.
 */
export function sdkErrorMapper<E extends Error & { status?: number | undefined; error?: unknown; headers?: unknown }>(
  sdk: { APIConnectionError: ErrorClass; APIError: abstract new (...args: never[]) => E; APIUserAbortError: ErrorClass },
  fields: (error: E) => { code: string | null | undefined; param: string | null | undefined },
): { toProviderError(error: unknown): unknown; mapErrors<T>(call: () => Promise<T>): Promise<T> } {
  const toProviderError = (error: unknown): unknown => {
    if (error instanceof ProviderError || error instanceof sdk.APIUserAbortError) return error;
    if (error instanceof sdk.APIConnectionError) return connectionFailure(error.constructor.name === 'APIConnectionTimeoutError');
    if (error instanceof sdk.APIError && typeof error.status === 'number') return httpFailure({ status: error.status, error: error.error, headers: error.headers, ...fields(error) });
    if (error instanceof Error && error.name === 'AbortError') return error;
    return fetchFailure(error) ?? error;
  };
  return {
    toProviderError,
    async mapErrors<T>(call: () => Promise<T>): Promise<T> {
      try {
        return await call();
      } catch (error) {
        throw toProviderError(error);
      }
    },
  };
}
