import { IntegrationError } from '@interlock/core';
import type { Rate } from '@interlock/logistics';
import { SENDCLOUD_PROVIDER } from '../provider.js';

/**
 * Refused with a typed `operation_unsupported` error (`invalid_request`, never retried), before
 * any call. Sendcloud prices shipments through its Shipping Options API (sendcloud.dev, "Shipping
 * options & quotes"), whose spec is not among the mirrored ones (../shared/providers/README.md),
 * and v2 parcels has no quote either; its request and answer are not written here from memory.
 */
export function quoteRates(): Promise<Rate[]> {
  return Promise.reject(
    new IntegrationError('invalid_request', `${SENDCLOUD_PROVIDER}: quoteRates is not supported (the Shipping Options spec is not pinned)`, {
      provider: SENDCLOUD_PROVIDER,
      endpoint: 'quoteRates',
      reason: 'operation_unsupported',
      requestMayHaveReachedProvider: false,
    }),
  );
}
