import { isRetryableKind, type Clock, type ReadOptions } from '@interlock/core';
import type { LogisticsConnector, TrackingResult } from '../connector.js';
import { TtlCache, type TtlCacheStats } from './ttl-cache.js';

/** Five minutes: carriers scan a parcel a few times a day, and their tracking quotas are small. */
export const DEFAULT_TRACKING_TTL_MS = 5 * 60 * 1000;

export interface TrackingCacheOptions {
  clock: Clock;
  /** Default five minutes. */
  ttlMs?: number;
  maxEntries?: number;
}

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(reason: unknown): void } {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

/**
 * Tracking reads through a cache per tracking number: a number read within the TTL is answered
 * from the cache, a number whose read is under way joins it, and the rest go to the carrier in one
 * batch. A burst of reads for one number costs one call. A transient per-number failure (the
 * carrier's rate limit on that number) is handed back but not kept; "not found" is kept like a
 * result, since asking again within minutes will not change it.
 */
export class TrackingCache {
  private readonly cache: TtlCache<TrackingResult>;

  constructor(options: TrackingCacheOptions) {
    this.cache = new TtlCache<TrackingResult>({
      clock: options.clock,
      ttlMs: options.ttlMs ?? DEFAULT_TRACKING_TTL_MS,
      cacheable: (result) => result.found || !isRetryableKind(result.error.kind),
      ...(options.maxEntries === undefined ? {} : { maxEntries: options.maxEntries }),
    });
  }

  /** Numbers already being read join that read, and share its end: the signal of the read that went to the carrier. */
  track(connector: Pick<LogisticsConnector, 'provider' | 'track'>, trackingNumbers: readonly string[], options?: ReadOptions): Promise<TrackingResult[]> {
    const batch = deferred<ReadonlyMap<string, TrackingResult>>();
    const missing: string[] = [];
    const reads = trackingNumbers.map((number) =>
      this.cache.get(`${connector.provider}:${number}`, () => {
        missing.push(number);
        return batch.promise.then((results) => results.get(number) ?? notReturned(number));
      }),
    );
    if (missing.length > 0) {
      connector.track(missing, options).then(
        (results) => batch.resolve(new Map(results.map((result): [string, TrackingResult] => [result.trackingNumber, result]))),
        (error: unknown) => batch.reject(error),
      );
    }
    return Promise.all(reads);
  }

  get stats(): Readonly<TtlCacheStats> {
    return this.cache.stats;
  }
}

/** A carrier answer that left out a number asked for: a broken contract, not a missing parcel. */
function notReturned(trackingNumber: string): TrackingResult {
  return { trackingNumber, found: false, error: { kind: 'contract_violation', reason: 'result_missing', message: 'the carrier returned no result for this number' } };
}
