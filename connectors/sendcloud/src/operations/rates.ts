import { unsupportedOperation } from '@interlock/core';
import type { Rate } from '@interlock/logistics';
import { SENDCLOUD_PROVIDER } from '../provider.js';

/**
 * Refused with core's typed `operation_unsupported` error (`invalid_request`, never retried),
 * before any call. Sendcloud prices shipments through its Shipping Options API (sendcloud.dev,
 * `POST /v3/shipping-options` with `calculate_quotes`), whose spec is not among the mirrored ones
 * (../shared/providers/README.md), and v2 parcels has no quote either. The public pages show the
 * request and each option's identity (code, carrier, product) but not the shape of its quotes,
 * which is where a rate's money would come from, so neither is written here from memory.
 */
export function quoteRates(): Promise<Rate[]> {
  return Promise.reject(unsupportedOperation(SENDCLOUD_PROVIDER, 'quoteRates', 'the Shipping Options spec is not pinned'));
}
