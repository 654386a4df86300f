import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '../../src/errors/kinds.js';
import { IntegrationError, type IntegrationErrorContext } from '../../src/errors/integration-error.js';
import { decideRetry, resolveRetryPolicy, type RetryContext, type RetryPolicy } from '../../src/retry/retry-policy.js';

function failure(kind: ErrorKind, context: Partial<IntegrationErrorContext> = {}): IntegrationError {
  return new IntegrationError(kind, 'failed', { provider: 'p', endpoint: 'e', reason: 'http_503', ...context });
}

function context(overrides: Partial<RetryContext> = {}): RetryContext {
  return { error: failure('unavailable'), attempt: 1, elapsedMs: 0, method: 'GET', hasIdempotencyKey: false, ...overrides };
}

const noJitter: RetryPolicy = { backoff: { baseMs: 100, jitter: 'none' } };
const maxRandom = () => 0.999_999_9;

describe('resolveRetryPolicy', () => {
  it('applies the defaults', () => {
    expect(resolveRetryPolicy()).toEqual({
      maxAttempts: 3,
      maxElapsedMs: 30_000,
      backoff: { baseMs: 100, factor: 2, capMs: 30_000, jitter: 'full' },
      maxRetryAfterMs: 60_000,
      minRetryAfterMs: 0,
    });
  });

  it('keeps given values and allows switching the upper limits off', () => {
    const resolved = resolveRetryPolicy({
      maxAttempts: 1,
      maxElapsedMs: Number.POSITIVE_INFINITY,
      maxRetryAfterMs: Number.POSITIVE_INFINITY,
      minRetryAfterMs: 500,
      backoff: { jitter: 'equal' },
    });
    expect(resolved).toMatchObject({ maxAttempts: 1, maxElapsedMs: Number.POSITIVE_INFINITY, minRetryAfterMs: 500 });
    expect(resolved.backoff.jitter).toBe('equal');
  });

  it.each([
    [{ maxAttempts: 0 }, /maxAttempts/],
    [{ maxAttempts: 2.5 }, /maxAttempts/],
    [{ maxAttempts: Number.POSITIVE_INFINITY }, /maxAttempts/],
    [{ maxElapsedMs: -1 }, /maxElapsedMs/],
    [{ maxElapsedMs: Number.NaN }, /maxElapsedMs/],
    [{ maxRetryAfterMs: -1 }, /maxRetryAfterMs/],
    [{ minRetryAfterMs: -1 }, /minRetryAfterMs/],
    [{ minRetryAfterMs: 2_000, maxRetryAfterMs: 1_000 }, /minRetryAfterMs/],
    [{ backoff: { baseMs: 0 } }, /baseMs/],
  ])('rejects %o', (policy, message) => {
    expect(() => resolveRetryPolicy(policy)).toThrow(TypeError);
    expect(() => resolveRetryPolicy(policy)).toThrow(message);
  });
});

