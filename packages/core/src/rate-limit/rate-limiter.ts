import { abortReason, type Clock } from '../clock/clock.js';
import { IntegrationError } from '../errors/integration-error.js';
import type { RequestScope } from '../telemetry/events.js';
import { noopEmit, type Emit } from '../telemetry/telemetry.js';
import { parseRateLimitHeaders, type ObservedRateLimit, type RateLimitHeaders } from './headers.js';
import { MemoryRateLimitStore } from './memory-store.js';
import { RoundTripSpread } from './round-trip-spread.js';
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
  /** The longest the caller will wait; a call that cannot have a slot within it fails and takes none. */
  maxWaitMs: number;
  signal?: AbortSignal;
  scope: RequestScope;
}

function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function limiterName(rules: readonly RateLimitRule[]): string {
  return rules.map((rule) => rule.key).join(',');
}

interface Waiter {
  request: AcquireRequest;
  askedAt: number;
  deadline: number;
  resolve: (waitedMs: number) => void;
  reject: (error: unknown) => void;
  detach: () => void;
}

/** This process's callers waiting on one set of rules, served first come, first served. */
interface Line {
  name: string;
  waiters: Waiter[];
  /** The earliest the store could grant the head: it is not asked before. */
  tryAt: number;
  /** Cancels the pending wake-up, when one is set. */
  cancelWake: (() => void) | undefined;
  /** A store call for the head is in flight. */
  asking: boolean;
}

/**
 * Paces calls so that no rule's windows are exceeded where the provider counts them. A slot is
 * taken when the request leaves, never reserved ahead: a caller that must wait queues in this
 * process (one line per set of rules, first come first served, only its head asking the store),
 * and the slot is charged at the moment it is granted, with the spacing widened by how much the
 * round trips to the endpoint vary (see {@link RateLimiter.observeRoundTrip}). A reservation
 * made seconds ahead would be spaced with what was known then, and charged at a time the
 * request does not leave at.
 */
export class RateLimiter {
  private readonly store: RateLimitStore;
  private readonly clock: Clock;
  private readonly emit: Emit;
  private readonly lines = new Map<string, Line>();
  private readonly spreads = new Map<string, RoundTripSpread>();

  constructor(options: RateLimiterOptions) {
    this.store = options.store ?? new MemoryRateLimitStore();
    this.clock = options.clock;
    this.emit = options.emit ?? noopEmit;
  }

  /**
   * Waits for a slot and resolves with the milliseconds from the call to the moment its slot was
   * charged (the time the store was asked with; a shared store answers a little later). A call that cannot have a slot
   * within `maxWaitMs` takes none and throws a `rate_limited` IntegrationError (reason
   * `rate_limit_wait_exceeds_budget`, `retryAfterMs` until the earliest slot known) that is safe
   * to retry, since the request never left: at once when the earliest slot is already too far,
   * else as soon as the line learns it is. An abort rejects with the signal's reason.
   */
  async acquire(request: AcquireRequest): Promise<number> {
    return this.acquireAt(request, this.clock.now());
  }

  /**
   * `acquire` for a caller that has just read the clock (`now`): the same answer, but a free slot
   * under a store that answers synchronously comes back as a plain 0, with no promise, and a
   * refusal is thrown at once. The request path takes a slot this way on every attempt.
   */
  acquireAt(request: AcquireRequest, now: number): number | Promise<number> {
    const { signal } = request;
    if (signal?.aborted) throw abortReason(signal);
    if (request.rules.length === 0) return 0;
    // Nobody of ours waits for these rules: take a slot now if one is free. Otherwise join the
    // line behind those who came first, so the store is asked by one caller at a time.
    const queued = this.lines.size === 0 ? undefined : this.lines.get(limiterName(request.rules));
    if (queued) {
      if (queued.tryAt > now + request.maxWaitMs) throw this.waitExceedsBudget(request, queued.tryAt - now);
      return this.wait(request, now, queued.tryAt);
    }
    const pending = this.reserveNow(request, now);
    return isPromiseLike(pending) ? Promise.resolve(pending).then((reservation) => this.afterReservation(request, now, reservation)) : this.afterReservation(request, now, pending);
  }

