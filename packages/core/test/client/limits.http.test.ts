import { describe, expect, it } from 'vitest';
import { IntegrationError } from '../../src/index.js';
import { harness, maxInAnyWindow } from '../support/harness.js';

const BURST = { limit: 20, windowMs: 10_000 };
const SUSTAINED = { limit: 60, windowMs: 60_000 };

describe('provider client over real HTTP: client-side rate limits', () => {
  it('never exceeds a burst and a sustained limit at the server, and uses the allowance', async () => {
    const { server, client, clock } = await harness(
      { list: { method: 'GET', path: '/items', rateLimits: [BURST, SUSTAINED], concurrency: 50 } } as const,
      { breaker: false, queue: { maxDepth: 500 } },
    );
    server.route('GET', '/items', () => ({ status: 200, body: [] }));
    const started = clock.now();
    const calls = Array.from({ length: 150 }, () => client.request('list', { totalTimeoutMs: 600_000 }));
    const responses = await Promise.all(calls);
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const arrivals = server.requests.map((r) => r.at).sort((a, b) => a - b);
    expect(arrivals).toHaveLength(150);
    expect(maxInAnyWindow(arrivals, BURST.windowMs)).toBeLessThanOrEqual(BURST.limit);
    expect(maxInAnyWindow(arrivals, SUSTAINED.windowMs)).toBeLessThanOrEqual(SUSTAINED.limit);
    // Call 121 cannot start before 120 s (60 a minute) nor call 141 before call 121 + 10 s (20 per
    // 10 s): 130 s is the least any schedule within both limits needs, plus the windows' safety margins.
    expect(clock.now() - started).toBeLessThanOrEqual(131_000);
  });

  it('holds an endpoint limit under an account-wide limit shared by all endpoints', async () => {
    const { server, client } = await harness(
      {
        track: { method: 'GET', path: '/track', rateLimits: [{ limit: 20, windowMs: 60_000 }], concurrency: 50 },
        rates: { method: 'GET', path: '/rates', concurrency: 50 },
      } as const,
      { breaker: false, accountRateLimits: [{ limit: 30, windowMs: 60_000 }], queue: { maxDepth: 500 } },
    );
    server.route('GET', '/track', () => ({ status: 200 }));
    server.route('GET', '/rates', () => ({ status: 200 }));
    const calls = [
      ...Array.from({ length: 40 }, () => client.request('track', { totalTimeoutMs: 600_000 })),
      ...Array.from({ length: 40 }, () => client.request('rates', { totalTimeoutMs: 600_000 })),
    ];
    await Promise.all(calls);
    const all = server.requests.map((r) => r.at).sort((a, b) => a - b);
    const track = server.requests.filter((r) => r.path === '/track').map((r) => r.at).sort((a, b) => a - b);
    expect(maxInAnyWindow(track, 60_000)).toBeLessThanOrEqual(20);
    expect(maxInAnyWindow(all, 60_000)).toBeLessThanOrEqual(30);
  });

  it('fails fast with a typed error when the wait for a slot exceeds the call’s budget', async () => {
    const { server, client } = await harness(
      { list: { method: 'GET', path: '/items', rateLimits: [{ limit: 2, windowMs: 60_000 }] } } as const,
      { breaker: false },
    );
    server.route('GET', '/items', () => ({ status: 200 }));
    await client.request('list');
    await client.request('list');
    const error = await client.request('list', { totalTimeoutMs: 5_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ kind: 'rate_limited', reason: 'rate_limit_wait_exceeds_budget', requestMayHaveReachedProvider: false });
    expect(server.count('GET', '/items')).toBe(2);
  });

  it('tightens from the provider’s X-RateLimit headers', async () => {
    const { server, client, sink } = await harness({ list: { method: 'GET', path: '/items' } } as const, { breaker: false });
    server.script('GET', '/items', [{ status: 200, headers: { 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '30' } }]);
    server.route('GET', '/items', () => ({ status: 200 }));
    await client.request('list');
    await client.request('list', { totalTimeoutMs: 60_000 });
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(30_000);
    expect(sink.ofType('rate_limit.tightened')).toHaveLength(1);
    expect(sink.ofType('rate_limit.waited')[0]?.waitMs).toBeGreaterThanOrEqual(30_000);
  });

  it('holds the whole endpoint after a 429 so the next call does not earn another', async () => {
    const { server, client } = await harness(
      { list: { method: 'GET', path: '/items', retry: { maxAttempts: 1 } } } as const,
      { breaker: false },
    );
    server.script('GET', '/items', [{ status: 429, headers: { 'retry-after': '10' } }]);
    server.route('GET', '/items', () => ({ status: 200 }));
    const refused = await client.request('list').catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'rate_limited', retryAfterMs: 10_000 });
    const next = await client.request('list');
    expect(next.status).toBe(200);
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(10_000);
  });
});
