import { TimeBuckets } from './time-buckets.js';

/** Numbers per series over time windows, combined within a bucket and over a window (summed, or the highest). */
export class Windowed {
  private readonly buckets: TimeBuckets<number>;

  constructor(
    bucketMs: number,
    private readonly combine: (a: number, b: number) => number,
  ) {
    this.buckets = new TimeBuckets(bucketMs);
  }

  add(key: string, at: number, value = 1): void {
    this.buckets.update(key, at, (before) => (before === undefined ? value : this.combine(before, value)));
  }

  /** The buckets of [from, to) combined; undefined when none has a value. */
  over(key: string, from: number, to: number): number | undefined {
    let result: number | undefined;
    for (const value of this.buckets.within(key, from, to)) result = result === undefined ? value : this.combine(result, value);
    return result;
  }

  keys(): IterableIterator<string> {
    return this.buckets.keys();
  }

  prune(before: number): void {
    this.buckets.prune(before);
  }
}

/** Counts: `sum` is the total over a window, 0 when nothing was counted. */
export class WindowedCounts extends Windowed {
  constructor(bucketMs: number) {
    super(bucketMs, (a, b) => a + b);
  }

  sum(key: string, from: number, to: number): number {
    return this.over(key, from, to) ?? 0;
  }
}
