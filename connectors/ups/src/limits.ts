import type { RateWindow } from '@interlock/core';

/** The windows the client keeps to per OAuth2 client: account-wide, and on each endpoint class. */
export interface UpsRateLimits {
  account: readonly RateWindow[];
  track: readonly RateWindow[];
  subscribe: readonly RateWindow[];
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

/**
 * Neither Tracking.yaml nor UPSTrackAlert.yaml nor the provider notes (../shared/providers/NOTES.md
 * §2.3) publish a number; UPS answers 429 when a client is over its quota. These are the
 * conservative figures of the logistics issue (#12): tracking at 20 a minute under an account-wide
 * 300 a minute, with a 5-per-second burst so a queue drains without bunching. Subscriptions carry
 * up to 100 numbers each, so 10 a minute covers 1,000 new parcels a minute.
 */
export const UPS_RATE_LIMITS: UpsRateLimits = {
  account: [
    { limit: 10, windowMs: SECOND },
    { limit: 300, windowMs: MINUTE },
  ],
  track: [
    { limit: 5, windowMs: SECOND },
    { limit: 20, windowMs: MINUTE },
  ],
  subscribe: [
    { limit: 2, windowMs: SECOND },
    { limit: 10, windowMs: MINUTE },
  ],
};
