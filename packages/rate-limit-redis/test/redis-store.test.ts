import { RateLimiter, type RateLimitRule, type RateLimitStore } from '@interlock/core';
import { FakeClock, maxInAnyWindow } from '@interlock/core/testing';
import { Redis } from 'ioredis';
import { afterEach, expect, it, vi } from 'vitest';
import { RedisRateLimitStore } from '../src/index.js';
import { keysUnder, openTestStores } from './harness.js';
import { describeWithRedis, REDIS_ENDPOINT } from './redis-service.js';

const T0 = Date.UTC(2026, 0, 1);
const onePerSecond: RateLimitRule[] = [{ key: 'acme:c1:account', windows: [{ limit: 1, windowMs: 1_000, marginMs: 0 }] }];
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function stores(options: Parameters<typeof openTestStores>[0] = {}) {
  const opened = await openTestStores(options);
  cleanups.push(() => opened.cleanup());
  return opened;
}

describeWithRedis('RedisRateLimitStore on Redis', () => {
  it('grants, pauses and tightens in one round trip each', async () => {
    const { prefix } = await stores();
    const client = new Redis({ ...REDIS_ENDPOINT });
    const store = new RedisRateLimitStore({ redis: client, prefix });
    cleanups.push(async () => {
      client.disconnect();
    });
    // The first call of each script may need EVAL once, when Redis has not cached it yet.
    await store.reserve(onePerSecond, T0, 0);
    await store.pauseUntil('acme:c1:account', T0, T0);
    await store.observeRemaining('acme:c1:account', 5, T0 + 1, T0);
    const sent = vi.spyOn(client, 'sendCommand');
    await store.reserve([...onePerSecond, { key: 'acme:c1:endpoint:list', windows: [{ limit: 5, windowMs: 1_000 }, { limit: 100, windowMs: 60_000 }] }], T0 + 5_000, 0);
    await store.pauseUntil('acme:c1:account', T0 + 6_000, T0 + 5_000);
    await store.observeRemaining('acme:c1:account', 5, T0 + 7_000, T0 + 5_000);
    expect(sent.mock.calls.map(([command]) => command.name)).toEqual(['evalsha', 'evalsha', 'evalsha']);
  });

  it('writes only under its prefix, and every key expires once it constrains nothing', async () => {
    const { store, prefix, admin } = await stores({ idleTtlMs: 60_000 });
    await store.reserve(onePerSecond, T0, 0);
    // Reserved a second ahead: its log must outlive that slot by a window, plus the idle time.
    await store.reserve(onePerSecond, T0, Number.POSITIVE_INFINITY);
    await store.pauseUntil('acme:c2:account', T0 + 30_000, T0);
    await store.observeRemaining('acme:c3:account', 0, T0 + 120_000, T0);
    const ttls = new Map<string, number>();
    for (const key of await keysUnder(admin, prefix)) ttls.set(key.slice(prefix.length + 1), await admin.pttl(key));
    expect([...ttls.keys()].sort()).toEqual(['acme:c1:account:state', 'acme:c1:account:window:1/1000+0', 'acme:c2:account:state', 'acme:c3:account:state']);
    const within = (key: string, least: number): void => {
      const ttl = ttls.get(key) as number;
      expect(ttl).toBeGreaterThan(least - 1_000);
      expect(ttl).toBeLessThanOrEqual(least + 1);
    };
    within('acme:c1:account:window:1/1000+0', 1_000 + 1_000 + 60_000);
    within('acme:c1:account:state', 1_000 + 60_000);
    within('acme:c2:account:state', 30_000 + 60_000);
    within('acme:c3:account:state', 120_000 + 60_000);
  });

  it('widens every window by the clock skew it is told of', async () => {
    const { store } = await stores({ clockSkewMs: 15 });
    await store.reserve(onePerSecond, T0, 0);
    expect(await store.reserve(onePerSecond, T0, 0)).toEqual({ granted: false, earliestAt: T0 + 1_015 });
    expect(await store.reserve(onePerSecond, T0, 0, { fastestMs: 50, slowestMs: 90 })).toEqual({ granted: false, earliestAt: T0 + 1_055 });
  });

  it('closes the connection it opened and leaves a client it was given open', async () => {
    const { prefix } = await stores();
    const client = new Redis({ ...REDIS_ENDPOINT });
    const given = new RedisRateLimitStore({ redis: client, prefix });
    await given.close();
    expect(await client.ping()).toBe('PONG');
    client.disconnect();
    const own = new RedisRateLimitStore({ redis: { ...REDIS_ENDPOINT }, prefix });
    await own.reserve(onePerSecond, T0, 0);
    await own.close();
    await expect(own.reserve(onePerSecond, T0, 0)).rejects.toThrow();
  });

  it('refuses a negative clock skew and an idle time that is not positive', () => {
    expect(() => new RedisRateLimitStore({ redis: { ...REDIS_ENDPOINT, lazyConnect: true }, clockSkewMs: -1 })).toThrow(RangeError);
    expect(() => new RedisRateLimitStore({ redis: { ...REDIS_ENDPOINT, lazyConnect: true }, idleTtlMs: 0 })).toThrow(RangeError);
  });

  it('two limiters (two processes) over one Redis keep one allowance between them', async () => {
    const { store, reopen } = await stores();
    const other = await reopen();
    const clock = new FakeClock({ start: T0, autoAdvance: true });
    // Virtual time stands still while Redis answers, as it would for an instant round trip.
    const held = (inner: RateLimitStore): RateLimitStore => ({
      reserve: async (...args) => {
        const hold = clock.hold();
        try {
          return await inner.reserve(...args);
        } finally {
          clock.release(hold);
        }
      },
      pauseUntil: (...args) => inner.pauseUntil(...args),
      observeRemaining: (...args) => inner.observeRemaining(...args),
    });
    const limiters = [new RateLimiter({ clock, store: held(store) }), new RateLimiter({ clock, store: held(other) })];
    const rules: RateLimitRule[] = [{ key: 'acme:c1:account', windows: [{ limit: 5, windowMs: 1_000, marginMs: 0 }] }];
    const scope = { provider: 'acme', endpoint: 'list', correlationId: 'c' };
    const granted: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, async (_, caller) => {
        for (let i = 0; i < 3; i++) {
          await (limiters[caller % 2] as RateLimiter).acquire({ rules, maxWaitMs: 60_000, scope });
          granted.push(clock.now());
        }
      }),
    );
    expect(granted).toHaveLength(60);
    expect(maxInAnyWindow(granted, 1_000)).toBe(5);
    // 60 at 5 a second: the last can go at 11 s, and sharing wastes little of that.
    expect(Math.max(...granted) - T0).toBeLessThanOrEqual(11_100);
  });
});
