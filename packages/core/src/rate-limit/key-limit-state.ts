import { SlidingWindowLog } from './sliding-window-log.js';
import type { RoundTripRange } from './store.js';
import { sameWindows, type RateWindow } from './windows.js';

const NO_WINDOWS: readonly RateWindow[] = [];

/** How long a caller's round trips widen everyone's spacing under a key: long enough to outlast a burst, short enough to relax after. */
export const SHARED_MARGIN_MEMORY_MS = 10_000;

/**
 * Everything that decides when the next request under one key may start: its windows, a pause
 * (Retry-After), a temporary budget reported by the provider, and the last start granted.
 */
export class KeyLimitState {
  private windows: readonly RateWindow[] = NO_WINDOWS;
  private logs: SlidingWindowLog[] = [];
  private pausedUntil = Number.NEGATIVE_INFINITY;
  // Starts are granted in non-decreasing order per key: callers are served FIFO, and the
  // sliding-window logs rely on it.
  private lastStartAt = Number.NEGATIVE_INFINITY;
  private budgetRemaining = Number.POSITIVE_INFINITY;
  private budgetResetAt = Number.NEGATIVE_INFINITY;
  private fastestMs = Number.POSITIVE_INFINITY;
  private fastestAt = Number.NEGATIVE_INFINITY;
  private slowestMs = Number.NEGATIVE_INFINITY;
  private slowestAt = Number.NEGATIVE_INFINITY;

  /** Applies the caller's windows; a changed configuration starts the window logs afresh. */
  configure(windows: readonly RateWindow[]): void {
    if (windows === this.windows) return;
    if (!sameWindows(windows, this.windows)) this.logs = windows.map((window) => new SlidingWindowLog(window));
    this.windows = windows;
  }

  /** The earliest time a request under this key may start, each window widened by `extraMarginMs`. */
  earliestAt(extraMarginMs = 0): number {
    let at = this.pausedUntil > this.lastStartAt ? this.pausedUntil : this.lastStartAt;
    if (this.budgetRemaining <= 0 && this.budgetResetAt > at) at = this.budgetResetAt;
    for (let i = 0; i < this.logs.length; i++) {
      const windowAt = (this.logs[i] as SlidingWindowLog).earliestAt(extraMarginMs);
      if (windowAt > at) at = windowAt;
    }
    return at;
  }

  /** Records a start at `startAt`, which must be at or after `earliestAt()`. */
  record(startAt: number): void {
    this.lastStartAt = startAt;
    if (startAt < this.budgetResetAt) this.budgetRemaining--;
    for (let i = 0; i < this.logs.length; i++) (this.logs[i] as SlidingWindowLog).record(startAt);
  }

  /**
   * The spacing to add for arrival times: the slowest round trip minus the fastest, over the
   * caller's own (`roundTrips`) and those any caller under this key asked with in the last
   * {@link SHARED_MARGIN_MEMORY_MS}. Callers sharing a key (processes sharing a store) each learn
   * only their own round trips, yet one's slow request lands close to another's fast one.
   */
  marginMs(roundTrips: RoundTripRange | undefined, now: number): number {
    const recent = now - SHARED_MARGIN_MEMORY_MS;
    let fastest = roundTrips?.fastestMs ?? Number.POSITIVE_INFINITY;
    let slowest = roundTrips?.slowestMs ?? Number.NEGATIVE_INFINITY;
    if (this.fastestAt > recent && this.fastestMs < fastest) fastest = this.fastestMs;
    if (this.slowestAt > recent && this.slowestMs > slowest) slowest = this.slowestMs;
    return slowest > fastest ? slowest - fastest : 0;
  }

  /** Remembers the round trips a reservation at `now` was asked with, granted or not. */
  noteRoundTrips(roundTrips: RoundTripRange | undefined, now: number): void {
    if (roundTrips === undefined) return;
    const stale = now - SHARED_MARGIN_MEMORY_MS;
    if (roundTrips.fastestMs <= this.fastestMs || this.fastestAt <= stale) {
      this.fastestMs = roundTrips.fastestMs;
      this.fastestAt = now;
    }
    if (roundTrips.slowestMs >= this.slowestMs || this.slowestAt <= stale) {
      this.slowestMs = roundTrips.slowestMs;
      this.slowestAt = now;
    }
  }

  /** Holds every start until `until`; a shorter pause never cuts a longer one short. */
  pauseUntil(until: number): void {
    if (until > this.pausedUntil) this.pausedUntil = until;
  }

  /** Allows only `remaining` more starts before `resetAt`. */
  limitRemaining(remaining: number, resetAt: number, now: number): void {
    if (resetAt <= now) return;
    // Responses can arrive out of order: a report for the same (or an earlier) reset that shows
    // more room than we already know of is stale, since a provider's count only falls within a window.
    if (resetAt <= this.budgetResetAt) {
      if (remaining < this.budgetRemaining) this.budgetRemaining = remaining;
      return;
    }
    this.budgetRemaining = remaining;
    this.budgetResetAt = resetAt;
  }
}
