import { expect } from 'vitest';
import type { StoreCheck } from '../harness.js';
import type { RateLimitStoreHarness } from '../rate-limit-store-suite.js';
import { reserve, rule, T0, withHarness } from './session.js';

const KEY = 'acme:c1:account';
const roomy = [rule(KEY, 100)];

/** Checks of what the provider says: a pause (Retry-After) and a budget until a reset (rate-limit headers). */
export function budgetChecks(create: () => Promise<RateLimitStoreHarness>): StoreCheck[] {
  return [
    {
      name: 'pauseUntil holds every start under the key until then; a shorter pause does not cut it short',
      run: () =>
        withHarness(create, async ({ store }) => {
          await store.pauseUntil(KEY, T0 + 30_000, T0);
          expect(await reserve(store, roomy, T0, 1_000)).toEqual({ granted: false, earliestAt: T0 + 30_000 });
          await store.pauseUntil(KEY, T0 + 10_000, T0);
          expect(await reserve(store, roomy, T0, 0)).toEqual({ granted: false, earliestAt: T0 + 30_000 });
          expect(await reserve(store, [rule('acme:c2:account', 100)], T0, 0)).toMatchObject({ granted: true });
          expect(await reserve(store, roomy, T0 + 30_000, 0)).toMatchObject({ granted: true, startAt: T0 + 30_000 });
        }),
    },
    {
      name: 'observeRemaining allows only that many more starts before the reset',
      run: () =>
        withHarness(create, async ({ store }) => {
          await store.observeRemaining(KEY, 2, T0 + 5_000, T0);
          expect(await reserve(store, roomy, T0, 0)).toMatchObject({ granted: true });
          expect(await reserve(store, roomy, T0, 0)).toEqual({ granted: true, startAt: T0, nextAt: T0 + 5_000 });
          expect(await reserve(store, roomy, T0 + 10, 0)).toEqual({ granted: false, earliestAt: T0 + 5_000 });
          expect(await reserve(store, roomy, T0 + 5_000, 0)).toMatchObject({ granted: true, startAt: T0 + 5_000 });
          expect(await reserve(store, roomy, T0 + 5_001, 0)).toMatchObject({ granted: true, startAt: T0 + 5_001 });
        }),
    },
    {
      name: 'a late report showing more room for the same reset is ignored; a later reset replaces the budget',
      run: () =>
        withHarness(create, async ({ store }) => {
          await store.observeRemaining(KEY, 0, T0 + 5_000, T0);
          await store.observeRemaining(KEY, 3, T0 + 5_000, T0 + 10);
          expect(await reserve(store, roomy, T0 + 20, 0)).toEqual({ granted: false, earliestAt: T0 + 5_000 });
          await store.observeRemaining(KEY, 1, T0 + 6_000, T0 + 30);
          expect(await reserve(store, roomy, T0 + 40, 0)).toMatchObject({ granted: true, startAt: T0 + 40 });
          expect(await reserve(store, roomy, T0 + 50, 0)).toEqual({ granted: false, earliestAt: T0 + 6_000 });
        }),
    },
    {
      name: 'ignores a report whose reset has already passed',
      run: () =>
        withHarness(create, async ({ store }) => {
          await store.observeRemaining(KEY, 0, T0, T0 + 1);
          expect(await reserve(store, roomy, T0 + 1, 0)).toMatchObject({ granted: true, startAt: T0 + 1 });
        }),
    },
  ];
}
