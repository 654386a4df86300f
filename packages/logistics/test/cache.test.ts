import { IntegrationError, money } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { describe, expect, it } from 'vitest';
import { cachedConnector, logisticsDomain, RateCache, stableKey, TrackingCache, TtlCache, type LogisticsConnector, type Rate, type RateRequest, type TrackingResult } from '../src/index.js';
import { berlin } from './fixtures.js';

const DAY = 86_400_000;
const request: RateRequest = { from: berlin(), to: { ...berlin(), city: 'München' }, parcels: [{ weight: { value: 2, unit: 'kg' } }] };

function rate(validUntil: number): Rate {
  return { provider: 'carrier', carrier: 'carrier', service: 'standard', amount: money(495, 'EUR'), validUntil, quotedAt: 0 };
}

describe('TtlCache', () => {
  it('serves a value until its TTL, then loads it again; one load for a burst', async () => {
    const clock = new FakeClock();
    const cache = new TtlCache<number>({ clock, ttlMs: 1_000 });
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    expect(await Promise.all([cache.get('k', load), cache.get('k', load), cache.get('k', load)])).toEqual([1, 1, 1]);
    await clock.advance(999);
    expect(await cache.get('k', load)).toBe(1);
    await clock.advance(1);
    expect(await cache.get('k', load)).toBe(2);
    expect(cache.stats).toEqual({ hits: 1, joined: 2, loads: 2 });
  });

  it('keeps nothing from a failed load, or from a value it is told not to keep', async () => {
    const clock = new FakeClock();
    const cache = new TtlCache<number>({ clock, ttlMs: 1_000, cacheable: (value) => value > 0 });
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('k', () => Promise.resolve(0))).toBe(0);
    expect(await cache.get('k', () => Promise.resolve(7))).toBe(7);
    expect(cache.peek('k')).toBe(7);
  });

  it('drops the entries expiring first beyond its size', async () => {
    const clock = new FakeClock();
    const cache = new TtlCache<number>({ clock, ttlMs: 1_000, maxEntries: 2 });
    await cache.get('a', () => Promise.resolve(1));
    await clock.advance(10);
    await cache.get('b', () => Promise.resolve(2));
    await cache.get('c', () => Promise.resolve(3));
    expect([cache.peek('a'), cache.peek('b'), cache.peek('c'), cache.size]).toEqual([undefined, 2, 3, 2]);
  });

  it('keys objects the same in any key order', () => {
    expect(stableKey({ b: 1, a: { d: [1, { f: 2, e: 1 }], c: 2 } })).toBe(stableKey({ a: { c: 2, d: [1, { e: 1, f: 2 }] }, b: 1 }));
  });
});

describe('RateCache', () => {
  it('fetches rates once a day by default and again after, never past their validUntil', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const connector = { provider: 'carrier', quoteRates: () => Promise.resolve([rate(clock.now() + 2 * DAY + calls++)]) };
    const cache = new RateCache({ clock });
    await cache.quote(connector, request);
    await cache.quote(connector, { ...request, parcels: [{ weight: { unit: 'kg', value: 2 } }] });
    expect(calls).toBe(1);
    await clock.advance(DAY);
    await cache.quote(connector, request);
    expect(calls).toBe(2);

    const short = { provider: 'short', quoteRates: () => Promise.resolve([rate(clock.now() + 60_000)]) };
    await cache.quote(short, request);
    await clock.advance(60_000);
    await cache.quote(short, request);
    expect(cache.stats.loads).toBe(4);
  });

  it('refreshes on demand, and keys by provider', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const quoteRates = () => Promise.resolve([rate(clock.now() + DAY + calls++)]);
    const cache = new RateCache({ clock, ttlMs: DAY });
    await cache.quote({ provider: 'a', quoteRates }, request);
    await cache.quote({ provider: 'b', quoteRates }, request);
    await cache.refresh({ provider: 'a', quoteRates }, request);
    expect(calls).toBe(3);
  });
});

