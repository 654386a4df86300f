import { requireOptionInRange } from '../internal/require-option.js';

/** "At most `ratePerSecond` events start per second" as whole starts: `limit` in any `windowMs`. */
export interface StartRate {
  limit: number;
  windowMs: number;
}

/**
 * The start rate every engine enforces for a consumer's `ratePerSecond`. A whole rate keeps a
 * one-second window. A fractional rate above 1 rounds down, since 2.5 starts in every second
 * cannot be honoured with whole events; below 1 it becomes one start per `1000 / rate` ms,
 * rounded up to whole ms (engines and BullMQ's limiter count in integers), so it never goes over.
 */
export function startRateOf(ratePerSecond: number): StartRate {
  requireOptionInRange('ratePerSecond', ratePerSecond, ratePerSecond > 0 && Number.isFinite(ratePerSecond), 'a positive finite number');
  if (ratePerSecond >= 1) return { limit: Math.floor(ratePerSecond), windowMs: 1_000 };
  return { limit: 1, windowMs: Math.ceil(1_000 / ratePerSecond) };
}

/**
 * Enforces a {@link StartRate} exactly over any sliding window: it remembers the last `limit`
 * start times, and a new start is allowed once the oldest of them has left the window. Bursts up
 * to the limit are allowed, so one claim can fetch a whole batch.
 */
export class StartWindow {
  private readonly starts: number[] = [];

  constructor(private readonly rate: StartRate) {}

  /** How many events may start at `now`. */
  available(now: number): number {
    this.forget(now);
    return this.rate.limit - this.starts.length;
  }

  /** When the next start will be allowed (`now` if one is allowed already). */
  nextFreeAt(now: number): number {
    this.forget(now);
    const oldest = this.starts[0];
    return this.starts.length < this.rate.limit || oldest === undefined ? now : oldest + this.rate.windowMs;
  }

  /** Counts `count` starts at `now`. */
  record(now: number, count = 1): void {
    for (let i = 0; i < count; i++) this.starts.push(now);
  }

  private forget(now: number): void {
    while (this.starts.length > 0 && now - (this.starts[0] as number) >= this.rate.windowMs) this.starts.shift();
  }
}
