import { describe, expect, it, vi } from 'vitest';
import { FakeClock } from '../../src/clock/fake-clock.js';
import { IntegrationError } from '../../src/errors/integration-error.js';
import {
  MemoryRateLimitStore,
  RateLimiter,
  type AcquireRequest,
  type RateLimitRule,
  type RateLimitStore,
} from '../../src/rate-limit/index.js';
import { MemoryTelemetrySink } from '../../src/telemetry/telemetry.js';

const scope = { provider: 'stripe', endpoint: 'createPayment', correlationId: 'corr-1' };
const endpointRule: RateLimitRule = { key: 'stripe:c1:endpoint:createPayment', windows: [{ limit: 1, windowMs: 1000, marginMs: 0 }] };
const accountRule: RateLimitRule = { key: 'stripe:c1:account', windows: [{ limit: 100, windowMs: 1000, marginMs: 0 }] };

function request(overrides: Partial<AcquireRequest> = {}): AcquireRequest {
  return { rules: [endpointRule, accountRule], maxWaitMs: 60_000, scope, ...overrides };
}

const nextMacrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function setup(store?: RateLimitStore) {
  const clock = new FakeClock();
  const sink = new MemoryTelemetrySink();
  const limiter = new RateLimiter({ clock, emit: (event) => sink.emit(event), ...(store ? { store } : {}) });
  return { clock, sink, limiter };
}

/** The same store answering through promises, as a shared store would. */
function asyncStore(inner: MemoryRateLimitStore): RateLimitStore {
  return {
    reserve: async (rules, now, maxWaitMs) => inner.reserve(rules, now, maxWaitMs),
    pauseUntil: async (key, until) => inner.pauseUntil(key, until),
    observeRemaining: async (key, remaining, resetAt, now) => inner.observeRemaining(key, remaining, resetAt, now),
  };
}

