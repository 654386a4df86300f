import { describe, expect, it, vi } from 'vitest';
import { FakeClock } from '../../src/clock/fake-clock.js';
import { IntegrationError } from '../../src/errors/integration-error.js';
import { MemoryRateLimitStore, RateLimiter, type AcquireRequest, type RateLimitRule, type RateLimitStore } from '../../src/rate-limit/index.js';
import { RoundTripSpread } from '../../src/rate-limit/round-trip-spread.js';

const scope = { provider: 'acme', endpoint: 'list', correlationId: 'corr-1' };
const onePerSecond: RateLimitRule = { key: 'acme:c1:account', windows: [{ limit: 1, windowMs: 1000, marginMs: 0 }] };

function request(overrides: Partial<AcquireRequest> = {}): AcquireRequest {
  return { rules: [onePerSecond], maxWaitMs: 60_000, scope, ...overrides };
}

function setup(store: RateLimitStore = new MemoryRateLimitStore()) {
  const clock = new FakeClock({ start: 0 });
  return { clock, store, limiter: new RateLimiter({ clock, store }) };
}

/** Resolves with the clock's time when `pending` settles, and what it settled with. */
function settledAt<T>(clock: FakeClock, pending: Promise<T>): Promise<{ at: number; value?: T; error?: unknown }> {
  return pending.then(
    (value) => ({ at: clock.now(), value }),
    (error: unknown) => ({ at: clock.now(), error }),
  );
}

describe('RateLimiter: a slot is taken when the request leaves', () => {
  it('spaces a waiting call with the round-trip spread learnt while it waited, not the one known when it asked', async () => {
    const { clock, limiter } = setup();
    await limiter.acquire(request());
    const second = settledAt(clock, limiter.acquire(request()));
    await clock.advance(500);
    // Answers come back meanwhile: 100 ms and 300 ms round trips, a 200 ms spread.
    limiter.observeRoundTrip('list', 100);
    limiter.observeRoundTrip('list', 300);
    await clock.advance(1000);
    expect(await second).toEqual({ at: 1200, value: 1200 });
  });

  it('adds the spread of its own endpoint only', async () => {
    const { limiter } = setup();
    limiter.observeRoundTrip('create', 100);
    limiter.observeRoundTrip('create', 400);
    expect(limiter.extraMarginMs('create')).toBe(300);
    expect(limiter.extraMarginMs('list')).toBe(0);
  });

  it('asks the store once per grant while callers wait in line, and serves them first come, first served', async () => {
    const { clock, store, limiter } = setup();
    const reserve = vi.spyOn(store, 'reserve');
    const order: number[] = [];
    const calls = Array.from({ length: 10 }, (_, i) => limiter.acquire(request()).then(() => order.push(i)));
    await clock.advance(0);
    await clock.advance(9_000);
    await Promise.all(calls);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // The first is granted at once; the second learns it must wait; then one ask per grant.
    expect(reserve).toHaveBeenCalledTimes(11);
  });

  it('fails a waiter as soon as the line learns its slot lies beyond its budget, and serves the rest', async () => {
    const { clock, limiter } = setup();
    await limiter.acquire(request());
    const patient = settledAt(clock, limiter.acquire(request()));
    const hurried = settledAt(clock, limiter.acquire(request({ maxWaitMs: 1500 })));
    await clock.advance(1000);
    const refused = await hurried;
    // Granting the first waiter at 1000 showed the next slot is at 2000, after 1500: it fails then, not at 2000.
    expect(refused.at).toBe(1000);
    expect(refused.error).toBeInstanceOf(IntegrationError);
    expect(refused.error).toMatchObject({ kind: 'rate_limited', reason: 'rate_limit_wait_exceeds_budget', retryAfterMs: 1000, requestMayHaveReachedProvider: false });
    expect(await patient).toEqual({ at: 1000, value: 1000 });
  });

  it('fails at once a caller joining a line whose next slot is already beyond its budget', async () => {
    const { clock, limiter } = setup();
    await limiter.acquire(request());
    const waiting = limiter.acquire(request());
    await clock.advance(0);
    await expect(limiter.acquire(request({ maxWaitMs: 500 }))).rejects.toMatchObject({ retryAfterMs: 1000 });
    await clock.advance(1000);
    await expect(waiting).resolves.toBe(1000);
  });

  it('lets the others through when a waiter behind the head gives up', async () => {
    const { clock, limiter } = setup();
    await limiter.acquire(request());
    const controller = new AbortController();
    const first = settledAt(clock, limiter.acquire(request()));
    const quitter = limiter.acquire(request({ signal: controller.signal }));
    const third = settledAt(clock, limiter.acquire(request()));
    await clock.advance(300);
    const reason = new Error('caller gave up');
    controller.abort(reason);
    await expect(quitter).rejects.toBe(reason);
    await clock.advance(2_000);
    expect(await first).toEqual({ at: 1000, value: 1000 });
    expect(await third).toEqual({ at: 2000, value: 2000 });
  });

  it('hands a store failure to the head as unavailable (never sent) and asks again for the next', async () => {
    const inner = new MemoryRateLimitStore();
    let failNext = false;
    const flaky: RateLimitStore = {
      reserve: (rules, now, maxWaitMs, extra) => {
        if (failNext) {
          failNext = false;
          throw new Error('store unreachable');
        }
        return inner.reserve(rules, now, maxWaitMs, extra);
      },
      pauseUntil: (key, until) => inner.pauseUntil(key, until),
      observeRemaining: (key, remaining, resetAt, now) => inner.observeRemaining(key, remaining, resetAt, now),
    };
    const { clock, limiter } = setup(flaky);
    await limiter.acquire(request());
    const head = settledAt(clock, limiter.acquire(request()));
    const next = settledAt(clock, limiter.acquire(request()));
    await clock.advance(0);
    failNext = true;
    await clock.advance(1000);
    expect((await head).error).toMatchObject({
      kind: 'unavailable',
      reason: 'rate_limit_store_failed',
      requestMayHaveReachedProvider: false,
      causeSummary: { name: 'Error', message: 'store unreachable' },
    });
    expect(await next).toEqual({ at: 1000, value: 1000 });
  });
});

