/**
 * Counts per series in fixed time buckets, so a window's total is a sum over its buckets and
 * memory stays bounded by the longest window, not by the traffic.
 */
export class WindowedCounts {
  private readonly series = new Map<string, Map<number, number>>();

  constructor(private readonly bucketMs: number) {}

  add(key: string, at: number, by = 1): void {
    let buckets = this.series.get(key);
    if (!buckets) {
      buckets = new Map();
      this.series.set(key, buckets);
    }
    const bucket = this.bucketOf(at);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + by);
  }

  /** The count over [from, to), by bucket start: a bucket belongs to the window its start is in. */
  sum(key: string, from: number, to: number): number {
    let total = 0;
    for (const [bucket, count] of this.series.get(key) ?? []) if (bucket >= this.bucketOf(from) && bucket < to) total += count;
    return total;
  }

  keys(): IterableIterator<string> {
    return this.series.keys();
  }

  /** Forgets the buckets that end before `before`. */
  prune(before: number): void {
    for (const [key, buckets] of this.series) {
      for (const bucket of buckets.keys()) if (bucket + this.bucketMs <= before) buckets.delete(bucket);
      if (buckets.size === 0) this.series.delete(key);
    }
  }

  private bucketOf(at: number): number {
    return at - (at % this.bucketMs);
  }
}
