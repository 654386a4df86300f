import type { RateWindow } from '@interlock/core';
import type { RazorpayEndpoint } from './endpoints.js';

/**
 * Client-side rate limits for Razorpay, per API key: `account` for every request of the key
 * together, and one entry per endpoint (each endpoint counts its own requests).
 *
 * Razorpay publishes no numbers: it answers 429 "Throttling Error" (or "Too many requests") when
 * an account goes over a limit it does not document, and asks for exponential backoff with jitter.
 * These windows are therefore ASSUMPTIONS, chosen conservatively so that a connector stays well
 * clear of where merchants report throttling, while a 429 (honoured with its Retry-After) remains
 * the real signal. Override them with the connector's `rateLimits` option once Razorpay tells you
 * your account's numbers.
 */
export type RazorpayRateLimits = Readonly<Record<RazorpayEndpoint | 'account', readonly RateWindow[]>>;

// The assumed windows, by what an endpoint does.
const ACCOUNT: readonly RateWindow[] = [
  { limit: 50, windowMs: 1_000 },
  { limit: 1_500, windowMs: 60_000 },
];
const READ: readonly RateWindow[] = [{ limit: 25, windowMs: 1_000 }];
/** Endpoints that move money or create an order. */
const WRITE: readonly RateWindow[] = [{ limit: 10, windowMs: 1_000 }];
/** Razorpay builds the recon report per call. */
const REPORT: readonly RateWindow[] = [{ limit: 5, windowMs: 1_000 }];

export const RAZORPAY_DEFAULT_LIMITS: RazorpayRateLimits = {
  account: ACCOUNT,
  createOrder: WRITE,
  listOrders: READ,
  getOrder: READ,
  listOrderPayments: READ,
  getPayment: READ,
  listPayments: READ,
  capturePayment: WRITE,
  createRefund: WRITE,
  listPaymentRefunds: READ,
  getRefund: READ,
  listSettlements: READ,
  settlementRecon: REPORT,
};

/** The defaults with the caller's windows swapped in, endpoint by endpoint. */
export function resolveRateLimits(overrides: Partial<RazorpayRateLimits> = {}): RazorpayRateLimits {
  return { ...RAZORPAY_DEFAULT_LIMITS, ...overrides };
}
