import type { Clock } from '@interlock/core';

/** How a `TtlCache` keeps values. */
export interface TtlCacheOptions<V> {
  clock: Clock;
  /** How long a loaded value is served before the next read loads it again. */
  ttlMs: number;
  /** An earlier end for one value (a rate's `validUntil`); the earlier of the two wins. */
  expiresAt?(value: V): number | undefined;
  /** False for a value to hand to its callers without keeping (a transient failure). Default: keep all. */
  cacheable?(value: V): boolean;
  /** Entries kept at most; the ones expiring first go when it is reached. Default 10,000. */
  maxEntries?: number;
}

/** What the cache did, for tests and dashboards. */
export interface TtlCacheStats {
  hits: number;
  /** Reads that joined a load already under way instead of starting their own. */
  joined: number;
  loads: number;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
}

/**
 * A keyed cache driven by a clock: a value is served until its TTL (or its own earlier expiry)
 * passes, then the next read loads it again. Loads are single-flight: every read of a key while its
 * load runs waits for that load, so a burst of reads costs one call. A failed load keeps nothing,
 * and the next read tries again. Nothing runs in the background: expiry is checked when read.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly loading = new Map<string, Promise<V>>();
  private readonly maxEntries: number;
  readonly stats: TtlCacheStats = { hits: 0, joined: 0, loads: 0 };

  constructor(private readonly options: TtlCacheOptions<V>) {
    if (!(options.ttlMs > 0)) throw new RangeError(`ttlMs must be positive, got ${options.ttlMs}`);
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  /** The value for `key`: the cached one while fresh, the running load's, or a new load's. */
  get(key: string, load: () => Promise<V>): Promise<V> {
    const entry = this.entries.get(key);
    if (entry !== undefined && this.options.clock.now() < entry.expiresAt) {
      this.stats.hits++;
      return Promise.resolve(entry.value);
    }
    const running = this.loading.get(key);
    if (running !== undefined) {
      this.stats.joined++;
      return running;
    }
    return this.load(key, load);
  }

  /** Loads `key` again now, whatever is cached (a scheduled refresh); joins a load already running. */
  refresh(key: string, load: () => Promise<V>): Promise<V> {
    return this.loading.get(key) ?? this.load(key, load);
  }

  /** The cached value while fresh, without loading. */
  peek(key: string): V | undefined {
    const entry = this.entries.get(key);
    return entry !== undefined && this.options.clock.now() < entry.expiresAt ? entry.value : undefined;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Drops every expired entry. */
  prune(): void {
    const now = this.options.clock.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private load(key: string, load: () => Promise<V>): Promise<V> {
    this.stats.loads++;
    const promise = load().then(
      (value) => {
        this.loading.delete(key);
        this.store(key, value);
        return value;
      },
      (error: unknown) => {
        this.loading.delete(key);
        throw error;
      },
    );
    this.loading.set(key, promise);
    return promise;
  }

  private store(key: string, value: V): void {
    if (this.options.cacheable?.(value) === false) return;
    const now = this.options.clock.now();
    const own = this.options.expiresAt?.(value);
    const expiresAt = Math.min(now + this.options.ttlMs, own ?? Number.POSITIVE_INFINITY);
    if (expiresAt <= now) return;
    this.entries.set(key, { value, expiresAt });
    if (this.entries.size > this.maxEntries) this.evict();
  }

  private evict(): void {
    this.prune();
    const byExpiry = [...this.entries].sort((a, b) => a[1].expiresAt - b[1].expiresAt);
    for (const [key] of byExpiry.slice(0, this.entries.size - this.maxEntries)) this.entries.delete(key);
  }
}

/** JSON with object keys sorted, so two equal requests written in another key order share a cache key. */
export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'object' && item !== null && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
