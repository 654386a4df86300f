import { describe, expect, it } from 'vitest';
import { createProviderClient, isIntegrationError, MemoryRateLimitStore, type RateLimitStore, type Transport, type TransportResponse } from '../../src/index.js';
import { FakeClock, maxInAnyWindow } from '../../src/testing.js';

/** A small seeded generator (mulberry32), so the simulated latencies repeat exactly. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const LIMIT = 25;
const WINDOW_MS = 1_000;

/**
 * A provider that counts where a real one does: at ARRIVAL, a strict sliding window over the
 * requests it accepted. Each request spends a varying time on the way there and back, on the
 * fake clock, so the order and spacing the client chose are not what the provider sees.
 */
function arrivalProvider(clock: FakeClock, random: () => number, oneWayMs: (random: () => number) => number) {
  const accepted: number[] = [];
  let rejected = 0;
  const answer = (status: number): TransportResponse => ({ status, headers: new Headers({ 'content-type': 'application/json', ...(status === 429 ? { 'retry-after': '1' } : {}) }), bodyText: '{}' });
  const transport: Transport = async () => {
    await clock.sleep(oneWayMs(random));
    const at = clock.now();
    const counted = accepted.length >= LIMIT ? (accepted[accepted.length - LIMIT] as number) : undefined;
    const full = counted !== undefined && counted + WINDOW_MS > at;
    if (full) rejected++;
    else accepted.push(at);
    await clock.sleep(oneWayMs(random));
    return answer(full ? 429 : 200);
  };
  return { transport, accepted, rejected: () => rejected };
}

/** The shortest span any client could fit `count` accepted requests into under one window. */
function idealSpanMs(count: number): number {
  return Math.floor((count - 1) / LIMIT) * WINDOW_MS;
}

async function run(oneWayMs: (random: () => number) => number, callers: number, callsEach: number) {
  const clock = new FakeClock({ autoAdvance: true });
  const provider = arrivalProvider(clock, seeded(7), oneWayMs);
  const client = createProviderClient({
    provider: 'acme',
    baseUrl: 'https://api.acme.invalid',
    endpoints: { list: { method: 'GET', path: '/items' } },
    accountRateLimits: [{ limit: LIMIT, windowMs: WINDOW_MS }],
    transport: provider.transport,
    clock,
    random: seeded(11),
    breaker: false,
  });
  const failures: string[] = [];
  await Promise.all(
    Array.from({ length: callers }, async () => {
      for (let i = 0; i < callsEach; i++) {
        await client.request('list', { totalTimeoutMs: 600_000 }).catch((error: unknown) => {
          failures.push(isIntegrationError(error) ? `${error.kind}/${error.reason ?? '-'}` : String(error));
        });
      }
    }),
  );
  const arrivals = provider.accepted;
  const span = (arrivals.at(-1) as number) - (arrivals[0] as number);
  return { rejected: provider.rejected(), failures, arrivals, used: idealSpanMs(arrivals.length) / span };
}

describe('the limit holds where the provider counts it: at arrival', () => {
  it('30 callers, 20–35 ms each way: no 429 and at least 95% of the allowance used', async () => {
    const result = await run((random) => 20 + 15 * random(), 30, 20);
    expect(result.failures).toEqual([]);
    expect(result.rejected).toBe(0);
    expect(result.arrivals).toHaveLength(600);
    expect(maxInAnyWindow(result.arrivals, WINDOW_MS)).toBeLessThanOrEqual(LIMIT);
    expect(result.used).toBeGreaterThanOrEqual(0.95);
  });

  it('widens the spacing as far as the latency varies, and no further', async () => {
    // 60–160 ms each way: a spread no fixed margin of a few ms absorbs.
    const result = await run((random) => 60 + 100 * random(), 30, 10);
    expect(result.rejected).toBe(0);
    expect(result.failures).toEqual([]);
    // Up to ~200 ms of round-trip spread on a 1 s window costs at most a fifth of the allowance.
    expect(result.used).toBeGreaterThanOrEqual(0.8);
  });

  it('counts the spread from the moment a slot is charged, so a shared store that answers late widens it too', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const inner = new MemoryRateLimitStore();
    let slow = false;
    // Every other reservation comes back 80 ms late, as from a busy shared store: its request leaves that much after its slot.
    const store: RateLimitStore = {
      reserve: async (...args) => {
        slow = !slow;
        if (slow) await clock.sleep(80);
        return inner.reserve(...args);
      },
      pauseUntil: (key, until) => inner.pauseUntil(key, until),
      observeRemaining: (key, remaining, resetAt, now) => inner.observeRemaining(key, remaining, resetAt, now),
    };
    const client = createProviderClient({
      provider: 'acme',
      baseUrl: 'https://api.acme.invalid',
      endpoints: { list: { method: 'GET', path: '/items' } },
      accountRateLimits: [{ limit: LIMIT, windowMs: WINDOW_MS }],
      rateLimitStore: store,
      transport: () => Promise.resolve({ status: 200, headers: new Headers({ 'content-type': 'application/json' }), bodyText: '{}' }),
      clock,
    });
    for (let i = 0; i < 4; i++) await client.request('list');
    expect(client.limiter.extraMarginMs('list')).toBe(80);
  });
});
