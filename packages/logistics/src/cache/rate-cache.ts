import type { Clock } from '@interlock/core';
import type { LogisticsConnector, RateRequest } from '../connector.js';
import type { Rate } from '../models/rate.js';
import { stableKey, TtlCache, type TtlCacheStats } from './ttl-cache.js';

/** A day: carriers publish tariffs daily at most, and a quote is checked again at purchase. */
export const DEFAULT_RATE_TTL_MS = 24 * 60 * 60 * 1000;

export interface RateCacheOptions {
  clock: Clock;
  /** Default a day. */
  ttlMs?: number;
  maxEntries?: number;
}

/**
 * Rates as the hub holds them for every connector: fetched from the carrier, kept for the TTL (or
 * until the first quoted rate's `validUntil`, if earlier), then fetched again on the next read.
 * Identical requests (same provider, same addresses, parcels and services, in any key order)
 * share one entry and one in-flight call.
 */
export class RateCache {
  private readonly cache: TtlCache<Rate[]>;

  constructor(options: RateCacheOptions) {
    this.cache = new TtlCache<Rate[]>({
      clock: options.clock,
      ttlMs: options.ttlMs ?? DEFAULT_RATE_TTL_MS,
      expiresAt: (rates) => (rates.length === 0 ? undefined : Math.min(...rates.map((rate) => rate.validUntil))),
      ...(options.maxEntries === undefined ? {} : { maxEntries: options.maxEntries }),
    });
  }

  quote(connector: Pick<LogisticsConnector, 'provider' | 'quoteRates'>, request: RateRequest): Promise<Rate[]> {
    return this.cache.get(this.key(connector, request), () => connector.quoteRates(request));
  }

  /** Fetches the rates again now (a daily job), replacing the cached ones once the carrier answers. */
  refresh(connector: Pick<LogisticsConnector, 'provider' | 'quoteRates'>, request: RateRequest): Promise<Rate[]> {
    return this.cache.refresh(this.key(connector, request), () => connector.quoteRates(request));
  }

  get stats(): Readonly<TtlCacheStats> {
    return this.cache.stats;
  }

  private key(connector: Pick<LogisticsConnector, 'provider'>, request: RateRequest): string {
    return `${connector.provider}:${stableKey(request)}`;
  }
}