describe('decideRetry', () => {
  it('retries a transient failure after the backoff delay, naming the failure', () => {
    expect(decideRetry(context(), noJitter)).toEqual({ retry: true, delayMs: 100, reason: 'http_503' });
    expect(decideRetry(context({ attempt: 2 }), noJitter)).toEqual({ retry: true, delayMs: 200, reason: 'http_503' });
  });

  it('passes the random source and previous delay to the backoff', () => {
    const policy: RetryPolicy = { backoff: { baseMs: 100, jitter: 'decorrelated' } };
    expect(decideRetry(context({ previousDelayMs: 1_000 }), policy, maxRandom)).toMatchObject({ delayMs: 3_000 });
    expect(decideRetry(context(), { backoff: { baseMs: 100 } }, () => 0)).toMatchObject({ delayMs: 0 });
  });

  it('uses the defaults when no policy is given', () => {
    expect(decideRetry(context(), undefined, maxRandom)).toEqual({ retry: true, delayMs: 100, reason: 'http_503' });
    expect(decideRetry(context({ attempt: 3 }))).toEqual({ retry: false, reason: 'attempts_exhausted' });
  });

  it.each<ErrorKind>(['auth', 'forbidden', 'not_found', 'invalid_request', 'conflict', 'business_rejected', 'contract_violation'])(
    'never retries %s',
    (kind) => {
      expect(decideRetry(context({ error: failure(kind) }))).toEqual({ retry: false, reason: 'not_retryable' });
    },
  );

  it('checks retryability before anything else', () => {
    const ctx = context({ error: failure('auth', { reason: 'circuit_open' }), attempt: 99, method: 'POST' });
    expect(decideRetry(ctx)).toEqual({ retry: false, reason: 'not_retryable' });
  });

  it('fails fast on an open circuit even with attempts and a Retry-After left', () => {
    const error = failure('unavailable', { reason: 'circuit_open', retryAfterMs: 10 });
    expect(decideRetry(context({ error }))).toEqual({ retry: false, reason: 'circuit_open' });
  });

  it('stops when the attempts are used up', () => {
    expect(decideRetry(context({ attempt: 2 }), { ...noJitter, maxAttempts: 2 })).toEqual({ retry: false, reason: 'attempts_exhausted' });
    expect(decideRetry(context(), { maxAttempts: 1 })).toEqual({ retry: false, reason: 'attempts_exhausted' });
  });

  it('checks attempts before safety', () => {
    expect(decideRetry(context({ method: 'POST', attempt: 3 }))).toEqual({ retry: false, reason: 'attempts_exhausted' });
  });

  it('refuses to repeat a POST that may have reached the provider', () => {
    expect(decideRetry(context({ method: 'POST' }))).toEqual({ retry: false, reason: 'unsafe_to_retry' });
  });

  it('repeats a POST with an idempotency key, to an idempotent endpoint, or that never left', () => {
    expect(decideRetry(context({ method: 'POST', hasIdempotencyKey: true }), noJitter)).toMatchObject({ retry: true });
    expect(decideRetry(context({ method: 'POST', idempotentEndpoint: true }), noJitter)).toMatchObject({ retry: true });
    const refused = failure('network', { reason: 'ECONNREFUSED', requestMayHaveReachedProvider: false });
    expect(decideRetry(context({ method: 'POST', error: refused }), noJitter)).toEqual({ retry: true, delayMs: 100, reason: 'ECONNREFUSED' });
  });

  it('waits what Retry-After asks instead of the backoff', () => {
    const error = failure('rate_limited', { reason: 'http_429', retryAfterMs: 2_000 });
    expect(decideRetry(context({ error }), noJitter)).toEqual({ retry: true, delayMs: 2_000, reason: 'retry_after' });
  });

  it('honours a Retry-After of 0 and raises it to the lower clamp', () => {
    const error = failure('rate_limited', { reason: 'http_429', retryAfterMs: 0 });
    expect(decideRetry(context({ error }))).toEqual({ retry: true, delayMs: 0, reason: 'retry_after' });
    expect(decideRetry(context({ error }), { minRetryAfterMs: 250 })).toEqual({ retry: true, delayMs: 250, reason: 'retry_after' });
  });

  it('does not wait for a Retry-After beyond the maximum', () => {
    const error = failure('rate_limited', { reason: 'http_429', retryAfterMs: 60_001 });
    expect(decideRetry(context({ error }))).toEqual({ retry: false, reason: 'retry_after_too_long' });
    const atLimit = failure('rate_limited', { reason: 'http_429', retryAfterMs: 60_000 });
    expect(decideRetry(context({ error: atLimit }), { maxElapsedMs: 120_000 })).toEqual({ retry: true, delayMs: 60_000, reason: 'retry_after' });
  });

  it('does not wait for an infinite Retry-After even when the maximum is switched off', () => {
    const error = failure('rate_limited', { reason: 'http_429', retryAfterMs: Number.POSITIVE_INFINITY });
    const policy: RetryPolicy = { maxRetryAfterMs: Number.POSITIVE_INFINITY, maxElapsedMs: Number.POSITIVE_INFINITY };
    expect(decideRetry(context({ error }), policy)).toEqual({ retry: false, reason: 'retry_after_too_long' });
  });

  it('gives up when the wait would overrun the time budget', () => {
    expect(decideRetry(context({ elapsedMs: 29_901 }), noJitter)).toEqual({ retry: false, reason: 'budget_exhausted' });
    expect(decideRetry(context({ elapsedMs: 29_900 }), noJitter)).toEqual({ retry: true, delayMs: 100, reason: 'http_503' });
    const error = failure('rate_limited', { reason: 'http_429', retryAfterMs: 5_000 });
    expect(decideRetry(context({ error, elapsedMs: 1_000 }), { maxElapsedMs: 5_000 })).toEqual({ retry: false, reason: 'budget_exhausted' });
  });
});
