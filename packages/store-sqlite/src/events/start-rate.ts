/**
 * "At most `ratePerSecond` events start per second", exactly: the start times of the last
 * `limit` starts, where the next start must wait until the oldest of them is `windowMs` old.
 * Whole rates use a one-second window. A fractional rate keeps at most floor(rate) starts per
 * second (below 1: one start every 1/rate seconds), so it never goes over.
 */
export class StartRate {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly starts: number[] = [];

  constructor(ratePerSecond: number) {
    if (!(ratePerSecond > 0) || !Number.isFinite(ratePerSecond)) throw new RangeError(`ratePerSecond must be a positive number, got ${ratePerSecond}`);
    this.limit = Math.max(1, Math.floor(ratePerSecond));
    this.windowMs = ratePerSecond >= 1 ? 1_000 : 1_000 / ratePerSecond;
  }

  /** How many events may start at `now`. */
  available(now: number): number {
    this.forget(now);
    return this.limit - this.starts.length;
  }

  /** How long until another start is allowed (0 when one is allowed now). */
  waitMs(now: number): number {
    this.forget(now);
    if (this.starts.length < this.limit) return 0;
    return (this.starts[0] as number) + this.windowMs - now;
  }

  record(now: number): void {
    this.starts.push(now);
  }

  private forget(now: number): void {
    while (this.starts.length > 0 && now - (this.starts[0] as number) >= this.windowMs) this.starts.shift();
  }
}