describe('TrackingCache', () => {
  function carrier() {
    const calls: string[][] = [];
    const connector = {
      provider: 'carrier',
      track: (numbers: readonly string[]): Promise<TrackingResult[]> => {
        calls.push([...numbers]);
        return Promise.resolve(
          numbers.map((number): TrackingResult =>
            number.startsWith('bad')
              ? { trackingNumber: number, found: false, error: { kind: number === 'bad-limit' ? 'rate_limited' : 'not_found', reason: 'x', message: 'x' } }
              : { trackingNumber: number, found: true, tracks: [] },
          ),
        );
      },
    };
    return { connector, calls };
  }

  it('answers a burst for one number with one call, and asks only for what it lacks', async () => {
    const clock = new FakeClock();
    const cache = new TrackingCache({ clock });
    const { connector, calls } = carrier();
    await Promise.all([cache.track(connector, ['A']), cache.track(connector, ['A']), cache.track(connector, ['A', 'B'])]);
    expect(calls).toEqual([['A'], ['B']]);
    const results = await cache.track(connector, ['B', 'C', 'A']);
    expect(results.map((result) => result.trackingNumber)).toEqual(['B', 'C', 'A']);
    expect(calls).toEqual([['A'], ['B'], ['C']]);
    await clock.advance(5 * 60_000);
    await cache.track(connector, ['A']);
    expect(calls.at(-1)).toEqual(['A']);
  });

  it('keeps one unknown number from failing the batch, caches it, but not a transient per-number failure', async () => {
    const clock = new FakeClock();
    const cache = new TrackingCache({ clock });
    const { connector, calls } = carrier();
    const results = await cache.track(connector, ['A', 'bad-number', 'bad-limit']);
    expect(results.map((result) => result.found)).toEqual([true, false, false]);
    await cache.track(connector, ['bad-number', 'bad-limit']);
    expect(calls).toEqual([['A', 'bad-number', 'bad-limit'], ['bad-limit']]);
  });

  it('fails every waiter when the whole call fails, and keeps nothing', async () => {
    const clock = new FakeClock();
    const cache = new TrackingCache({ clock });
    const down = { provider: 'carrier', track: () => Promise.reject(new IntegrationError('unavailable', 'down', { provider: 'carrier', endpoint: 'track', reason: 'http_503' })) };
    await expect(Promise.all([cache.track(down, ['A']), cache.track(down, ['A'])])).rejects.toMatchObject({ kind: 'unavailable' });
    const { connector, calls } = carrier();
    await cache.track(connector, ['A']);
    expect(calls).toEqual([['A']]);
  });

  /** A carrier whose answer the test releases, recording the signal each call was given. */
  function heldCarrier(): { connector: Pick<LogisticsConnector, 'provider' | 'track'>; signals: AbortSignal[]; answer(): void } {
    const signals: AbortSignal[] = [];
    let release = (): void => undefined;
    const connector = {
      provider: 'carrier',
      track: (numbers: readonly string[], options?: { signal?: AbortSignal }) => {
        if (options?.signal) signals.push(options.signal);
        return new Promise<TrackingResult[]>((resolve) => {
          release = () => resolve(numbers.map((trackingNumber) => ({ trackingNumber, found: true, tracks: [] })));
        });
      },
    };
    return { connector, signals, answer: () => release() };
  }

  it('ends the wait of a caller that gives up, and keeps the carrier call for the callers still waiting', async () => {
    const cache = new TrackingCache({ clock: new FakeClock() });
    const { connector, signals, answer } = heldCarrier();
    const starter = new AbortController();
    const first = cache.track(connector, ['A'], { signal: starter.signal });
    const joiner = cache.track(connector, ['A']);
    const reason = new Error('caller gone');
    starter.abort(reason);
    await expect(first).rejects.toBe(reason);
    expect(signals.map((signal) => signal.aborted)).toEqual([false]);
    answer();
    expect((await joiner).map((result) => result.found)).toEqual([true]);
  });

  it('abandons the carrier call once every caller waiting for it has given up', async () => {
    const cache = new TrackingCache({ clock: new FakeClock() });
    const { connector, signals } = heldCarrier();
    const callers = [new AbortController(), new AbortController()];
    const reads = callers.map((caller) => cache.track(connector, ['A'], { signal: caller.signal }).catch((error: unknown) => error));
    callers[0]?.abort(new Error('first gone'));
    expect(signals[0]?.aborted).toBe(false);
    callers[1]?.abort(new Error('second gone'));
    expect(signals[0]?.aborted).toBe(true);
    expect((await Promise.all(reads)).map((error) => (error as Error).message)).toEqual(['first gone', 'second gone']);
  });

  it('reports a number the carrier left out as a broken contract', async () => {
    const cache = new TrackingCache({ clock: new FakeClock() });
    const [result] = await cache.track({ provider: 'carrier', track: () => Promise.resolve([]) }, ['A']);
    expect(result).toMatchObject({ found: false, error: { kind: 'contract_violation', reason: 'result_missing' } });
  });
});

