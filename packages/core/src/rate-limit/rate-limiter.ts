import { abortReason, type Clock } from '../clock/clock.js';
import { IntegrationError } from '../errors/integration-error.js';
import type { RequestScope } from '../telemetry/events.js';
import { noopEmit, type Emit } from '../telemetry/telemetry.js';
import { parseRateLimitHeaders } from './headers.js';
import { MemoryRateLimitStore } from './memory-store.js';
import type { RateLimitStore, Reservation } from './store.js';
import type { RateLimitRule } from './windows.js';

export interface RateLimiterOptions {
  /** Where the limits' state lives; defaults to a store private to this limiter. */
  store?: RateLimitStore;
  clock: Clock;
  emit?: Emit;
}

/** One call's request for a slot. */
export interface AcquireRequest {
  /** Every rule the call counts against, e.g. its endpoint's and its account's. */
  rules: readonly RateLimitRule[];
  /** The longest the caller will wait; a longer wait fails at once and reserves nothing. */
  maxWaitMs: number;
  signal?: AbortSignal;
  scope: RequestScope;
}

function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown }).then === 'function';
}

function limiterName(rules: readonly RateLimitRule[]): string {
  return rules.map((rule) => rule.key).join(',');
}

/**
 * Paces calls so that no rule's windows are exceeded: each call reserves the earliest slot all
 * its rules allow and sleeps until then, or fails fast when that is further off than it can wait.
 */
export class RateLimiter {
  private readonly store: RateLimitStore;
  private readonly clock: Clock;
  private readonly emit: Emit;

  constructor(options: RateLimiterOptions) {
    this.store = options.store ?? new MemoryRateLimitStore();
    this.clock = options.clock;
    this.emit = options.emit ?? noopEmit;
  }

  /**
   * Waits for a slot and resolves with the milliseconds waited. When the wait would exceed
   * `maxWaitMs` it reserves nothing and throws a `rate_limited` IntegrationError (reason
   * `rate_limit_wait_exceeds_budget`, `retryAfterMs` until the earliest slot) that is safe to
   * retry, since the request never left. An abort rejects with the signal's reason; a slot
   * already reserved stays spent, which errs on the side of sending less.
   */
  async acquire(request: AcquireRequest): Promise<number> {
    const { signal } = request;
    if (signal?.aborted) throw abortReason(signal);
    if (request.rules.length === 0) return 0;
    const now = this.clock.now();
    const pending = this.store.reserve(request.rules, now, request.maxWaitMs);
    // Awaiting only a real promise keeps the in-memory path free of an extra microtask hop.
    const reservation: Reservation = isPromiseLike(pending) ? await pending : pending;
    if (!reservation.granted) throw this.waitExceedsBudget(request, reservation.earliestAt - now);
    const waitMs = reservation.startAt - now;
    if (waitMs <= 0) return 0;
    // A shared store's round trip may already have used up part of the wait.
    const stillToWaitMs = reservation.startAt - this.clock.now();
    if (stillToWaitMs > 0) await this.clock.sleep(stillToWaitMs, signal);
    const { scope } = request;
    this.emit({
      type: 'rate_limit.waited',
      at: this.clock.now(),
      provider: scope.provider,
      endpoint: scope.endpoint,
      correlationId: scope.correlationId,
      waitMs,
      limiter: limiterName(request.rules),
    });
    return waitMs;
  }

  /** Holds every call under `key` until `until`, e.g. for a 429's Retry-After. */
  async pauseUntil(key: string, until: number): Promise<void> {
    await this.store.pauseUntil(key, until);
  }

  /**
   * Tightens `key` with what the provider's rate-limit headers say is left, and emits
   * `rate_limit.tightened` when the budget is nearly spent. Returns whether the headers said
   * anything usable.
   */
  async observeHeaders(key: string, headers: Headers, provider: string): Promise<boolean> {
    const now = this.clock.now();
    const observed = parseRateLimitHeaders(headers, now);
    if (!observed) return false;
    await this.store.observeRemaining(key, observed.remaining, observed.resetAt, now);
    // Providers send these headers on every response; only a nearly spent budget is news.
    if (!isNearlySpent(observed)) return true;
    this.emit({
      type: 'rate_limit.tightened',
      at: now,
      provider,
      limiter: key,
      remaining: observed.remaining,
      resetMs: Math.max(0, observed.resetAt - now),
      reason: 'rate_limit_headers',
    });
    return true;
  }

  private waitExceedsBudget(request: AcquireRequest, retryAfterMs: number): IntegrationError {
    const { scope } = request;
    return new IntegrationError(
      'rate_limited',
      `Rate limit ${limiterName(request.rules)} allows the next call in ${retryAfterMs}ms, beyond the ${request.maxWaitMs}ms this call may wait`,
      {
        provider: scope.provider,
        endpoint: scope.endpoint,
        correlationId: scope.correlationId,
        reason: 'rate_limit_wait_exceeds_budget',
        retryAfterMs,
        requestMayHaveReachedProvider: false,
      },
    );
  }
}

/** At most a tenth of the provider's budget left (or nothing, when it does not say the limit). */
function isNearlySpent(observed: { limit?: number | undefined; remaining: number }): boolean {
  return observed.remaining === 0 || (observed.limit !== undefined && observed.remaining <= observed.limit / 10);
}
