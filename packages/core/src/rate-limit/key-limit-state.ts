import { SlidingWindowLog } from './sliding-window-log.js';
import { sameWindows, type RateWindow } from './windows.js';

const NO_WINDOWS: readonly RateWindow[] = [];

/** How long a caller's extra margin widens everyone's under a key: long enough to outlast a burst, short enough to relax after. */
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
  private sharedMarginMs = 0;
  private sharedMarginAt = Number.NEGATIVE_INFINITY;

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
   * The widest extra margin any caller under this key granted with in the last
   * {@link SHARED_MARGIN_MEMORY_MS}, or `extraMarginMs` when that is wider. Callers sharing a key
   * (processes sharing a store) each learn only their own round trips, but a request from one
   * that lands late collides with another's: the spacing must cover the widest of them.
   */
  widestMarginMs(extraMarginMs: number, now: number): number {
    return this.sharedMarginAt > now - SHARED_MARGIN_MEMORY_MS && this.sharedMarginMs > extraMarginMs ? this.sharedMarginMs : extraMarginMs;
  }

  /** Remembers the extra margin a grant at `now` was asked with. */
  noteMargin(extraMarginMs: number, now: number): void {
    if (extraMarginMs >= this.sharedMarginMs || this.sharedMarginAt <= now - SHARED_MARGIN_MEMORY_MS) {
      this.sharedMarginMs = extraMarginMs;
      this.sharedMarginAt = now;
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