  private afterReservation(request: AcquireRequest, now: number, reservation: Reservation): number | Promise<number> {
    if (reservation.granted) return 0;
    if (reservation.earliestAt > now + request.maxWaitMs) throw this.waitExceedsBudget(request, reservation.earliestAt - now);
    return this.wait(request, now, reservation.earliestAt);
  }

  /**
   * Learns how long a request to `endpoint` took from leaving to its answer. The spread of the
   * recent round trips is added to the spacing of every window the endpoint's calls count against.
   */
  observeRoundTrip(endpoint: string, roundTripMs: number): void {
    let spread = this.spreads.get(endpoint);
    if (!spread) {
      spread = new RoundTripSpread();
      this.spreads.set(endpoint, spread);
    }
    spread.observe(roundTripMs);
  }

  /** The spacing added to `endpoint`'s windows for how much its round trips vary, in ms. */
  extraMarginMs(endpoint: string): number {
    return this.spreads.get(endpoint)?.spreadMs ?? 0;
  }

  /** Holds every call under `key` until `until`, e.g. for a 429's Retry-After. */
  async pauseUntil(key: string, until: number): Promise<void> {
    await this.store.pauseUntil(key, until, this.clock.now());
  }

  /**
   * Tightens `key` with what the provider's rate-limit headers say is left, and emits
   * `rate_limit.tightened` when the budget is nearly spent. Returns whether the headers said
   * anything usable.
   */
  async observeHeaders(key: string, headers: RateLimitHeaders, provider: string): Promise<boolean> {
    const now = this.clock.now();
    const observed = parseRateLimitHeaders(headers, now);
    if (!observed) return false;
    await this.observeRateLimit(key, observed, provider, now);
    return true;
  }

  /**
   * `observeHeaders` for headers already parsed (at `now`): tightens `key` to what is left and
   * emits `rate_limit.tightened` when the budget is nearly spent.
   */
  observeRateLimit(key: string, observed: ObservedRateLimit, provider: string, now: number): void | Promise<void> {
    const stored = this.store.observeRemaining(key, observed.remaining, observed.resetAt, now);
    if (isPromiseLike(stored)) return Promise.resolve(stored).then(() => this.reportIfNearlySpent(key, observed, provider, now));
    this.reportIfNearlySpent(key, observed, provider, now);
  }

  private reportIfNearlySpent(key: string, observed: ObservedRateLimit, provider: string, now: number): void {
    // Providers send these headers on every response; only a nearly spent budget is news.
    if (!isNearlySpent(observed)) return;
    this.emit({
      type: 'rate_limit.tightened',
      at: now,
      provider,
      limiter: key,
      remaining: observed.remaining,
      resetMs: Math.max(0, observed.resetAt - now),
      reason: 'rate_limit_headers',
    });
  }

  /** A slot at `now` or the earliest time one exists; a store that fails (e.g. out of reach) fails as `unavailable`. */
  private reserveNow(request: AcquireRequest, now: number): Reservation | Promise<Reservation> {
    let pending: Reservation | Promise<Reservation>;
    try {
      pending = this.store.reserve(request.rules, now, 0, this.spreads.get(request.scope.endpoint)?.range);
    } catch (error) {
      throw this.storeFailed(request, error);
    }
    // Only a real promise is chained, so the in-memory path spends no extra microtask hop.
    return isPromiseLike(pending) ? Promise.resolve(pending).catch((error: unknown) => Promise.reject(this.storeFailed(request, error))) : pending;
  }

