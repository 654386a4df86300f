/**
 * Values per series in fixed time buckets, combined within a bucket and over a window (summed
 * for counts, the highest for a fill), so memory stays bounded by the longest window, not by
 * the traffic.
 */
export class Windowed {
  private readonly series = new Map<string, Map<number, number>>();

  constructor(
    private readonly bucketMs: number,
    private readonly combine: (a: number, b: number) => number,
  ) {}

  add(key: string, at: number, value = 1): void {
    let buckets = this.series.get(key);
    if (!buckets) {
      buckets = new Map();
      this.series.set(key, buckets);
    }
    const bucket = this.bucketOf(at);
    const before = buckets.get(bucket);
    buckets.set(bucket, before === undefined ? value : this.combine(before, value));
  }

  /** The buckets of [from, to) combined, by bucket start; undefined when none has a value. */
  over(key: string, from: number, to: number): number | undefined {
    let result: number | undefined;
    const first = this.bucketOf(from);
    for (const [bucket, value] of this.series.get(key) ?? []) {
      if (bucket >= first && bucket < to) result = result === undefined ? value : this.combine(result, value);
    }
    return result;
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

/** Counts: `over` is the total, 0 when nothing was counted. */
export class WindowedCounts {
  private readonly values: Windowed;

  constructor(bucketMs: number) {
    this.values = new Windowed(bucketMs, (a, b) => a + b);
  }

  add(key: string, at: number, by = 1): void {
    this.values.add(key, at, by);
  }

  sum(key: string, from: number, to: number): number {
    return this.values.over(key, from, to) ?? 0;
  }

  keys(): IterableIterator<string> {
    return this.values.keys();
  }

  prune(before: number): void {
    this.values.prune(before);
  }
}
