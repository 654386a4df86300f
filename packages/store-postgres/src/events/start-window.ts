/**
 * Enforces "at most `ratePerSecond` starts per second" exactly, over any sliding window: it
 * remembers the last `capacity` start times, and a new start is allowed once the oldest of them
 * has left the window. Bursts up to the capacity are allowed, as BullMQ's limiter allows, so one
 * claim can fetch a whole batch.
 *
 * A fractional rate below 1 becomes one start per `1000 / rate` ms; above 1 it rounds down,
 * since 2.5 starts in every second cannot be honoured with whole events.
 */
export class StartWindow {
  private readonly starts: number[] = [];
  private readonly capacity: number;
  private readonly windowMs: number;

  constructor(ratePerSecond: number) {
    if (!Number.isFinite(ratePerSecond) || ratePerSecond <= 0) {
      throw new TypeError(`Invalid ratePerSecond: expected a positive finite number, got ${String(ratePerSecond)}`);
    }
    this.capacity = Math.max(1, Math.floor(ratePerSecond));
    this.windowMs = ratePerSecond >= 1 ? 1_000 : 1_000 / ratePerSecond;
  }

  /** How many events may start at `now`. */
  available(now: number): number {
    this.forget(now);
    return this.capacity - this.starts.length;
  }

  /** When the next start will be allowed (`now` if one is allowed already). */
  nextFreeAt(now: number): number {
    this.forget(now);
    const oldest = this.starts[0];
    return this.starts.length < this.capacity || oldest === undefined ? now : oldest + this.windowMs;
  }

  /** Counts `count` starts at `now`. */
  record(now: number, count = 1): void {
    for (let i = 0; i < count; i++) this.starts.push(now);
  }

  private forget(now: number): void {
    while (this.starts.length > 0 && now - (this.starts[0] as number) >= this.windowMs) this.starts.shift();
  }
}
