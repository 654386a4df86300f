import type { RateLimitRule } from './windows.js';

/**
 * The answer to a reservation: the slot's start time, or the earliest time one would exist.
 * A grant may say `nextAt`, the earliest time another reservation under the same rules could be
 * granted after this one, so that a caller with more requests waiting can sleep until then
 * instead of asking again at once.
 */
export type Reservation = { granted: true; startAt: number; nextAt?: number } | { granted: false; earliestAt: number };

/** The fastest and the slowest of a caller's recent round trips to an endpoint, in ms. */
export interface RoundTripRange {
  fastestMs: number;
  slowestMs: number;
}

/**
 * Where rate-limit state lives. Behind an interface so that several processes can share one
 * budget through a store such as Redis; every method may answer synchronously or with a promise.
 */
export interface RateLimitStore {
  /**
   * Atomically reserve one slot in EVERY rule at the earliest time all allow it, if that is
   * <= now + maxWaitMs; otherwise reserve nothing. `roundTrips` (the fastest and slowest of the
   * caller's recent round trips) widens every window's spacing by how much the time from a request
   * leaving to its arrival at the provider varies. A store remembers, per key and for ten seconds,
   * the fastest and the slowest round trip any caller asked with, and spaces every caller of the
   * key by the slowest minus the fastest: callers sharing a key (processes sharing a store) each
   * see only their own round trips, but one's slow request lands close to another's fast one.
   */
  reserve(rules: readonly RateLimitRule[], now: number, maxWaitMs: number, roundTrips?: RoundTripRange): Reservation | Promise<Reservation>;
  /**
   * Nothing may start under `key` before `until` (a 429 Retry-After, or remaining=0 with a
   * reset). `now` is the caller's time, for a store that expires what no longer matters.
   */
  pauseUntil(key: string, until: number, now?: number): void | Promise<void>;
  /** The provider says only `remaining` more requests are allowed under `key` until `resetAt`. */
  observeRemaining(key: string, remaining: number, resetAt: number, now: number): void | Promise<void>;
}
