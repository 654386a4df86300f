import { describe, it } from 'vitest';
import { acceptChecks } from './event-queue/accept-checks.js';
import { consumeChecks } from './event-queue/consume-checks.js';
import { failureChecks } from './event-queue/failure-checks.js';
import { flowControlChecks } from './event-queue/flow-control-checks.js';
import { leaseChecks } from './event-queue/lease-checks.js';
import { volumeChecks } from './event-queue/volume-checks.js';
import type { EventQueueHarness, StoreCheck } from './harness.js';
import { retentionChecks } from './event-queue/retention-checks.js';
import { supportChecks } from './event-queue/support-checks.js';

/** Engines on a network need more than the unit-test default for the volume check. */
export const STORE_CHECK_TIMEOUT_MS = 30_000;

/** Every check an EventQueue engine must pass, each on a fresh harness from `create`. */
export function eventQueueChecks(create: () => Promise<EventQueueHarness>): StoreCheck[] {
  return [
    ...acceptChecks(create),
    ...consumeChecks(create),
    ...failureChecks(create),
    ...leaseChecks(create),
    ...flowControlChecks(create),
    ...volumeChecks(create),
    ...retentionChecks(create),
    ...supportChecks(create),
  ];
}

/** Registers the EventQueue parity suite for one engine; call it from the engine's test file. */
export function runEventQueueSuite(engine: string, create: () => Promise<EventQueueHarness>): void {
  describe(`${engine}: event queue contract`, () => {
    for (const check of eventQueueChecks(create)) it(check.name, () => check.run(), STORE_CHECK_TIMEOUT_MS);
  });
}
