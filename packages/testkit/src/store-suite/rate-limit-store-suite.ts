import type { RateLimitStore } from '@interlock/core';
import { describe, it } from 'vitest';
import { STORE_CHECK_TIMEOUT_MS } from './event-queue-suite.js';
import type { StoreCheck } from './harness.js';
import { budgetChecks } from './rate-limit/budget-checks.js';
import { sharingChecks } from './rate-limit/sharing-checks.js';
import { windowChecks } from './rate-limit/window-checks.js';

/** One engine's rate-limit store, fresh and empty, for one check of the rate-limit store suite. */
export interface RateLimitStoreHarness {
  store: RateLimitStore;
  /** A second store over the same storage, as another process would open it. */
  reopen(): Promise<RateLimitStore>;
  /** Closes every store the harness opened and removes what they stored. */
  cleanup(): Promise<void>;
}

/** Every check a RateLimitStore engine must pass, each on a fresh harness from `create`. */
export function rateLimitStoreChecks(create: () => Promise<RateLimitStoreHarness>): StoreCheck[] {
  return [...windowChecks(create), ...budgetChecks(create), ...sharingChecks(create)];
}

/** Registers the RateLimitStore parity suite for one engine; call it from the engine's test file. */
export function runRateLimitStoreSuite(engine: string, create: () => Promise<RateLimitStoreHarness>): void {
  describe(`${engine}: rate-limit store contract`, () => {
    for (const check of rateLimitStoreChecks(create)) it(check.name, () => check.run(), STORE_CHECK_TIMEOUT_MS);
  });
}