describe('cachedConnector', () => {
  it('routes quotes and tracking through the caches and everything else to the connector', async () => {
    const clock = new FakeClock();
    const { connector: tracker, calls } = carrier();
    let quotes = 0;
    const shipments = new Map<string, unknown>();
    const connector = {
      provider: 'carrier',
      quoteRates: () => Promise.resolve([rate(clock.now() + DAY + quotes++)]),
      track: tracker.track,
      getShipment: (id: string) => Promise.resolve(shipments.get(id)),
    } as unknown as LogisticsConnector;
    const cached = cachedConnector(connector, { rates: new RateCache({ clock }), tracking: new TrackingCache({ clock }) });
    await cached.quoteRates(request);
    await cached.quoteRates(request);
    await cached.track(['A']);
    await cached.track(['A']);
    expect([quotes, calls.length, cached.provider]).toEqual([1, 1, 'carrier']);
    const plain = cachedConnector(connector, {});
    await plain.quoteRates(request);
    await plain.track(['A']);
    expect([quotes, calls.length]).toEqual([2, 2]);
  });

  it('keeps what a carrier adds beyond the interface, its own methods answering as before', async () => {
    const clock = new FakeClock();
    const { connector: tracker, calls } = carrier();
    const renewed: string[] = [];
    const connector = { provider: 'carrier', track: tracker.track, subscriptions: { renewDue: () => (renewed.push('due'), Promise.resolve(1)) } } as unknown as LogisticsConnector & {
      subscriptions: { renewDue(): Promise<number> };
    };
    const cached = cachedConnector(connector, { tracking: new TrackingCache({ clock }) });
    await expect(cached.subscriptions.renewDue()).resolves.toBe(1);
    await cached.track(['A']);
    await cached.track(['A']);
    expect([renewed, calls.length]).toEqual([['due'], 1]);
  });

  function carrier() {
    const calls: string[][] = [];
    return { calls, connector: { track: (numbers: readonly string[]) => (calls.push([...numbers]), Promise.resolve(numbers.map((n): TrackingResult => ({ trackingNumber: n, found: true, tracks: [] })))) } };
  }

  it('is how the hub holds every carrier: rates kept a day, every tracking read asked of the carrier, nothing else touched', async () => {
    const clock = new FakeClock();
    const { connector: tracker, calls } = carrier();
    let quotes = 0;
    const connector = { provider: 'carrier', quoteRates: () => Promise.resolve([rate(clock.now() + 2 * DAY + quotes++)]), track: tracker.track, extra: 'kept' } as unknown as LogisticsConnector;
    const held = logisticsDomain.hold?.(connector, { clock });
    if (held === undefined) throw new Error('the logistics domain holds no connector');
    await held.quoteRates(request);
    await held.track(['A']);
    await held.track(['A']);
    await clock.advance(DAY - 1);
    await held.quoteRates(request);
    expect([quotes, calls.length, (held as unknown as { extra: string }).extra]).toEqual([1, 2, 'kept']);
    await clock.advance(2);
    await held.quoteRates(request);
    expect([quotes, calls.length]).toEqual([2, 2]);
  });
});
