// Bins grow by 10%, so a quantile read from them is within 10% of the true one: fine for "50%
// above the baseline", and a few hundred numbers per endpoint however heavy the traffic.
const GROWTH = 1.1;
const LOG_GROWTH = Math.log(GROWTH);

function binOf(ms: number): number {
  return ms <= 1 ? 0 : Math.ceil(Math.log(ms) / LOG_GROWTH);
}

function upperBound(bin: number): number {
  return GROWTH ** bin;
}

/** Latencies per series in time buckets, as log-spaced bins; quantiles over any whole-bucket window. */
export class LatencyBins {
  private readonly series = new Map<string, Map<number, Map<number, number>>>();

  constructor(private readonly bucketMs: number) {}

  observe(key: string, at: number, ms: number): void {
    let buckets = this.series.get(key);
    if (!buckets) {
      buckets = new Map();
      this.series.set(key, buckets);
    }
    const start = at - (at % this.bucketMs);
    let bins = buckets.get(start);
    if (!bins) {
      bins = new Map();
      buckets.set(start, bins);
    }
    const bin = binOf(ms);
    bins.set(bin, (bins.get(bin) ?? 0) + 1);
  }

  /** The `q` quantile (ms) over [from, to) and the number of samples; no quantile without samples. */
  quantile(key: string, from: number, to: number, q: number): { value: number | undefined; samples: number } {
    const merged = new Map<number, number>();
    let samples = 0;
    const firstBucket = from - (from % this.bucketMs);
    for (const [start, bins] of this.series.get(key) ?? []) {
      if (start < firstBucket || start >= to) continue;
      for (const [bin, count] of bins) {
        merged.set(bin, (merged.get(bin) ?? 0) + count);
        samples += count;
      }
    }
    if (samples === 0) return { value: undefined, samples };
    const rank = Math.ceil(q * samples);
    let seen = 0;
    for (const bin of [...merged.keys()].sort((a, b) => a - b)) {
      seen += merged.get(bin) as number;
      if (seen >= rank) return { value: upperBound(bin), samples };
    }
    return { value: undefined, samples };
  }

  keys(): IterableIterator<string> {
    return this.series.keys();
  }

  prune(before: number): void {
    for (const [key, buckets] of this.series) {
      for (const start of buckets.keys()) if (start + this.bucketMs <= before) buckets.delete(start);
      if (buckets.size === 0) this.series.delete(key);
    }
  }
}
