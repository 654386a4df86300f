import type { RateWindow } from '@interlock/core';

/** The windows the client keeps to per API key: account-wide, and on each endpoint for reads and writes. */
export interface DhlRateLimits {
  account: readonly RateWindow[];
  read: readonly RateWindow[];
  write: readonly RateWindow[];
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

/**
 * A burst window and a sustained one, kept apart because providers count them apart; every
 * window applies at once. Template value: each figure, from the provider's rate-limit page.
 */
export const DHL_RATE_LIMITS: DhlRateLimits = {
  account: [{ limit: 100, windowMs: SECOND }],
  read: [
    { limit: 25, windowMs: SECOND },
    { limit: 1_000, windowMs: MINUTE },
  ],
  write: [
    { limit: 10, windowMs: SECOND },
    { limit: 300, windowMs: MINUTE },
  ],
};
