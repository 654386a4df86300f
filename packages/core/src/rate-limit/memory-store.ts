import { KeyLimitState } from './key-limit-state.js';
import type { RateLimitStore, Reservation, RoundTripRange } from './store.js';
import type { RateLimitRule } from './windows.js';

/**
 * A rate-limit store for one process. Each key keeps an exact sliding-window log per window,
 * so a reservation costs O(windows) whatever the traffic, and never exceeds any window.
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly keys = new Map<string, KeyLimitState>();
  // Reused across calls (reserve is synchronous) so that a reservation allocates nothing but its
  // answer. Entries past the current call's rules are left over from earlier calls and never read.
  private readonly matched: KeyLimitState[] = [];

  reserve(rules: readonly RateLimitRule[], now: number, maxWaitMs: number, roundTrips?: RoundTripRange): Reservation {
    const matched = this.matched;
    let margin = 0;
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i] as RateLimitRule;
      const state = this.stateOf(rule.key);
      state.configure(rule.windows);
      const keyMargin = state.marginMs(roundTrips, now);
      if (keyMargin > margin) margin = keyMargin;
      // Known to the other callers at once, granted or not: they may be granted before this one is.
      state.noteRoundTrips(roundTrips, now);
      matched[i] = state;
    }
    let startAt = now;
    for (let i = 0; i < rules.length; i++) {
      const at = (matched[i] as KeyLimitState).earliestAt(margin);
      if (at > startAt) startAt = at;
    }
    if (startAt > now + maxWaitMs) return { granted: false, earliestAt: startAt };
    let nextAt = startAt;
    for (let i = 0; i < rules.length; i++) {
      const state = matched[i] as KeyLimitState;
      state.record(startAt);
      const at = state.earliestAt(margin);
      if (at > nextAt) nextAt = at;
    }
    return { granted: true, startAt, nextAt };
  }

  pauseUntil(key: string, until: number): void {
    this.stateOf(key).pauseUntil(until);
  }

  observeRemaining(key: string, remaining: number, resetAt: number, now: number): void {
    this.stateOf(key).limitRemaining(remaining, resetAt, now);
  }

  private stateOf(key: string): KeyLimitState {
    let state = this.keys.get(key);
    if (!state) {
      state = new KeyLimitState();
      this.keys.set(key, state);
    }
    return state;
  }
}
