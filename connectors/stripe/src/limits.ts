import type { RateWindow } from '@interlock/core';

/** Which of Stripe's budgets the key draws on: live keys get more than sandbox (test mode) keys. */
export type StripeMode = 'live' | 'sandbox';

/** The windows the client enforces per credential: account-wide, and for each endpoint on its own. */
export interface StripeRateLimits {
  account: readonly RateWindow[];
  endpoint: readonly RateWindow[];
}

const PER_SECOND = 1_000;

/**
 * Stripe's documented limits (docs.stripe.com/rate-limits): 100 operations per second per account
 * in live mode and 25 in a sandbox, and by default 25 requests per second on each endpoint in
 * either mode. Search (20 reads/s) and the 1,000 updates per PaymentIntent per hour are not
 * listed: the connector uses no search endpoint and no single PaymentIntent is updated that often.
 */
export const STRIPE_RATE_LIMITS: Readonly<Record<StripeMode, StripeRateLimits>> = {
  live: {
    account: [{ limit: 100, windowMs: PER_SECOND }],
    endpoint: [{ limit: 25, windowMs: PER_SECOND }],
  },
  sandbox: {
    account: [{ limit: 25, windowMs: PER_SECOND }],
    endpoint: [{ limit: 25, windowMs: PER_SECOND }],
  },
};
