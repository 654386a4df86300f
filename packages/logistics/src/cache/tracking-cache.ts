import { isRetryableKind, untilAborted, type Clock, type ReadOptions } from '@interlock/core';
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
 * One call to the carrier that several callers may be waiting on. It is abandoned only when every
 * one of them has stopped waiting: a caller that gives up must not take the answer from the rest.
 */
class SharedRead {
  readonly controller = new AbortController();
  private waiting = 0;

  wait(): void {
    this.waiting++;
  }

  stopWaiting(reason: unknown): void {
    if (--this.waiting === 0) this.controller.abort(reason);
  }
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
  private readonly reading = new Map<string, SharedRead>();

  constructor(options: TrackingCacheOptions) {
    this.cache = new TtlCache<TrackingResult>({
      clock: options.clock,
      ttlMs: options.ttlMs ?? DEFAULT_TRACKING_TTL_MS,
      cacheable: (result) => result.found || !isRetryableKind(result.error.kind),
      ...(options.maxEntries === undefined ? {} : { maxEntries: options.maxEntries }),
    });
  }

  /**
   * Numbers already being read join that read. A caller's signal ends its own wait at once; the
   * carrier call behind it is abandoned only when no caller still waits for it.
   */
  track(connector: Pick<LogisticsConnector, 'provider' | 'track'>, trackingNumbers: readonly string[], options?: ReadOptions): Promise<TrackingResult[]> {
    const signal = options?.signal;
    if (signal?.aborted) return untilAborted(Promise.resolve([]), signal);
    const batch = deferred<ReadonlyMap<string, TrackingResult>>();
    const mine = new SharedRead();
    const missing: string[] = [];
    const waitedOn = new Set<SharedRead>();
    const reads = trackingNumbers.map((number) => {
      const key = `${connector.provider}:${number}`;
      const read = this.cache.get(key, () => {
        missing.push(number);
        this.reading.set(key, mine);
        return batch.promise.then((results) => results.get(number) ?? notReturned(number)).finally(() => {
          if (this.reading.get(key) === mine) this.reading.delete(key);
        });
      });
      const shared = this.reading.get(key);
      if (shared !== undefined) waitedOn.add(shared);
      return read;
    });
    if (missing.length > 0) {
      connector.track(missing, { ...options, signal: mine.controller.signal }).then(
        (results) => batch.resolve(new Map(results.map((result): [string, TrackingResult] => [result.trackingNumber, result]))),
        (error: unknown) => batch.reject(error),
      );
    }
    return this.waitFor(Promise.all(reads), waitedOn, signal);
  }

  private waitFor(all: Promise<TrackingResult[]>, waitedOn: ReadonlySet<SharedRead>, signal: AbortSignal | undefined): Promise<TrackingResult[]> {
    for (const shared of waitedOn) shared.wait();
    if (signal === undefined) return all;
    const giveUp = (): void => {
      for (const shared of waitedOn) shared.stopWaiting(signal.reason);
    };
    signal.addEventListener('abort', giveUp, { once: true });
    const settled = (): void => signal.removeEventListener('abort', giveUp);
    all.then(settled, settled);
    return untilAborted(all, signal);
  }

  get stats(): Readonly<TtlCacheStats> {
    return this.cache.stats;
  }
}

/** A carrier answer that left out a number asked for: a broken contract, not a missing parcel. */
function notReturned(trackingNumber: string): TrackingResult {
  return { trackingNumber, found: false, error: { kind: 'contract_violation', reason: 'result_missing', message: 'the carrier returned no result for this number' } };
}
