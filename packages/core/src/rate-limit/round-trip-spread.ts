import type { RoundTripRange } from './store.js';

// Enough round trips to see a path's usual range, few enough that one slow outlier (a provider's
// GC pause, a cold connection) stops widening the spacing after a few seconds of traffic.
const SAMPLES = 64;

/**
 * How much the round trips to one endpoint vary lately: the slowest minus the fastest of the
 * last {@link SAMPLES}. The provider counts a request when it ARRIVES, so two requests sent a
 * window apart can land closer than that by as much as their ways there differ. That one-way
 * spread cannot be seen, but it is part of the round trip's: when the legs vary independently
 * the spread of their sum is at least the spread of either, so this is a safe stand-in.
 */
export class RoundTripSpread {
  private readonly samples = new Float64Array(SAMPLES);
  private count = 0;
  private next = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = 0;

  get spreadMs(): number {
    return this.count === 0 ? 0 : this.max - this.min;
  }

  /** The fastest and slowest recent round trips; undefined before the first. */
  get range(): RoundTripRange | undefined {
    return this.count === 0 ? undefined : { fastestMs: this.min, slowestMs: this.max };
  }

  observe(roundTripMs: number): void {
    if (!(roundTripMs >= 0)) return;
    const evicted = this.count === SAMPLES ? (this.samples[this.next] as number) : undefined;
    this.samples[this.next] = roundTripMs;
    this.next = this.next + 1 === SAMPLES ? 0 : this.next + 1;
    if (this.count < SAMPLES) this.count++;
    // Every answer lands here: rescan only when the sample pushed out was an extreme that the
    // new one does not replace (round trips in whole milliseconds repeat, often the extreme itself).
    if (evicted !== undefined && ((evicted <= this.min && roundTripMs > evicted) || (evicted >= this.max && roundTripMs < evicted))) {
      this.rescan();
      return;
    }
    if (roundTripMs < this.min) this.min = roundTripMs;
    if (roundTripMs > this.max) this.max = roundTripMs;
  }

  private rescan(): void {
    this.min = Number.POSITIVE_INFINITY;
    this.max = 0;
    for (let i = 0; i < this.count; i++) {
      const sample = this.samples[i] as number;
      if (sample < this.min) this.min = sample;
      if (sample > this.max) this.max = sample;
    }
  }
}
