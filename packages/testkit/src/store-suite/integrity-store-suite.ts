import { describe, it } from 'vitest';
import { STORE_CHECK_TIMEOUT_MS } from './event-queue-suite.js';
import type { IntegrityStoreHarness, StoreCheck } from './harness.js';
import { applicationChecks } from './integrity/application-checks.js';
import { auditChecks } from './integrity/audit-checks.js';
import { idempotencyChecks } from './integrity/idempotency-checks.js';
import { recordChecks } from './integrity/record-checks.js';
import { recordListingChecks } from './integrity/record-listing-checks.js';

/** Every check an IntegrityStore engine must pass, each on a fresh store from `create`. */
export function integrityStoreChecks(create: () => Promise<IntegrityStoreHarness>): StoreCheck[] {
  return [...idempotencyChecks(create), ...recordChecks(create), ...recordListingChecks(create), ...auditChecks(create), ...applicationChecks(create)];
}

/** Registers the IntegrityStore parity suite for one engine; call it from the engine's test file. */
export function runIntegrityStoreSuite(engine: string, create: () => Promise<IntegrityStoreHarness>): void {
  describe(`${engine}: integrity store contract`, () => {
    for (const check of integrityStoreChecks(create)) it(check.name, () => check.run(), STORE_CHECK_TIMEOUT_MS);
  });
}
