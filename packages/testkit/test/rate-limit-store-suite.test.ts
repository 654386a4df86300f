import { MemoryRateLimitStore, type RateLimitStore } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { rateLimitStoreChecks, runRateLimitStoreSuite, type RateLimitStoreHarness, type StoreCheck } from '../src/vitest.js';

/** Every instance of one harness shares its memory store, as processes share a Redis. */
function memoryHarness(wrap: (inner: MemoryRateLimitStore) => RateLimitStore = (inner) => inner): () => Promise<RateLimitStoreHarness> {
  return () => {
    const store = wrap(new MemoryRateLimitStore());
    return Promise.resolve({ store, reopen: () => Promise.resolve(store), cleanup: () => Promise.resolve() });
  };
}

runRateLimitStoreSuite('memory reference', memoryHarness());

function check(checks: StoreCheck[], name: string): StoreCheck {
  const found = checks.find((c) => c.name.startsWith(name));
  if (!found) throw new Error(`no check named ${name}`);
  return found;
}

/** The memory store with one behaviour broken, to prove the suite notices. */
function broken(reserve: (inner: MemoryRateLimitStore, ...args: Parameters<RateLimitStore['reserve']>) => ReturnType<RateLimitStore['reserve']>): () => Promise<RateLimitStoreHarness> {
  return memoryHarness((inner) => ({
    reserve: (...args) => reserve(inner, ...args),
    pauseUntil: (key, until) => inner.pauseUntil(key, until),
    observeRemaining: (key, remaining, resetAt, now) => inner.observeRemaining(key, remaining, resetAt, now),
  }));
}

describe('the rate-limit store suite catches broken engines', () => {
  it('a store that checks only the first rule fails "reserves in every rule or in none"', async () => {
    const checks = rateLimitStoreChecks(broken((inner, rules, now, maxWaitMs, extra) => inner.reserve(rules.slice(0, 1), now, maxWaitMs, extra)));
    await expect(check(checks, 'reserves in every rule or in none').run()).rejects.toThrow();
  });

  it('a store that drops the extra margin fails the margin check', async () => {
    const checks = rateLimitStoreChecks(broken((inner, rules, now, maxWaitMs) => inner.reserve(rules, now, maxWaitMs)));
    await expect(check(checks, 'widens every window').run()).rejects.toThrow();
  });

  it('a store that reserves ahead even when refusing fails "reserves nothing"', async () => {
    const checks = rateLimitStoreChecks(
      broken((inner, rules, now, maxWaitMs, extra) => {
        const answer = inner.reserve(rules, now, Number.POSITIVE_INFINITY, extra);
        return answer.granted && answer.startAt > now + maxWaitMs ? { granted: false, earliestAt: answer.startAt } : answer;
      }),
    );
    await expect(check(checks, 'reserves nothing when the wait').run()).rejects.toThrow();
  });

  it('instances that each keep their own state fail the sharing checks', async () => {
    const checks = rateLimitStoreChecks(() =>
      Promise.resolve({ store: new MemoryRateLimitStore(), reopen: () => Promise.resolve(new MemoryRateLimitStore()), cleanup: () => Promise.resolve() }),
    );
    await expect(check(checks, 'two instances over the same storage').run()).rejects.toThrow();
    await expect(check(checks, 'two instances reserving ahead').run()).rejects.toThrow();
  });

  it('a store that rounds times to whole milliseconds fails the fractions check', async () => {
    const checks = rateLimitStoreChecks(
      broken((inner, rules, now, maxWaitMs, extra) => {
        const answer = inner.reserve(rules, now, maxWaitMs, extra);
        return answer.granted ? answer : { granted: false, earliestAt: Math.round(answer.earliestAt) };
      }),
    );
    await expect(check(checks, 'widens every window').run()).rejects.toThrow();
  });
});