  private storeFailed(request: AcquireRequest, error: unknown): IntegrationError {
    const { scope } = request;
    return new IntegrationError(
      'unavailable',
      `Rate limit ${limiterName(request.rules)} could not be checked: its store failed`,
      {
        provider: scope.provider,
        endpoint: scope.endpoint,
        correlationId: scope.correlationId,
        reason: 'rate_limit_store_failed',
        requestMayHaveReachedProvider: false,
      },
      error instanceof Error ? { name: error.name, message: error.message } : undefined,
    );
  }

  private wait(request: AcquireRequest, askedAt: number, tryAt: number): Promise<number> {
    const name = limiterName(request.rules);
    let line = this.lines.get(name);
    if (!line) {
      line = { name, waiters: [], tryAt, cancelWake: undefined, asking: false };
      this.lines.set(name, line);
    }
    const joined = line;
    return new Promise<number>((resolve, reject) => {
      const { signal } = request;
      const onAbort = (): void => {
        this.leave(joined, waiter);
        reject(abortReason(signal as AbortSignal));
      };
      const waiter: Waiter = {
        request,
        askedAt,
        deadline: askedAt + request.maxWaitMs,
        resolve,
        reject,
        detach: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      joined.waiters.push(waiter);
      this.schedule(joined);
    });
  }

  private leave(line: Line, waiter: Waiter): void {
    const index = line.waiters.indexOf(waiter);
    if (index !== -1) line.waiters.splice(index, 1);
    waiter.detach();
    if (line.waiters.length === 0) this.close(line);
  }

  private close(line: Line): void {
    line.cancelWake?.();
    line.cancelWake = undefined;
    if (this.lines.get(line.name) === line) this.lines.delete(line.name);
  }

  /** Asks the store for the head's slot now, or sets a wake-up for when it could be granted. */
  private schedule(line: Line): void {
    if (line.asking || line.cancelWake) return;
    const delay = line.tryAt - this.clock.now();
    if (delay > 0) {
      line.cancelWake = this.clock.setTimer(delay, () => {
        line.cancelWake = undefined;
        void this.serve(line);
      });
      return;
    }
    void this.serve(line);
  }

  private async serve(line: Line): Promise<void> {
    line.asking = true;
    while (line.waiters.length > 0 && line.tryAt <= this.clock.now()) {
      const head = line.waiters[0] as Waiter;
      const now = this.clock.now();
      let reservation: Reservation;
      try {
        const pending = this.reserveNow(head.request, now);
        reservation = isPromiseLike(pending) ? await pending : pending;
      } catch (error) {
        // The head learns why; the next asks anew.
        this.leave(line, head);
        head.reject(error);
        continue;
      }
      if (reservation.granted) {
        line.tryAt = reservation.nextAt ?? reservation.startAt;
        // A head that gave up while the store answered leaves its slot unused: sending less, never more.
        if (line.waiters[0] === head) {
          this.leave(line, head);
          this.granted(head, now);
        }
      } else {
        line.tryAt = reservation.earliestAt;
      }
      this.failThoseOutOfTime(line);
    }
    line.asking = false;
    if (line.waiters.length > 0) this.schedule(line);
    else this.close(line);
  }

  /** No one in the line is served before `line.tryAt`: whoever's budget ends sooner fails now. */
  private failThoseOutOfTime(line: Line): void {
    const now = this.clock.now();
    for (const waiter of [...line.waiters]) {
      if (waiter.deadline >= line.tryAt) continue;
      this.leave(line, waiter);
      waiter.reject(this.waitExceedsBudget(waiter.request, line.tryAt - now));
    }
  }

  private granted(waiter: Waiter, chargedAt: number): void {
    const waitMs = chargedAt - waiter.askedAt;
    const { scope } = waiter.request;
    this.emit({
      type: 'rate_limit.waited',
      at: this.clock.now(),
      provider: scope.provider,
      endpoint: scope.endpoint,
      correlationId: scope.correlationId,
      waitMs,
      limiter: limiterName(waiter.request.rules),
    });
    waiter.resolve(waitMs);
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