describe('RateLimiter.acquire', () => {
  it('resolves at once without sleeping when a slot is free', async () => {
    const { clock, sink, limiter } = setup();
    const sleep = vi.spyOn(clock, 'sleep');
    await expect(limiter.acquire(request())).resolves.toBe(0);
    expect(sleep).not.toHaveBeenCalled();
    expect(sink.events).toEqual([]);
  });

  it('sleeps until the reserved slot and reports the wait', async () => {
    const { clock, sink, limiter } = setup();
    await limiter.acquire(request());
    let waited: number | undefined;
    const pending = limiter.acquire(request()).then((ms) => (waited = ms));
    await clock.advance(999);
    expect(waited).toBeUndefined();
    await clock.advance(1);
    await pending;
    expect(waited).toBe(1000);
    expect(sink.ofType('rate_limit.waited')).toEqual([
      {
        type: 'rate_limit.waited',
        at: clock.now(),
        ...scope,
        waitMs: 1000,
        limiter: 'stripe:c1:endpoint:createPayment,stripe:c1:account',
      },
    ]);
  });

  it('fails fast, reserving nothing, when the wait would exceed maxWaitMs', async () => {
    const { clock, limiter } = setup();
    await limiter.acquire(request());
    await clock.advance(200);
    const error = await limiter.acquire(request({ maxWaitMs: 500 })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({
      kind: 'rate_limited',
      retryable: true,
      reason: 'rate_limit_wait_exceeds_budget',
      retryAfterMs: 800,
      requestMayHaveReachedProvider: false,
      ...scope,
    });
    // Had the refused call reserved, this one would wait until 2000.
    const pending = limiter.acquire(request());
    await clock.advance(800);
    await expect(pending).resolves.toBe(800);
  });

  it('lets a call with no rules through without consulting the store', async () => {
    const store = new MemoryRateLimitStore();
    const reserve = vi.spyOn(store, 'reserve');
    const { limiter } = setup(store);
    await expect(limiter.acquire(request({ rules: [] }))).resolves.toBe(0);
    expect(reserve).not.toHaveBeenCalled();
  });

  it('rejects with the reason of a signal that is already aborted', async () => {
    const { limiter } = setup();
    const reason = new Error('caller gave up');
    await expect(limiter.acquire(request({ signal: AbortSignal.abort(reason) }))).rejects.toBe(reason);
  });

  it('rejects with the signal reason when aborted while waiting', async () => {
    const { clock, sink, limiter } = setup();
    await limiter.acquire(request());
    const controller = new AbortController();
    const pending = limiter.acquire(request({ signal: controller.signal }));
    await clock.advance(100);
    const reason = new Error('shutdown');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(sink.events).toEqual([]);
  });

  it('works with a store that answers asynchronously', async () => {
    const { clock, limiter } = setup(asyncStore(new MemoryRateLimitStore()));
    await expect(limiter.acquire(request())).resolves.toBe(0);
    await expect(limiter.acquire(request({ maxWaitMs: 10 }))).rejects.toMatchObject({ retryAfterMs: 1000 });
    const pending = limiter.acquire(request());
    await nextMacrotask();
    expect(clock.pendingTimers).toBe(1);
    await clock.advance(1000);
    await expect(pending).resolves.toBe(1000);
  });

  it('sleeps only for what is left of the wait after a slow store answers', async () => {
    const { clock, sink, limiter } = setup(asyncStore(new MemoryRateLimitStore()));
    await limiter.acquire(request());
    const sleep = vi.spyOn(clock, 'sleep');
    const pending = limiter.acquire(request());
    // Time moves on before the store's answer is read.
    await clock.advance(1000);
    await expect(pending).resolves.toBe(1000);
    expect(sleep).not.toHaveBeenCalled();
    expect(sink.ofType('rate_limit.waited')).toHaveLength(1);
  });

  it('uses a private in-memory store by default', async () => {
    const clock = new FakeClock();
    const first = new RateLimiter({ clock });
    const second = new RateLimiter({ clock });
    await first.acquire(request());
    await expect(second.acquire(request({ maxWaitMs: 0 }))).resolves.toBe(0);
    await expect(first.acquire(request({ maxWaitMs: 0 }))).rejects.toBeInstanceOf(IntegrationError);
  });
});

describe('RateLimiter.pauseUntil', () => {
  it('holds calls under the key until the pause ends', async () => {
    const { clock, limiter } = setup(asyncStore(new MemoryRateLimitStore()));
    await limiter.pauseUntil(accountRule.key, clock.now() + 30_000);
    await expect(limiter.acquire(request({ maxWaitMs: 1000 }))).rejects.toMatchObject({ retryAfterMs: 30_000 });
    const pending = limiter.acquire(request());
    await nextMacrotask();
    await clock.advance(30_000);
    await expect(pending).resolves.toBe(30_000);
  });
});

describe('RateLimiter.observeHeaders', () => {
  it('tightens the key from the headers and reports it', async () => {
    const { clock, sink, limiter } = setup();
    const headers = new Headers({ 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '5' });
    await expect(limiter.observeHeaders(accountRule.key, headers, 'stripe')).resolves.toBe(true);
    expect(sink.ofType('rate_limit.tightened')).toEqual([
      {
        type: 'rate_limit.tightened',
        at: clock.now(),
        provider: 'stripe',
        limiter: accountRule.key,
        remaining: 0,
        resetMs: 5000,
        reason: 'rate_limit_headers',
      },
    ]);
    await expect(limiter.acquire(request({ maxWaitMs: 0 }))).rejects.toMatchObject({ retryAfterMs: 5000 });
  });

  it('tightens quietly while plenty is left, and reports once a tenth or less remains', async () => {
    const { sink, limiter } = setup();
    const headers = (remaining: string, limit?: string): Headers =>
      new Headers({ 'X-RateLimit-Remaining': remaining, 'X-RateLimit-Reset': '60', ...(limit ? { 'X-RateLimit-Limit': limit } : {}) });
    await expect(limiter.observeHeaders(accountRule.key, headers('50', '100'), 'stripe')).resolves.toBe(true);
    await expect(limiter.observeHeaders(accountRule.key, headers('20'), 'stripe')).resolves.toBe(true);
    expect(sink.ofType('rate_limit.tightened')).toHaveLength(0);
    await limiter.observeHeaders(accountRule.key, headers('10', '100'), 'stripe');
    expect(sink.ofType('rate_limit.tightened').map((e) => e.remaining)).toEqual([10]);
  });

  it('learns nothing from a response without rate-limit headers', async () => {
    const { sink, limiter } = setup();
    await expect(limiter.observeHeaders(accountRule.key, new Headers({ 'content-type': 'application/json' }), 'stripe')).resolves.toBe(false);
    expect(sink.events).toEqual([]);
    await expect(limiter.acquire(request({ maxWaitMs: 0 }))).resolves.toBe(0);
  });
});
