import { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { describe, expect, it } from 'vitest';
import { redactKeys, retryAfterMs, toProviderError } from '../../../src/api/openai/errors.js';
import { ProviderError } from '../../../src/api/types.js';

const sdkError = (status: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  APIError.generate(status, { error: { message, type: 'invalid_request_error', ...extra } }, undefined, new Headers(headers));

const kindOf = (e: unknown) => (toProviderError(e) as ProviderError).kind;

describe('toProviderError', () => {
  it('recognises the ways services say an organisation may not fine-tune', () => {
    for (const message of [
      'Your organization is not eligible to create new fine-tuning jobs.',
      'Fine-tuning is not available for your organization.',
      'You do not have access to fine-tuning.',
      'This organization cannot create fine-tuning jobs at this time.',
    ]) {
      expect(kindOf(sdkError(403, message)), message).toBe('not_eligible');
    }
    expect(kindOf(sdkError(403, 'You have insufficient permissions for this operation. Missing scopes: api.model.read.'))).toBe('permission');
  });

  it('quota exhaustion is a rate limit that tells the user to check billing', () => {
    const e = toProviderError(sdkError(429, 'You exceeded your current quota', { code: 'insufficient_quota' })) as ProviderError;
    expect(e.kind).toBe('rate_limited');
    expect(e.message).toMatch(/quota/);
  });

  it('timeouts are network, aborts pass through, other errors are untouched', () => {
    expect(kindOf(new APIConnectionTimeoutError())).toBe('network');
    const abort = new APIUserAbortError();
    expect(toProviderError(abort)).toBe(abort);
    const bug = new RangeError('x');
    expect(toProviderError(bug)).toBe(bug);
  });

  it('no message ever carries something shaped like a key', () => {
    const key = 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789';
    for (const status of [400, 403, 404, 429, 500]) {
      const e = toProviderError(sdkError(status, `Something about ${key} here`)) as ProviderError;
      expect(e.message).not.toContain('abcdefghijklmnop');
    }
    expect(redactKeys(`key ${key} and job ftjob-abc123`)).toBe('key [redacted] and job ftjob-abc123');
  });

  it('retry-after: seconds, milliseconds or an HTTP date', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '3' }))).toBe(3000);
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '120' }))).toBe(120);
    const now = Date.UTC(2026, 0, 1, 0, 0, 0);
    expect(retryAfterMs(new Headers({ 'retry-after': new Date(now + 5000).toUTCString() }), now)).toBe(5000);
    expect(retryAfterMs(new Headers())).toBeNull();
  });
});
