import { TimeBuckets } from './time-buckets.js';

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
  private readonly buckets: TimeBuckets<Map<number, number>>;

  constructor(bucketMs: number) {
    this.buckets = new TimeBuckets(bucketMs);
  }

  observe(key: string, at: number, ms: number): void {
    const bin = binOf(ms);
    this.buckets.update(key, at, (bins = new Map()) => bins.set(bin, (bins.get(bin) ?? 0) + 1));
  }

  /** The `q` quantile (ms) over [from, to) and the number of samples; no quantile without samples. */
  quantile(key: string, from: number, to: number, q: number): { value: number | undefined; samples: number } {
    const merged = new Map<number, number>();
    let samples = 0;
    for (const bins of this.buckets.within(key, from, to)) {
      for (const [bin, count] of bins) {
        merged.set(bin, (merged.get(bin) ?? 0) + count);
        samples += count;
      }
    }
    const rank = Math.ceil(q * samples);
    let seen = 0;
    for (const bin of [...merged.keys()].sort((a, b) => a - b)) {
      seen += merged.get(bin) as number;
      if (seen >= rank) return { value: upperBound(bin), samples };
    }
    return { value: undefined, samples };
  }

  keys(): IterableIterator<string> {
    return this.buckets.keys();
  }

  prune(before: number): void {
    this.buckets.prune(before);
  }
}
