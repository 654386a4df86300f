import type { RateWindow } from '@interlock/core';

/** The windows the client keeps to per account: account-wide, and on each endpoint for reads and writes. */
export interface SendcloudRateLimits {
  account: readonly RateWindow[];
  read: readonly RateWindow[];
  write: readonly RateWindow[];
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

/**
 * Sendcloud counts per account, every API key of the account sharing one budget
 * (v2-tracking.openapi.yml, the 429 response), and 429s past it with an empty body.
 *
 * - Safe methods (GET): 1,000 a minute, no burst figure (https://sendcloud.dev/docs/getting-started/rate-limits).
 * - Unsafe methods (POST, PATCH, PUT, DELETE): 100 a minute with a burst of 15 a second (same page).
 * - Shipping-related GETs: 420 a minute (Sendcloud's "Sendcloud APIs FAQ",
 *   support.sendcloud.com/hc/en-gb/articles/7789894544276). Every read this connector makes is a
 *   shipment or a parcel's tracking, so reads keep to the lower shipping figure.
 *
 * Sendcloud counts each method class across all its endpoints, while core's client keeps windows
 * per endpoint and per account. So the account window carries the shared GET figure (420 a minute,
 * every call counted, which only errs on the safe side for writes), and each endpoint keeps its
 * method's own windows.
 */
export const SENDCLOUD_RATE_LIMITS: SendcloudRateLimits = {
  account: [{ limit: 420, windowMs: MINUTE }],
  read: [{ limit: 420, windowMs: MINUTE }],
  write: [
    { limit: 15, windowMs: SECOND },
    { limit: 100, windowMs: MINUTE },
  ],
};
