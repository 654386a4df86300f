import type { IntegrityStore } from '@interlock/core';
import { DEFAULT_IDEMPOTENCY_TIMINGS, type IdempotencyTimings, type IntegrityStoreHarness } from '../harness.js';

/** Runs `body` on a fresh store and always cleans up. */
export async function withStore(
  create: () => Promise<IntegrityStoreHarness>,
  body: (store: IntegrityStore, timings: IdempotencyTimings) => Promise<void>,
): Promise<void> {
  const harness = await create();
  try {
    await body(harness.store, harness.idempotency ?? DEFAULT_IDEMPOTENCY_TIMINGS);
  } finally {
    await harness.cleanup();
  }
}

/** The instant the checks start from; `now` is always passed in, so no clock is needed. */
export const T0 = Date.UTC(2026, 0, 1);
