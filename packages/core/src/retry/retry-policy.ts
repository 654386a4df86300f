import type { IntegrationError } from '../errors/integration-error.js';
import { backoffDelay, resolveBackoffOptions, type BackoffOptions, type Random } from './backoff.js';
import { requireOption } from '../internal/require-option.js';
import { isSafeToRetry } from './safe-retry.js';

/** When and how long to retry a single call. */
export interface RetryPolicy {
  /** Total attempts including the first; an integer >= 1. Default 3. */
  maxAttempts?: number;
  /** Time budget of one call across all its attempts and waits, in ms. Default 30 000. */
  maxElapsedMs?: number;
  backoff?: BackoffOptions;
  /**
   * A Retry-After longer than this is not waited for: the error is returned with its
   * `retryAfterMs` so that a caller or a queue can reschedule. Default 60 000.
   */
  maxRetryAfterMs?: number;
  /** Lower clamp on a Retry-After, for providers that answer 0 while still overloaded. Default 0. */
  minRetryAfterMs?: number;
}

/** A retry policy with every default applied and every value checked. */
export interface ResolvedRetryPolicy {
  maxAttempts: number;
  maxElapsedMs: number;
  backoff: Required<BackoffOptions>;
  maxRetryAfterMs: number;
  minRetryAfterMs: number;
}

/** What is known when an attempt has just failed. */
export interface RetryContext {
  /** Classified failure of the attempt that just ended. */
  error: IntegrationError;
  /** Attempts made so far (1 after the first). */
  attempt: number;
  /** Time since the call started, in ms. */
  elapsedMs: number;
  /** HTTP method, uppercase. */
  method: string;
  hasIdempotencyKey: boolean;
  /** The endpoint is declared safe to repeat even though its method is not (a search by POST). */
  idempotentEndpoint?: boolean | undefined;
  /** The wait before the attempt that just failed; feeds decorrelated jitter. */
  previousDelayMs?: number | undefined;
}

/** Whether to try again, with a machine-readable reason either way (it ends up in telemetry). */
export type RetryDecision = { retry: true; delayMs: number; reason: string } | { retry: false; reason: string };

/**
 * Applies the defaults and rejects invalid values. `maxElapsedMs` and `maxRetryAfterMs` may be
 * Infinity to switch those limits off; the attempt count and the lower clamp must be finite.
 */
export function resolveRetryPolicy(policy: RetryPolicy = {}): ResolvedRetryPolicy {
  const maxAttempts = policy.maxAttempts ?? 3;
  const maxElapsedMs = policy.maxElapsedMs ?? 30_000;
  const maxRetryAfterMs = policy.maxRetryAfterMs ?? 60_000;
  const minRetryAfterMs = policy.minRetryAfterMs ?? 0;
  requireOption('maxAttempts', maxAttempts, Number.isInteger(maxAttempts) && maxAttempts >= 1, 'an integer >= 1');
  requireOption('maxElapsedMs', maxElapsedMs, maxElapsedMs >= 0, 'a number >= 0');
  requireOption('maxRetryAfterMs', maxRetryAfterMs, maxRetryAfterMs >= 0, 'a number >= 0');
  requireOption(
    'minRetryAfterMs',
    minRetryAfterMs,
    minRetryAfterMs >= 0 && Number.isFinite(minRetryAfterMs) && minRetryAfterMs <= maxRetryAfterMs,
    'a finite number between 0 and maxRetryAfterMs',
  );
  return { maxAttempts, maxElapsedMs, backoff: resolveBackoffOptions(policy.backoff), maxRetryAfterMs, minRetryAfterMs };
}

function refuse(reason: string): RetryDecision {
  return { retry: false, reason };
}

/**
 * Decides whether the call that just failed should be attempted again and after how long. The
 * checks run cheapest and most final first; a provider's Retry-After wins over backoff, since it
 * knows its own recovery time better than any formula.
 */
export function decideRetry(ctx: RetryContext, policy?: RetryPolicy, random?: Random): RetryDecision {
  const resolved = resolveRetryPolicy(policy);
  const { error } = ctx;
  if (!error.retryable) return refuse('not_retryable');
  // Retrying into an open circuit only queues more load behind a provider already known to be down.
  if (error.reason === 'circuit_open') return refuse('circuit_open');
  if (ctx.attempt >= resolved.maxAttempts) return refuse('attempts_exhausted');
  if (!isSafeToRetry(ctx.method, error, ctx.hasIdempotencyKey, ctx.idempotentEndpoint)) return refuse('unsafe_to_retry');

  const retryAfterMs = error.retryAfterMs;
  let delayMs: number;
  if (retryAfterMs === undefined) {
    delayMs = backoffDelay(ctx.attempt, resolved.backoff, ctx.previousDelayMs, random);
  } else if (!Number.isFinite(retryAfterMs) || retryAfterMs > resolved.maxRetryAfterMs) {
    return refuse('retry_after_too_long');
  } else {
    delayMs = Math.max(resolved.minRetryAfterMs, retryAfterMs);
  }

  if (ctx.elapsedMs + delayMs > resolved.maxElapsedMs) return refuse('budget_exhausted');
  return { retry: true, delayMs, reason: retryAfterMs === undefined ? error.reason : 'retry_after' };
}
