import type { RateWindow } from '@interlock/core';

/** The windows the client keeps to per API key: account-wide, and on the tracking endpoint. */
export interface DhlRateLimits {
  account: readonly RateWindow[];
  track: readonly RateWindow[];
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * The free plan's daily allowance per API key: about 250 calls (NOTES.md §2.1 and the README's
 * Gotchas, community-reported; DHL's portal shows each key's own figure). One call reads one
 * tracking number, so this is the budget the ledger spends on unsettled numbers first.
 */
export const DHL_DAILY_QUOTA = 250;

/**
 * Neither the 1.4.1 spec nor the notes give a per-minute figure for tracking; 20 a minute is the
 * conservative burst the logistics issue names for a tracking endpoint, kept under the daily
 * quota so a burst of polls cannot spend a day's allowance in minutes.
 */
export const DHL_TRACK_PER_MINUTE = 20;

export const DHL_RATE_LIMITS: DhlRateLimits = {
  account: [{ limit: DHL_DAILY_QUOTA, windowMs: DAY }],
  track: [{ limit: DHL_TRACK_PER_MINUTE, windowMs: MINUTE }],
};

/** The windows of the DHL Express (MyDHL API) client: account-wide and per endpoint. */
export interface DhlExpressRateLimits {
  account: readonly RateWindow[];
  rates: readonly RateWindow[];
  createShipment: readonly RateWindow[];
  findByReference: readonly RateWindow[];
}

/**
 * None: the MyDHL API 2.7.0 spec states no rate limit and documents no 429 on any endpoint, and
 * ../shared/providers has no figure for it. Nothing is invented here; a 429 DHL may still send is
 * classified `rate_limited` and retried after its Retry-After like any other.
 */
export const DHL_EXPRESS_RATE_LIMITS: DhlExpressRateLimits = {
  account: [],
  rates: [],
  createShipment: [],
  findByReference: [],
};
