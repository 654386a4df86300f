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
  private spread = 0;

  get spreadMs(): number {
    return this.spread;
  }

  observe(roundTripMs: number): void {
    if (!(roundTripMs >= 0)) return;
    this.samples[this.next] = roundTripMs;
    this.next = this.next + 1 === SAMPLES ? 0 : this.next + 1;
    if (this.count < SAMPLES) this.count++;
    let min = Number.POSITIVE_INFINITY;
    let max = 0;
    for (let i = 0; i < this.count; i++) {
      const sample = this.samples[i] as number;
      if (sample < min) min = sample;
      if (sample > max) max = sample;
    }
    this.spread = max - min;
  }
}
