import type { Clock } from '../clock/clock.js';
import { requireOption } from '../internal/require-option.js';
import { SlidingCounter } from '../internal/sliding-counter.js';
import type { CircuitState } from '../telemetry/events.js';

/** When one endpoint's breaker opens, and how it tests recovery. */
export interface CircuitBreakerOptions {
  /** Opens when transient failures / calls in the window reach this, in (0, 1]. Default 0.5. */
  failureRatio?: number;
  /** No decision below this many calls in the window, so two unlucky calls cannot trip it. Default 10. */
  minimumThroughput?: number;
  /** Sliding window over which the ratio is computed, in ms. Default 30 000. */
  windowMs?: number;
  /** How long to stay open before letting probes through, in ms. Default 30 000. */
  openMs?: number;
  /** Concurrent probes allowed while half-open. Default 1. */
  halfOpenMaxProbes?: number;
}

/** Told about every transition, once, after the breaker has already changed state. */
export type CircuitStateListener = (from: CircuitState, to: CircuitState, reason: string) => void;

export interface CircuitBreakerConfig extends CircuitBreakerOptions {
  clock: Clock;
  onStateChange?: CircuitStateListener;
}

/**
 * Permission to make one call. An allowed permit must be handed back, as the same object, to
 * exactly one of the `record*` methods; `retryAfterMs` of a refusal is a hint for rescheduling.
 */
export type CircuitPermit = { allowed: true; probe: boolean } | { allowed: false; retryAfterMs: number };

export type AllowedPermit = Extract<CircuitPermit, { allowed: true }>;

export interface CircuitBreakerSnapshot {
  state: CircuitState;
  calls: number;
  failures: number;
  /** When the circuit last opened; present while it is open or half-open. */
  openedAt?: number;
}

// Whether a busy half-open circuit closes depends on a probe's answer, which cannot be
// predicted; a short hint keeps refused callers from spinning without parking them a whole period.
const BUSY_HALF_OPEN_HINT_MS = 1_000;

/**
 * One endpoint's circuit breaker: after enough transient failures it fails calls fast for a
 * while instead of sending them to a provider that is down, then lets a few probes through to
 * find out whether it has recovered.
 */
export class CircuitBreaker {
  private readonly clock: Clock;
  private readonly onStateChange: CircuitStateListener | undefined;
  private readonly failureRatio: number;
  private readonly minimumThroughput: number;
  private readonly openMs: number;
  private readonly halfOpenMaxProbes: number;
  private readonly calls: SlidingCounter;
  private readonly failures: SlidingCounter;
  private current: CircuitState = 'closed';
  /** When the circuit last opened; meaningful only while it is not closed. */
  private openedAt = 0;
  /**
   * Permits of the probes in flight in the current half-open period. Identity, not a count, so
   * that a probe answering after its period ended cannot take a later period's slot or verdict.
   */
  private readonly probes = new Set<AllowedPermit>();

  constructor(options: CircuitBreakerConfig) {
    const failureRatio = options.failureRatio ?? 0.5;
    const minimumThroughput = options.minimumThroughput ?? 10;
    const windowMs = options.windowMs ?? 30_000;
    const openMs = options.openMs ?? 30_000;
    const halfOpenMaxProbes = options.halfOpenMaxProbes ?? 1;
    requireOption('failureRatio', failureRatio, failureRatio > 0 && failureRatio <= 1, 'a number in (0, 1]');
    requireOption(
      'minimumThroughput',
      minimumThroughput,
      Number.isInteger(minimumThroughput) && minimumThroughput >= 1,
      'an integer >= 1',
    );
    requireOption('openMs', openMs, openMs >= 0 && Number.isFinite(openMs), 'a finite number >= 0');
    requireOption(
      'halfOpenMaxProbes',
      halfOpenMaxProbes,
      Number.isInteger(halfOpenMaxProbes) && halfOpenMaxProbes >= 1,
      'an integer >= 1',
    );
    this.clock = options.clock;
    this.onStateChange = options.onStateChange;
    this.failureRatio = failureRatio;
    this.minimumThroughput = minimumThroughput;
    this.openMs = openMs;
    this.halfOpenMaxProbes = halfOpenMaxProbes;
    this.calls = new SlidingCounter({ windowMs, clock: options.clock });
    this.failures = new SlidingCounter({ windowMs, clock: options.clock });
  }

  /** The current state; an open circuit whose `openMs` has elapsed becomes half-open on reading. */
  get state(): CircuitState {
    if (this.current === 'open' && this.clock.now() >= this.openUntil()) {
      this.transition('half_open', 'open_timeout');
    }
    return this.current;
  }

  /** Asks to make a call; a refusal carries how long until the circuit may let calls through. */
  tryAcquire(): CircuitPermit {
    switch (this.state) {
      case 'closed':
        return { allowed: true, probe: false };
      case 'open':
        return { allowed: false, retryAfterMs: this.openUntil() - this.clock.now() };
      case 'half_open': {
        if (this.probes.size >= this.halfOpenMaxProbes) {
          return { allowed: false, retryAfterMs: Math.min(this.openMs, BUSY_HALF_OPEN_HINT_MS) };
        }
        const permit: AllowedPermit = { allowed: true, probe: true };
        this.probes.add(permit);
        return permit;
      }
    }
  }

  /**
   * The call reached the provider and got an answer that is not a transient failure: a 2xx, and
   * also any 4xx, since a 4xx is about the request, not the provider's health. `now` is the
   * clock's reading when the caller has just taken one.
   */
  recordSuccess(permit: AllowedPermit, now?: number): void {
    if (this.probes.delete(permit)) {
      this.calls.reset();
      this.failures.reset();
      this.transition('closed', 'probe_succeeded');
      return;
    }
    // Late answers to calls let through before the circuit opened say nothing about it now.
    if (this.current === 'closed') this.calls.add(1, now);
  }

  /** A transient failure: 5xx, timeout, network error, 429. */
  recordFailure(permit: AllowedPermit): void {
    if (this.probes.delete(permit)) {
      this.transition('open', 'probe_failed');
      return;
    }
    if (this.current !== 'closed') return;
    this.calls.add();
    this.failures.add();
    // Evaluated on failures only: a success never makes the ratio worse, and the next failure
    // re-evaluates, so the breaker never reports 'failure_ratio' in answer to a success.
    const calls = this.calls.total;
    if (calls >= this.minimumThroughput && this.failures.total / calls >= this.failureRatio) {
      this.transition('open', 'failure_ratio');
    }
  }

  /** The attempt ended without an answer about provider health (aborted by the caller): frees a probe slot, counts nothing. */
  recordIgnored(permit: AllowedPermit): void {
    this.probes.delete(permit);
  }

  /** The window's counts and state, for metrics and the console. */
  snapshot(): CircuitBreakerSnapshot {
    const state = this.state;
    const counts = { state, calls: this.calls.total, failures: this.failures.total };
    return state === 'closed' ? counts : { ...counts, openedAt: this.openedAt };
  }

  private openUntil(): number {
    return this.openedAt + this.openMs;
  }

  private transition(to: CircuitState, reason: string): void {
    const from = this.current;
    this.current = to;
    this.probes.clear();
    if (to === 'open') this.openedAt = this.clock.now();
    this.onStateChange?.(from, to, reason);
  }
}
