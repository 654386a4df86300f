import { expect } from 'vitest';
import type { StoreCheck } from '../harness.js';
import type { RateLimitStoreHarness } from '../rate-limit-store-suite.js';
import { reserve, rule, rules, starts, T0, withHarness } from './session.js';

/** Checks of the windows themselves: limits, margins, several windows and several rules. */
export function windowChecks(create: () => Promise<RateLimitStoreHarness>): StoreCheck[] {
  return [
    {
      name: 'grants up to the limit at once, then the earliest time the window allows, and says when the next could be',
      run: () =>
        withHarness(create, async ({ store }) => {
          const twoPerSecond = [rule('acme:account', 2)];
          expect(await reserve(store, twoPerSecond, T0, 0)).toMatchObject({ granted: true, startAt: T0 });
          expect(await reserve(store, twoPerSecond, T0 + 100, 0)).toEqual({ granted: true, startAt: T0 + 100, nextAt: T0 + 1_000 });
          expect(await reserve(store, twoPerSecond, T0 + 200, 0)).toEqual({ granted: false, earliestAt: T0 + 1_000 });
          expect(await reserve(store, twoPerSecond, T0 + 200, Number.POSITIVE_INFINITY)).toEqual({ granted: true, startAt: T0 + 1_000, nextAt: T0 + 1_100 });
        }),
    },
    {
      name: 'counts a grant for its whole window: refused a millisecond before it ends, granted when it ends',
      run: () =>
        withHarness(create, async ({ store }) => {
          const onePerSecond = [rule('acme:account', 1)];
          await reserve(store, onePerSecond, T0, 0);
          expect(await reserve(store, onePerSecond, T0 + 999, 0)).toEqual({ granted: false, earliestAt: T0 + 1_000 });
          expect(await reserve(store, onePerSecond, T0 + 1_000, 0)).toMatchObject({ granted: true, startAt: T0 + 1_000 });
        }),
    },
    {
      name: 'reserves nothing when the wait would exceed maxWaitMs',
      run: () =>
        withHarness(create, async ({ store }) => {
          const onePerSecond = [rule('acme:account', 1)];
          await reserve(store, onePerSecond, T0, 0);
          expect(await reserve(store, onePerSecond, T0, 999)).toEqual({ granted: false, earliestAt: T0 + 1_000 });
          // Had the refusal reserved, this would be 2000.
          expect(await reserve(store, onePerSecond, T0, 1_000)).toMatchObject({ granted: true, startAt: T0 + 1_000 });
        }),
    },
    {
      name: 'keeps the default margin (0.5% of the window, 5 ms to 250 ms) when a window names none',
      run: () =>
        withHarness(create, async ({ store }) => {
          expect(await starts(store, [rules('a', { limit: 1, windowMs: 1_000 })], 2)).toEqual([0, 1_005]);
          expect(await starts(store, [rules('b', { limit: 1, windowMs: 100_000 })], 2)).toEqual([0, 100_250]);
          expect(await starts(store, [rules('c', { limit: 1, windowMs: 200 })], 2)).toEqual([0, 205]);
        }),
    },
    {
      name: 'widens every window by how much the reservation’s round trips vary, and keeps fractions of a millisecond',
      run: () =>
        withHarness(create, async ({ store }) => {
          const onePerSecond = [rule('acme:account', 1, 1_000, 0.25)];
          await reserve(store, onePerSecond, T0 + 0.5, 0);
          expect(await reserve(store, onePerSecond, T0 + 1, 0, { fastestMs: 60, slowestMs: 100 })).toEqual({ granted: false, earliestAt: T0 + 1_040.75 });
          // The round trips it asked with are kept for every caller of the key, refused or not.
          expect(await reserve(store, onePerSecond, T0 + 1, 0)).toEqual({ granted: false, earliestAt: T0 + 1_040.75 });
          expect(await reserve(store, [rule('acme:other', 1, 1_000, 0.25)], T0 + 1, 0)).toMatchObject({ granted: true });
        }),
    },
    {
      name: 'spaces every caller of a key by the slowest minus the fastest round trip reserved with under it in the last ten seconds',
      run: () =>
        withHarness(create, async (harness) => {
          const { store } = harness;
          const other = await harness.reopen();
          const onePerSecond = [rule('acme:account', 1)];
          // Each process's own round trips hardly vary, but one's are 100 ms slower than the other's:
          // its request, sent a window after the other's, lands that much closer to it.
          await reserve(store, onePerSecond, T0, 0, { fastestMs: 140, slowestMs: 145 });
          expect(await reserve(other, onePerSecond, T0 + 1, 0, { fastestMs: 40, slowestMs: 45 })).toEqual({ granted: false, earliestAt: T0 + 1_105 });
          expect(await reserve(other, onePerSecond, T0 + 1_105, 0, { fastestMs: 40, slowestMs: 45 })).toMatchObject({ granted: true, startAt: T0 + 1_105 });
          // Ten seconds on, the slow caller's round trips are forgotten.
          expect(await reserve(other, onePerSecond, T0 + 10_001, 0, { fastestMs: 40, slowestMs: 45 })).toMatchObject({ granted: true, startAt: T0 + 10_001 });
          expect(await reserve(other, onePerSecond, T0 + 10_002, 0, { fastestMs: 40, slowestMs: 45 })).toEqual({ granted: false, earliestAt: T0 + 11_006 });
        }),
    },
    {
      name: 'keeps every window of a rule: a burst and a sustained window together',
      run: () =>
        withHarness(create, async ({ store }) => {
          const burstAndSustained = [rules('acme:account', { limit: 2, windowMs: 1_000, marginMs: 0 }, { limit: 3, windowMs: 10_000, marginMs: 0 })];
          expect(await starts(store, burstAndSustained, 6)).toEqual([0, 0, 1_000, 10_000, 10_000, 11_000]);
        }),
    },
    {
      name: 'reserves in every rule or in none',
      run: () =>
        withHarness(create, async ({ store }) => {
          const account = rule('acme:account', 1);
          const endpoint = rule('acme:endpoint:list', 1);
          await reserve(store, [account], T0, 0);
          expect(await reserve(store, [endpoint, account], T0, 0)).toEqual({ granted: false, earliestAt: T0 + 1_000 });
          expect(await reserve(store, [endpoint], T0, 0)).toMatchObject({ granted: true, startAt: T0 });
        }),
    },
    {
      name: 'waits for the rule that frees last',
      run: () =>
        withHarness(create, async ({ store }) => {
          const account = rule('acme:account', 1);
          const endpoint = rule('acme:endpoint:list', 1);
          await reserve(store, [endpoint], T0, 0);
          await reserve(store, [account], T0 + 500, 0);
          expect(await reserve(store, [endpoint, account], T0 + 500, Number.POSITIVE_INFINITY)).toMatchObject({ granted: true, startAt: T0 + 1_500 });
          expect(await reserve(store, [endpoint], T0 + 600, 0)).toEqual({ granted: false, earliestAt: T0 + 2_500 });
        }),
    },
    {
      name: 'keeps keys apart',
      run: () =>
        withHarness(create, async ({ store }) => {
          await reserve(store, [rule('acme:c1:account', 1)], T0, 0);
          expect(await reserve(store, [rule('acme:c2:account', 1)], T0, 0)).toMatchObject({ granted: true, startAt: T0 });
        }),
    },
    {
      name: 'never grants a start before the last one granted under a key (a caller whose clock is behind)',
      run: () =>
        withHarness(create, async ({ store }) => {
          const tenPerSecond = [rule('acme:account', 10)];
          await reserve(store, tenPerSecond, T0 + 1_000, 0);
          expect(await reserve(store, tenPerSecond, T0, 0)).toEqual({ granted: false, earliestAt: T0 + 1_000 });
          expect(await reserve(store, tenPerSecond, T0, 5_000)).toMatchObject({ granted: true, startAt: T0 + 1_000 });
        }),
    },
    {
      name: 'grants an empty rule list at once',
      run: () =>
        withHarness(create, async ({ store }) => {
          expect(await reserve(store, [], T0, 0)).toMatchObject({ granted: true, startAt: T0 });
        }),
    },
    {
      name: 'refuses a window no store can keep with a RangeError',
      run: () =>
        withHarness(create, async ({ store }) => {
          await expect(reserve(store, [rule('acme:account', 0)], T0, 0)).rejects.toThrow(RangeError);
          await expect(reserve(store, [rule('acme:account', 1, 0)], T0, 0)).rejects.toThrow(RangeError);
          await expect(reserve(store, [rule('acme:account', 1, 1_000, -1)], T0, 0)).rejects.toThrow(RangeError);
        }),
    },
  ];
}
