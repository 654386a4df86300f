import { unsupportedOperation } from '@interlock/core';
import type { Rate } from '@interlock/logistics';
import { SENDCLOUD_PROVIDER } from '../provider.js';

/**
 * Refused with core's typed `operation_unsupported` error (`invalid_request`, never retried),
 * before any call. Sendcloud prices shipments through its Shipping Options API (sendcloud.dev,
 * "Shipping options & quotes"), whose spec is not among the mirrored ones
 * (../shared/providers/README.md), and v2 parcels has no quote either; its request and answer are
 * not written here from memory.
 */
export function quoteRates(): Promise<Rate[]> {
  return Promise.reject(unsupportedOperation(SENDCLOUD_PROVIDER, 'quoteRates', 'the Shipping Options spec is not pinned'));
}
