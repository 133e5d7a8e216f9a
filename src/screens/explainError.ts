import type { ErrorInfo } from '../core/domain.js';

/**
 * What went wrong, in a sentence a user can act on. The provider's own message follows when it
 * adds something (it often names the field or the limit).
 */
export function explainError(error: ErrorInfo): string {
  const detail = error.message ? ` (${error.message})` : '';
  switch (error.kind) {
    case 'auth':
      return `The API key was refused: check that it is set and still valid${detail}.`;
    case 'permission':
      return `This key or project is not allowed to do that${detail}.`;
    case 'not_eligible':
      return `This organisation can no longer create fine-tuning jobs (OpenAI is winding down self-serve fine-tuning; existing fine-tunes still serve chat)${detail}.`;
    case 'not_found':
      return `Not found: it may have been deleted, or belong to another project${detail}.`;
    case 'rate_limited':
      return error.retryAfterMs !== null
        ? `Rate limited: waiting ${Math.ceil(error.retryAfterMs / 1000)}s as the server asked${detail}.`
        : `Rate limited: waiting before trying again${detail}.`;
    case 'invalid_request':
      return error.param !== null
        ? `The request was refused because of "${error.param}": ${error.message}`
        : `The request was refused: ${error.message}`;
    case 'server':
      return `The service had an internal error; trying again later usually works${detail}.`;
    case 'network':
      return `Cannot reach the service: check the network or the base URL${detail}.`;
    case 'file':
      return `A local file could not be read: ${error.message}`;
    case 'unknown':
      return `Something went wrong: ${error.message}`;
  }
}
