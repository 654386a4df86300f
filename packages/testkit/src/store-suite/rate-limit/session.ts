import type { RateLimitRule, RateLimitStore, RateWindow, Reservation, RoundTripRange } from '@interlock/core';
import type { RateLimitStoreHarness } from '../rate-limit-store-suite.js';

/** Epoch milliseconds the checks count from, so engines see times shaped like real ones. */
export const T0 = Date.UTC(2026, 0, 1);

/** `limit` per `windowMs` under `key`, with no margin unless given, so expected times are exact. */
export function rule(key: string, limit: number, windowMs = 1_000, marginMs = 0): RateLimitRule {
  return { key, windows: [{ limit, windowMs, marginMs }] };
}

export function rules(key: string, ...windows: RateWindow[]): RateLimitRule {
  return { key, windows };
}

/** Runs `body` on a fresh harness and always cleans up. */
export async function withHarness(create: () => Promise<RateLimitStoreHarness>, body: (harness: RateLimitStoreHarness) => Promise<void>): Promise<void> {
  const harness = await create();
  try {
    await body(harness);
  } finally {
    await harness.cleanup();
  }
}

/** A reservation, whether the engine answers synchronously or not. */
export async function reserve(store: RateLimitStore, ruleList: readonly RateLimitRule[], now: number, maxWaitMs: number, roundTrips?: RoundTripRange): Promise<Reservation> {
  return store.reserve(ruleList, now, maxWaitMs, roundTrips);
}

/** The start times of `count` reservations that may wait as long as they need, asked at `now`. */
export async function starts(store: RateLimitStore, ruleList: readonly RateLimitRule[], count: number, now = T0): Promise<number[]> {
  const found: number[] = [];
  for (let i = 0; i < count; i++) {
    const reservation = await reserve(store, ruleList, now, Number.POSITIVE_INFINITY);
    if (!reservation.granted) throw new Error(`reservation ${i} refused with no limit on the wait`);
    found.push(reservation.startAt - T0);
  }
  return found;
}
