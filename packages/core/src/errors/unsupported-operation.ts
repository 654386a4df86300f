import { IntegrationError } from './integration-error.js';

/** The reason of every refusal of an operation a connector does not implement: one spelling for callers to match. */
export const OPERATION_UNSUPPORTED = 'operation_unsupported';

/**
 * The typed refusal of an operation a connector's domain declares but the connector does not
 * implement (its provider's spec is not pinned, or the provider has no such call): thrown before
 * any request, `invalid_request` so it is never retried. `why` says what the connector does instead.
 */
export function unsupportedOperation(provider: string, endpoint: string, why: string): IntegrationError {
  return new IntegrationError('invalid_request', `${provider}: ${endpoint} is not supported (${why})`, {
    provider,
    endpoint,
    reason: OPERATION_UNSUPPORTED,
    requestMayHaveReachedProvider: false,
  });
}

/** A list that refuses when it is read, as the unsupported calls refuse when they are made. */
export function unsupportedList<T>(provider: string, endpoint: string, why: string): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(unsupportedOperation(provider, endpoint, why)) }),
  };
}
