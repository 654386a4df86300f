import { describe, expect, it } from 'vitest';
import { MemoryRateLimitStore, type RateLimitRule } from '../../src/rate-limit/index.js';

const perSecond = (key: string, limit: number): RateLimitRule => ({ key, windows: [{ limit, windowMs: 1000, marginMs: 0 }] });

function startsOf(store: MemoryRateLimitStore, rules: readonly RateLimitRule[], count: number, now = 0): number[] {
  const starts: number[] = [];
  for (let i = 0; i < count; i++) {
    const reservation = store.reserve(rules, now, Number.POSITIVE_INFINITY);
    if (!reservation.granted) throw new Error('expected a grant');
    starts.push(reservation.startAt);
  }
  return starts;
}

describe('MemoryRateLimitStore.reserve', () => {
  it('grants up to the limit now, then queues slots a window after the grants they follow', () => {
    const store = new MemoryRateLimitStore();
    expect(startsOf(store, [perSecond('k', 3)], 7)).toEqual([0, 0, 0, 1000, 1000, 1000, 2000]);
  });

  it('counts a sliding window, not fixed buckets', () => {
    const store = new MemoryRateLimitStore();
    const rules = [perSecond('k', 2)];
    expect(store.reserve(rules, 0, 0)).toMatchObject({ granted: true, startAt: 0 });
    expect(store.reserve(rules, 900, 0)).toMatchObject({ granted: true, startAt: 900 });
    // A fixed bucket would reset at 1000; a sliding window only frees the slot used at 0.
    expect(store.reserve(rules, 1000, 0)).toMatchObject({ granted: true, startAt: 1000 });
    expect(store.reserve(rules, 1000, Number.POSITIVE_INFINITY)).toMatchObject({ granted: true, startAt: 1900 });
  });

  it('refuses a slot beyond maxWaitMs and reserves nothing', () => {
    const store = new MemoryRateLimitStore();
    const rules = [perSecond('k', 1)];
    store.reserve(rules, 0, 0);
    expect(store.reserve(rules, 0, 999)).toEqual({ granted: false, earliestAt: 1000 });
    expect(store.reserve(rules, 0, 1000)).toMatchObject({ granted: true, startAt: 1000 });
  });

  it('reserves in every rule at the time all of them allow', () => {
    const store = new MemoryRateLimitStore();
    const account = perSecond('acct', 3);
    const create = [perSecond('ep:create', 2), account];
    const list = [perSecond('ep:list', 10), account];
    expect(startsOf(store, create, 2)).toEqual([0, 0]);
    expect(startsOf(store, list, 2)).toEqual([0, 1000]);
    // The account has room at 1000 again only for one of the three slots used at 0.
    expect(startsOf(store, create, 1)).toEqual([1000]);
  });

  it('leaves every rule untouched when one of them refuses', () => {
    const store = new MemoryRateLimitStore();
    const account = perSecond('acct', 1);
    store.reserve([account], 0, 0);
    expect(store.reserve([perSecond('ep', 1), account], 0, 0)).toEqual({ granted: false, earliestAt: 1000 });
    expect(store.reserve([perSecond('ep', 1)], 0, 0)).toMatchObject({ granted: true, startAt: 0 });
  });

  it('keeps the starts under a key in arrival order', () => {
    const store = new MemoryRateLimitStore();
    const tight = perSecond('tight', 1);
    const open: RateLimitRule = { key: 'open', windows: [] };
    expect(startsOf(store, [tight, open], 2)).toEqual([0, 1000]);
    // `open` has no windows, yet a later caller may not start before the one queued at 1000.
    expect(startsOf(store, [open], 1)).toEqual([1000]);
    expect(startsOf(store, [{ key: 'other', windows: [] }], 1)).toEqual([0]);
  });

  it('grants an empty rule list at once', () => {
    expect(new MemoryRateLimitStore().reserve([], 5, 0)).toMatchObject({ granted: true, startAt: 5 });
  });

  it('starts a key afresh when its windows change, and keeps it when only the array is new', () => {
    const store = new MemoryRateLimitStore();
    expect(startsOf(store, [perSecond('k', 1)], 1)).toEqual([0]);
    expect(startsOf(store, [perSecond('k', 2)], 2)).toEqual([0, 0]);
    expect(startsOf(store, [perSecond('k', 2)], 1)).toEqual([1000]);
  });

  it('holds a paused key until the pause ends, and only that key', () => {
    const store = new MemoryRateLimitStore();
    store.pauseUntil('k', 5000);
    store.pauseUntil('k', 3000);
    expect(store.reserve([perSecond('k', 10)], 0, 4999)).toEqual({ granted: false, earliestAt: 5000 });
    expect(startsOf(store, [perSecond('k', 10)], 1)).toEqual([5000]);
    expect(startsOf(store, [perSecond('j', 10)], 1)).toEqual([0]);
  });
});

describe('MemoryRateLimitStore.observeRemaining', () => {
  it('spends the reported budget, then waits for its reset', () => {
    const store = new MemoryRateLimitStore();
    const rules = [perSecond('k', 100)];
    store.observeRemaining('k', 2, 10_000, 0);
    expect(startsOf(store, rules, 3)).toEqual([0, 0, 10_000]);
    // Starts after the reset no longer draw on it.
    expect(startsOf(store, rules, 2)).toEqual([10_000, 10_000]);
  });

  it('treats remaining 0 as a pause until the reset', () => {
    const store = new MemoryRateLimitStore();
    store.observeRemaining('k', 0, 4000, 0);
    expect(store.reserve([perSecond('k', 100)], 0, 1000)).toEqual({ granted: false, earliestAt: 4000 });
  });

  it('ignores a stale report of more room in the same window', () => {
    const store = new MemoryRateLimitStore();
    store.observeRemaining('k', 1, 10_000, 0);
    store.observeRemaining('k', 5, 9_500, 0);
    expect(startsOf(store, [perSecond('k', 100)], 2)).toEqual([0, 10_000]);
  });

  it('takes a smaller count for the same window', () => {
    const store = new MemoryRateLimitStore();
    store.observeRemaining('k', 5, 10_000, 0);
    store.observeRemaining('k', 1, 10_000, 0);
    expect(startsOf(store, [perSecond('k', 100)], 2)).toEqual([0, 10_000]);
  });

  it('replaces the budget when a later window is reported', () => {
    const store = new MemoryRateLimitStore();
    store.observeRemaining('k', 0, 10_000, 0);
    store.observeRemaining('k', 0, 20_000, 0);
    expect(startsOf(store, [perSecond('k', 100)], 1)).toEqual([20_000]);
  });

  it('ignores a report whose window has already ended', () => {
    const store = new MemoryRateLimitStore();
    store.observeRemaining('k', 0, 1000, 1000);
    expect(startsOf(store, [perSecond('k', 100)], 1)).toEqual([0]);
  });
});
