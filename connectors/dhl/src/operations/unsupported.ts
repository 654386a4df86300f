import { IntegrationError } from '@interlock/core';
import { DHL_PROVIDER } from '../provider.js';

/**
 * Rates, labels, voids and shipment lookups are DHL Express's (the MyDHL API, Basic auth, its own
 * base URL), not implemented in this release: ../shared/providers holds none of its shapes, and
 * the contracts are still to be written from DHL's MyDHL OpenAPI. Until then each of them refuses
 * before any call, with a typed error a caller can tell apart, rather than sending a guessed shape.
 */
export function unsupported(endpoint: string): IntegrationError {
  return new IntegrationError('invalid_request', `${DHL_PROVIDER}: ${endpoint} is not supported (DHL Express / MyDHL API not implemented; this connector tracks only)`, {
    provider: DHL_PROVIDER,
    endpoint,
    reason: 'capability_unsupported',
    requestMayHaveReachedProvider: false,
  });
}

/** A list that refuses when it is read, as the other unsupported capabilities refuse when called. */
export function unsupportedList<T>(endpoint: string): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(unsupported(endpoint)) }),
  };
}
