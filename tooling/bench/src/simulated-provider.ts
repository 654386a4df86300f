import type { Clock, Transport, TransportResponse } from '@interlock/core';

/** At most `limit` accepted requests in any `windowMs` (a request at t counts until t + windowMs). */
export interface ProviderLimit {
  limit: number;
  windowMs: number;
}

/**
 * A provider that enforces several sliding windows at once by counting the requests it accepted,
 * and answers 429 with an integer-seconds Retry-After (as real providers do) when accepting one
 * more would exceed any of them. Rejected requests do not count against the windows. It reads
 * time from the injected clock, so under a FakeClock a 100-second run takes no real time.
 */
export class SimulatedProvider {
  /** Arrival times of accepted requests, in order (time never goes backwards on one clock). */
  readonly accepted: number[] = [];
  rejected = 0;
  private readonly ok: TransportResponse = { status: 200, headers: new Headers({ 'content-type': 'application/json' }), bodyText: '{"ok":true}' };

  /**
   * `oneWayMs`, when given, is drawn for each leg of each request (there and back) and spent on
   * the clock: the provider then counts a request when it ARRIVES, not when the client sent it.
   */
  constructor(
    private readonly clock: Clock,
    readonly limits: readonly ProviderLimit[],
    private readonly oneWayMs?: () => number,
  ) {}

  readonly transport: Transport = async () => {
    const { oneWayMs } = this;
    if (!oneWayMs) return this.answer(this.clock.now());
    await this.clock.sleep(oneWayMs());
    const response = this.answer(this.clock.now());
    await this.clock.sleep(oneWayMs());
    return response;
  };

  /** Milliseconds until a request arriving at `at` would be accepted; 0 when it would be now. */
  waitAt(at: number): number {
    let wait = 0;
    for (const { limit, windowMs } of this.limits) {
      const oldestCounted = this.accepted[this.accepted.length - limit];
      if (oldestCounted !== undefined && oldestCounted + windowMs > at) wait = Math.max(wait, oldestCounted + windowMs - at);
    }
    return wait;
  }

  /** Accepts the request arriving at `at`, or refuses it with a 429 and Retry-After. */
  answer(at: number): TransportResponse {
    const wait = this.waitAt(at);
    if (wait === 0) {
      this.accepted.push(at);
      return this.ok;
    }
    this.rejected++;
    return {
      status: 429,
      headers: new Headers({ 'content-type': 'application/json', 'retry-after': String(Math.ceil(wait / 1000)) }),
      bodyText: '{"error":"rate_limited"}',
    };
  }
}

/**
 * The shortest span in which any client could have `count` requests accepted: send each one at
 * the earliest moment every window allows. It is what "100% of the allowance" means below.
 */
export function idealSpanMs(limits: readonly ProviderLimit[], count: number): number {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    let at = i === 0 ? 0 : (times[i - 1] as number);
    for (const { limit, windowMs } of limits) {
      const blocking = times[i - limit];
      if (blocking !== undefined && blocking + windowMs > at) at = blocking + windowMs;
    }
    times.push(at);
  }
  return count === 0 ? 0 : (times[count - 1] as number) - (times[0] as number);
}
