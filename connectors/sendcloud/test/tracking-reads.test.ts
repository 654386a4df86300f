import { weight } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { cachedConnector, TrackingCache, type TrackingResult } from '@interlock/logistics';
import { describe, expect, it } from 'vitest';
import { createSendcloudConnector, SENDCLOUD_RATE_LIMITS, sendcloudEndpoints } from '../src/index.js';
import { createSendcloudSimulation } from '../testing/index.js';
import { FROM, TO } from './contract/recorded.js';

const SHIPMENTS = 50;
const READS = 1_000;
const MINUTE = 60_000;
/** The documented window a tracking read counts against: shipping-related GETs, 420 a minute. */
const TRACKING_LIMIT = Math.min(...(sendcloudEndpoints.track.rateLimits ?? []).filter((window) => window.windowMs === MINUTE).map((window) => window.limit));

describe('sendcloud tracking reads', () => {
  it('answers 1,000 reads of 50 parcels in one minute within the documented limit, with no 429', { timeout: 60_000 }, async () => {
    expect(TRACKING_LIMIT).toBe(420);
    expect(SENDCLOUD_RATE_LIMITS.read).toContainEqual({ limit: 420, windowMs: MINUTE });
    const clock = new FakeClock({ autoAdvance: true, start: Date.UTC(2026, 2, 29, 0) });
    const simulation = await createSendcloudSimulation({ clock, webhookSecret: 'whsec_reads' });
    try {
      const connector = createSendcloudConnector({ baseUrl: simulation.simulator.url, apiKeys: ['pk_test_reads:sk_test_reads'], webhookSecrets: ['whsec_reads'], clock, fetch: clock.trackFetch() });
      const numbers: string[] = [];
      for (let index = 0; index < SHIPMENTS; index++) {
        const shipment = await connector.createShipment({ from: FROM, to: TO, parcels: [{ weight: weight(500, 'g') }], service: 'standard', reference: 'reads-' + index });
        numbers.push(...shipment.trackingNumbers);
      }
      expect(numbers).toHaveLength(SHIPMENTS);

      const cached = cachedConnector(connector, { tracking: new TrackingCache({ clock }) });
      const startedAt = clock.now();
      const before = simulation.simulator.requests.length;
      // A read every 60 ms, each asking for one parcel: the hub's pollers and its API callers at once.
      const reads: Promise<TrackingResult[]>[] = [];
      for (let index = 0; index < READS; index++) {
        reads.push(cached.track([numbers[index % SHIPMENTS] ?? '']));
        await clock.sleep(MINUTE / READS);
      }
      const answers = (await Promise.all(reads)).flat();
      const elapsed = clock.now() - startedAt;

      const calls = simulation.simulator.requests.slice(before);
      expect(answers).toHaveLength(READS);
      expect(answers.every((answer) => answer.found)).toBe(true);
      const trackingCalls = calls.filter((call) => call.path.startsWith('/v2/tracking/')).length;
      expect(trackingCalls).toBeGreaterThan(0);
      expect(trackingCalls).toBeLessThanOrEqual(SHIPMENTS);
      expect(calls.length).toBeLessThanOrEqual(TRACKING_LIMIT);
      expect(simulation.throttled()).toBe(0);
      expect(elapsed).toBeLessThanOrEqual(MINUTE + 1_000);
    } finally {
      await simulation.simulator.close();
    }
  });

  it('keeps a read to the time its caller gives: one the read limit cannot start in time fails at once as rate limited, never sent', { timeout: 60_000 }, async () => {
    const clock = new FakeClock({ autoAdvance: true, start: Date.UTC(2026, 2, 29, 0) });
    const simulation = await createSendcloudSimulation({ clock, webhookSecret: 'whsec_reads' });
    try {
      const connector = createSendcloudConnector({ baseUrl: simulation.simulator.url, apiKeys: ['pk_test_reads:sk_test_reads'], webhookSecrets: ['whsec_reads'], clock, fetch: clock.trackFetch() });
      const shipment = await connector.createShipment({ from: FROM, to: TO, parcels: [{ weight: weight(500, 'g') }], service: 'standard', reference: 'bounded' });
      const number = shipment.trackingNumbers[0] ?? '';
      // The minute's reads spent at once; 50 s on, the next turn is about 10 s away.
      await Promise.all(Array.from({ length: TRACKING_LIMIT - 1 }, () => connector.track([number])));
      await clock.sleep(50_000);
      const sent = simulation.simulator.requests.length;
      const askedAt = clock.now();
      await expect(connector.track([number], { totalTimeoutMs: 1_000 })).rejects.toMatchObject({ kind: 'rate_limited', reason: 'rate_limit_wait_exceeds_budget' });
      expect(clock.now() - askedAt).toBeLessThanOrEqual(1_000);
      expect(simulation.simulator.requests.length).toBe(sent);
      // Without a bound the same read waits for its turn and is answered.
      await expect(connector.track([number])).resolves.toMatchObject([{ found: true }]);
      expect(simulation.throttled()).toBe(0);
    } finally {
      await simulation.simulator.close();
    }
  });
});
