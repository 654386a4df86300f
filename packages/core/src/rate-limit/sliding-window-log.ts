import { windowSpacingMs, type RateWindow } from './windows.js';

const INITIAL_CAPACITY = 16;

/**
 * The start times of the last `limit` grants under one window, oldest first, in a ring buffer.
 * Keeping exactly the last `limit` grants (rather than counters per fixed bucket) is what makes
 * "at most `limit` in ANY interval of `windowMs`" hold exactly, so a provider counting with a
 * sliding window and one counting with fixed windows both see no violation.
 *
 * Grants must be recorded in non-decreasing time order; the owning key state guarantees it.
 */
export class SlidingWindowLog {
  readonly limit: number;
  readonly windowMs: number;
  /** The window plus its safety margin: the spacing actually enforced between grant i and i + limit. */
  readonly spacingMs: number;
  // Grows up to `limit` on demand: a daily quota of a million would otherwise pin 8 MB per key
  // from the first call, however little it is used.
  private grants: Float64Array;
  private count = 0;
  /** Once full: the slot of the oldest grant, which the next grant overwrites. */
  private oldest = 0;

  constructor(window: RateWindow) {
    this.spacingMs = windowSpacingMs(window);
    this.limit = window.limit;
    this.windowMs = window.windowMs;
    this.grants = new Float64Array(Math.min(window.limit, INITIAL_CAPACITY));
  }

  /**
   * The earliest time another grant keeps every interval of `windowMs` at or under `limit`, with
   * `extraMarginMs` more spacing (how much the way to the provider varies, learnt by the limiter).
   */
  earliestAt(extraMarginMs = 0): number {
    if (this.count < this.limit) return Number.NEGATIVE_INFINITY;
    return (this.grants[this.oldest] as number) + this.spacingMs + extraMarginMs;
  }

  record(at: number): void {
    if (this.count === this.limit) {
      this.grants[this.oldest] = at;
      this.oldest = this.oldest + 1 === this.limit ? 0 : this.oldest + 1;
      return;
    }
    // Until the log is full it fills linearly from slot 0, so growing is a plain copy.
    if (this.count === this.grants.length) this.grow();
    this.grants[this.count++] = at;
  }

  private grow(): void {
    const grown = new Float64Array(Math.min(this.limit, this.grants.length * 2));
    grown.set(this.grants);
    this.grants = grown;
  }
}