describe('RoundTripSpread', () => {
  it('is the slowest minus the fastest of the recent round trips', () => {
    const spread = new RoundTripSpread();
    expect(spread.spreadMs).toBe(0);
    for (const ms of [40, 55, 31, 48]) spread.observe(ms);
    expect(spread.spreadMs).toBe(24);
  });

  it('forgets an outlier once 64 newer round trips have come back', () => {
    const spread = new RoundTripSpread();
    spread.observe(2_000);
    for (let i = 0; i < 63; i++) spread.observe(50 + (i % 10));
    expect(spread.spreadMs).toBe(1_950);
    spread.observe(50);
    expect(spread.spreadMs).toBe(9);
  });

  it('keeps the range right as extremes and ordinary samples leave the window', () => {
    const spread = new RoundTripSpread();
    const seen: number[] = [];
    let state = 3;
    for (let i = 0; i < 500; i++) {
      state = (state * 1103515245 + 12345) % 2147483648;
      const ms = 20 + (state % 200);
      spread.observe(ms);
      seen.push(ms);
      const recent = seen.slice(-64);
      expect(spread.spreadMs).toBe(Math.max(...recent) - Math.min(...recent));
    }
  });

  it('keeps the range right when round trips repeat, the extremes among them', () => {
    const spread = new RoundTripSpread();
    const seen: number[] = [];
    let state = 7;
    for (let i = 0; i < 2_000; i++) {
      state = (state * 1103515245 + 12345) % 2147483648;
      // Whole milliseconds on a fast path: a handful of values, each seen again and again.
      const ms = i < 1_000 ? state % 4 : 2 + (state % 3);
      spread.observe(ms);
      seen.push(ms);
      const recent = seen.slice(-64);
      expect(spread.spreadMs).toBe(Math.max(...recent) - Math.min(...recent));
    }
  });

  it('ignores a duration that cannot be one', () => {
    const spread = new RoundTripSpread();
    spread.observe(40);
    spread.observe(Number.NaN);
    spread.observe(-5);
    spread.observe(60);
    expect(spread.spreadMs).toBe(20);
  });
});
