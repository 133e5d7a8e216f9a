import { expect } from 'vitest';
import { ProviderError } from '../../src/api/types.js';

/** Awaits a provider call that must fail, and returns its ProviderError (failing the test otherwise). */
export async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}
