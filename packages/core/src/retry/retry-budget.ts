import type { Clock } from '../clock/clock.js';
import { requireOption } from '../internal/require-option.js';
import { SlidingCounter } from '../internal/sliding-counter.js';

/** Limits on retries across all calls of one client to one provider. */
export interface RetryBudgetOptions {
  /** Retries may be at most this fraction of the requests in the window. Default 0.1. */
  ratio?: number;
  /** A floor so that low traffic can still retry. Default 1. */
  minRetriesPerSecond?: number;
  /** Default 10 000. */
  windowMs?: number;
  clock: Clock;
}

/** Counts in the current window, for metrics. */
export interface RetryBudgetSnapshot {
  requests: number;
  retries: number;
  allowed: number;
}

/**
 * A budget shared by every call to one provider. Per-call retry limits multiply during an
 * outage (every caller retries three times at once); capping retries at a fraction of recent
 * traffic keeps an outage from turning into a retry storm that delays the provider's recovery.
 */
export class RetryBudget {
  private readonly requests: SlidingCounter;
  private readonly retries: SlidingCounter;
  private readonly ratio: number;
  private readonly floor: number;

  constructor(options: RetryBudgetOptions) {
    const ratio = options.ratio ?? 0.1;
    const minRetriesPerSecond = options.minRetriesPerSecond ?? 1;
    const windowMs = options.windowMs ?? 10_000;
    requireOption('ratio', ratio, ratio >= 0 && Number.isFinite(ratio), 'a finite number >= 0');
    requireOption(
      'minRetriesPerSecond',
      minRetriesPerSecond,
      minRetriesPerSecond >= 0 && Number.isFinite(minRetriesPerSecond),
      'a finite number >= 0',
    );
    this.requests = new SlidingCounter({ windowMs, clock: options.clock });
    this.retries = new SlidingCounter({ windowMs, clock: options.clock });
    this.ratio = ratio;
    this.floor = (minRetriesPerSecond * windowMs) / 1000;
  }

  /**
   * Records a call's first attempt; retries are recorded by `tryAcquireRetry`, not here. `now` is
   * the clock's reading when the caller has just taken one.
   */
  recordRequest(now?: number): void {
    this.requests.add(1, now);
  }

  /** Takes one retry from the budget, or returns false (recording nothing) when it is spent. */
  tryAcquireRetry(): boolean {
    if (this.retries.total >= this.allowed()) return false;
    this.retries.add();
    return true;
  }

  /** The window's counts, for metrics. */
  snapshot(): RetryBudgetSnapshot {
    return { requests: this.requests.total, retries: this.retries.total, allowed: this.allowed() };
  }

  private allowed(): number {
    return Math.max(this.floor, this.ratio * this.requests.total);
  }
}
