/**
 * Values per series in fixed time buckets, so memory stays bounded by the longest window read,
 * not by the traffic. What a bucket holds (a count, a highest fill, latency bins) is the caller's.
 */
export class TimeBuckets<V> {
  private readonly series = new Map<string, Map<number, V>>();

  constructor(private readonly bucketMs: number) {}

  /** Replaces the value of `at`'s bucket with `next(the value so far)`. */
  update(key: string, at: number, next: (value: V | undefined) => V): void {
    let buckets = this.series.get(key);
    if (!buckets) {
      buckets = new Map();
      this.series.set(key, buckets);
    }
    const bucket = this.bucketOf(at);
    buckets.set(bucket, next(buckets.get(bucket)));
  }

  /** The values of the buckets starting in [from's bucket, to). */
  *within(key: string, from: number, to: number): IterableIterator<V> {
    const first = this.bucketOf(from);
    for (const [bucket, value] of this.series.get(key) ?? []) if (bucket >= first && bucket < to) yield value;
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
