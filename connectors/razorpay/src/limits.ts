import type { RateWindow } from '@interlock/core';

/**
 * Client-side rate limits for Razorpay, per API key.
 *
 * Razorpay publishes no numbers: it answers 429 "Throttling Error" (or "Too many requests") when
 * an account goes over a limit it does not document, and asks for exponential backoff with jitter.
 * These windows are therefore ASSUMPTIONS, chosen conservatively so that a connector stays well
 * clear of where merchants report throttling, while a 429 (honoured with its Retry-After) remains
 * the real signal. Override them with the connector's `rateLimits` option once Razorpay tells you
 * your account's numbers.
 */
export interface RazorpayRateLimits {
  /** Every request of one key together. */
  account: readonly RateWindow[];
  /** Each read endpoint (fetch and list). */
  read: readonly RateWindow[];
  /** Each endpoint that moves money or creates an order (create order, capture, refund). */
  write: readonly RateWindow[];
  /** The settlement recon report, which Razorpay builds per call. */
  report: readonly RateWindow[];
}

export const RAZORPAY_DEFAULT_LIMITS: RazorpayRateLimits = {
  account: [
    { limit: 50, windowMs: 1_000 },
    { limit: 1_500, windowMs: 60_000 },
  ],
  read: [{ limit: 25, windowMs: 1_000 }],
  write: [{ limit: 10, windowMs: 1_000 }],
  report: [{ limit: 5, windowMs: 1_000 }],
};

/** The defaults with the caller's windows swapped in, group by group. */
export function resolveRateLimits(overrides: Partial<RazorpayRateLimits> = {}): RazorpayRateLimits {
  return { ...RAZORPAY_DEFAULT_LIMITS, ...overrides };
}
