import { maxInAnyWindow } from '@interlock/core/testing';
import { expect } from 'vitest';
import type { StoreCheck } from '../harness.js';
import type { RateLimitStoreHarness } from '../rate-limit-store-suite.js';
import { reserve, rule, T0, withHarness } from './session.js';

/** Checks of one allowance shared by several store instances (processes) at once. */
export function sharingChecks(create: () => Promise<RateLimitStoreHarness>): StoreCheck[] {
  return [
    {
      name: 'two instances over the same storage share one allowance: 40 reservations at once, 10 granted',
      run: () =>
        withHarness(create, async (harness) => {
          const { store } = harness;
          const other = await harness.reopen();
          const tenPerSecond = [rule('acme:account', 10)];
          const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => reserve(i % 2 === 0 ? store : other, tenPerSecond, T0, 0)));
          expect(answers.filter((answer) => answer.granted)).toHaveLength(10);
          expect(answers.filter((answer) => !answer.granted).every((answer) => !answer.granted && answer.earliestAt === T0 + 1_000)).toBe(true);
        }),
    },
    {
      name: 'two instances reserving ahead at once never put more than the limit in any window',
      run: () =>
        withHarness(create, async (harness) => {
          const { store } = harness;
          const other = await harness.reopen();
          const endpoint = rule('acme:endpoint:list', 5);
          const account = rule('acme:account', 8);
          const answers = await Promise.all(
            Array.from({ length: 60 }, (_, i) => reserve(i % 2 === 0 ? store : other, i % 3 === 0 ? [account] : [endpoint, account], T0, Number.POSITIVE_INFINITY)),
          );
          const startTimes = answers.map((answer) => (answer.granted ? answer.startAt : Number.NaN));
          expect(startTimes.every(Number.isFinite)).toBe(true);
          expect(maxInAnyWindow(startTimes, 1_000)).toBeLessThanOrEqual(8);
          const endpointStarts = startTimes.filter((_, i) => i % 3 !== 0);
          expect(maxInAnyWindow(endpointStarts, 1_000)).toBeLessThanOrEqual(5);
          // Back to back: 60 under 8 a second fit in 7 seconds and a bit, not more.
          expect(Math.max(...startTimes) - T0).toBe(7_000);
        }),
    },
  ];
}
