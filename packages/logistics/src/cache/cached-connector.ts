import type { ReadOptions } from '@interlock/core';
import type { LogisticsConnector, RateRequest } from '../connector.js';
import type { RateCache } from './rate-cache.js';
import type { TrackingCache } from './tracking-cache.js';

/**
 * The connector with its rate quotes and tracking reads going through the hub's caches; every
 * other member is the connector's own, what a carrier adds beyond the interface included (UPS's
 * Track Alert subscriptions), so a wrapped connector loses nothing. The caches are shared across
 * connectors (keys carry the provider), so one of each serves the whole hub.
 */
export function cachedConnector<C extends LogisticsConnector>(connector: C, caches: { rates?: RateCache; tracking?: TrackingCache }): C {
  const { rates, tracking } = caches;
  return Object.freeze({
    ...connector,
    quoteRates: (request: RateRequest) => (rates === undefined ? connector.quoteRates(request) : rates.quote(connector, request)),
    track: (numbers: readonly string[], options?: ReadOptions) => (tracking === undefined ? connector.track(numbers, options) : tracking.track(connector, numbers, options)),
  });
}
