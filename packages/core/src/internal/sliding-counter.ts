import type { Clock } from '../clock/clock.js';
import { requireOption } from './require-option.js';

export interface SlidingCounterOptions {
  windowMs: number;
  clock: Clock;
  /** How finely the window slides; more buckets cost memory, not time per call. Default 10. */
  buckets?: number;
}

/**
 * Counts events over the last `windowMs` in a fixed ring of buckets, so memory and per-call work
 * stay constant however much traffic passes. An event stays counted for between
 * `windowMs - windowMs / buckets` and `windowMs`, depending on where in its bucket it fell.
 */
export class SlidingCounter {
  private readonly clock: Clock;
  private readonly counts: number[];
  private readonly bucketMs: number;
  /** Absolute index (time / bucketMs) of the bucket the newest slot holds. */
  private newestBucket: number;
  private sum = 0;

  constructor(options: SlidingCounterOptions) {
    const buckets = options.buckets ?? 10;
    requireOption('windowMs', options.windowMs, options.windowMs > 0 && Number.isFinite(options.windowMs), 'a positive finite number');
    requireOption('buckets', buckets, Number.isInteger(buckets) && buckets >= 1, 'an integer >= 1');
    this.clock = options.clock;
    this.counts = new Array<number>(buckets).fill(0);
    this.bucketMs = options.windowMs / buckets;
    this.newestBucket = this.bucketAt(this.clock.now());
  }

  /** Records `count` events now; a caller that has just read the clock passes its reading. */
  add(count = 1, now: number = this.clock.now()): void {
    this.rotate(now);
    const slot = this.newestBucket % this.counts.length;
    this.counts[slot] = this.countAt(slot) + count;
    this.sum += count;
  }

  /** Events recorded within the window ending now. */
  get total(): number {
    this.rotate(this.clock.now());
    return this.sum;
  }

  /** Forgets everything recorded so far. */
  reset(): void {
    this.counts.fill(0);
    this.sum = 0;
    this.newestBucket = this.bucketAt(this.clock.now());
  }

  private bucketAt(time: number): number {
    return Math.floor(time / this.bucketMs);
  }

  private countAt(slot: number): number {
    return this.counts[slot] ?? 0;
  }

  /** Empties the slots of buckets that have slid out of the window since the last call. */
  private rotate(now: number): void {
    const current = this.bucketAt(now);
    // A clock stepping backwards keeps counting into the newest bucket rather than rewriting history.
    if (current <= this.newestBucket) return;
    const expired = Math.min(current - this.newestBucket, this.counts.length);
    for (let step = 1; step <= expired; step++) {
      const slot = (this.newestBucket + step) % this.counts.length;
      this.sum -= this.countAt(slot);
      this.counts[slot] = 0;
    }
    this.newestBucket = current;
  }
}
