import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock/fake-clock.js';
import { RetryBudget } from '../../src/retry/retry-budget.js';

function acquireAll(budget: RetryBudget, limit = 1_000): number {
  let granted = 0;
  while (granted < limit && budget.tryAcquireRetry()) granted++;
  return granted;
}

function recordRequests(budget: RetryBudget, count: number): void {
  for (let i = 0; i < count; i++) budget.recordRequest();
}

describe('RetryBudget', () => {
  it('allows the per-second floor over the window when traffic is low', () => {
    const budget = new RetryBudget({ clock: new FakeClock() });
    expect(budget.snapshot()).toEqual({ requests: 0, retries: 0, allowed: 10 });
    expect(acquireAll(budget)).toBe(10);
    expect(budget.snapshot()).toEqual({ requests: 0, retries: 10, allowed: 10 });
  });

  it('records nothing when it refuses', () => {
    const budget = new RetryBudget({ clock: new FakeClock(), minRetriesPerSecond: 0.2 });
    expect(budget.tryAcquireRetry()).toBe(true);
    expect(budget.tryAcquireRetry()).toBe(true);
    expect(budget.tryAcquireRetry()).toBe(false);
    expect(budget.tryAcquireRetry()).toBe(false);
    expect(budget.snapshot().retries).toBe(2);
  });

  it('scales with traffic once the ratio exceeds the floor', () => {
    const budget = new RetryBudget({ clock: new FakeClock() });
    recordRequests(budget, 500);
    expect(budget.snapshot().allowed).toBe(50);
    expect(acquireAll(budget)).toBe(50);
  });

  it('grants more retries as more requests arrive', () => {
    const budget = new RetryBudget({ clock: new FakeClock(), ratio: 0.5, minRetriesPerSecond: 0 });
    expect(budget.tryAcquireRetry()).toBe(false);
    recordRequests(budget, 2);
    expect(budget.tryAcquireRetry()).toBe(true);
    expect(budget.tryAcquireRetry()).toBe(false);
    recordRequests(budget, 2);
    expect(budget.tryAcquireRetry()).toBe(true);
    expect(budget.snapshot()).toEqual({ requests: 4, retries: 2, allowed: 2 });
  });

  it('refuses every retry with a zero ratio and floor', () => {
    const budget = new RetryBudget({ clock: new FakeClock(), ratio: 0, minRetriesPerSecond: 0 });
    recordRequests(budget, 100);
    expect(budget.tryAcquireRetry()).toBe(false);
  });

  it('frees the budget as retries slide out of the window', async () => {
    const clock = new FakeClock();
    const budget = new RetryBudget({ clock, windowMs: 10_000, minRetriesPerSecond: 0.3 });
    expect(acquireAll(budget)).toBe(3);
    await clock.advance(5_000);
    expect(budget.tryAcquireRetry()).toBe(false);
    await clock.advance(5_000);
    expect(budget.snapshot().retries).toBe(0);
    expect(acquireAll(budget)).toBe(3);
  });

  it('forgets requests older than the window, shrinking the budget', async () => {
    const clock = new FakeClock();
    const budget = new RetryBudget({ clock, windowMs: 10_000, minRetriesPerSecond: 0 });
    recordRequests(budget, 100);
    await clock.advance(6_000);
    recordRequests(budget, 50);
    expect(budget.snapshot()).toMatchObject({ requests: 150, allowed: 15 });
    await clock.advance(4_000);
    expect(budget.snapshot()).toMatchObject({ requests: 50, allowed: 5 });
    expect(acquireAll(budget)).toBe(5);
    await clock.advance(10_000);
    expect(budget.snapshot()).toEqual({ requests: 0, retries: 0, allowed: 0 });
  });

  it.each([
    [{ ratio: -0.1 }, /ratio/],
    [{ ratio: Number.NaN }, /ratio/],
    [{ ratio: Number.POSITIVE_INFINITY }, /ratio/],
    [{ minRetriesPerSecond: -1 }, /minRetriesPerSecond/],
    [{ minRetriesPerSecond: Number.POSITIVE_INFINITY }, /minRetriesPerSecond/],
    [{ windowMs: 0 }, /windowMs/],
  ])('rejects %o', (options, message) => {
    expect(() => new RetryBudget({ ...options, clock: new FakeClock() })).toThrow(TypeError);
    expect(() => new RetryBudget({ ...options, clock: new FakeClock() })).toThrow(message);
  });
});
