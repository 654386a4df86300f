import { weight } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { TrackingCache } from '@interlock/logistics';
import { describe, expect, it } from 'vitest';
import { createUpsConnector, UPS_RATE_LIMITS } from '../src/index.js';
import { createUpsSimulation } from '../testing/index.js';

const MINUTE = 60_000;
const SHIPMENTS = 50;
const READS = 1_000;
const PER_MINUTE = UPS_RATE_LIMITS.track.find((window) => window.windowMs === MINUTE)?.limit ?? 0;

describe('ups tracking under a burst', () => {
  it(`answers ${READS} reads of ${SHIPMENTS} parcels in a minute with no 429 and at most ${PER_MINUTE} provider reads a minute`, { timeout: 30_000 }, async () => {
    expect(PER_MINUTE).toBe(20);
    const clock = new FakeClock({ autoAdvance: true, start: Date.UTC(2026, 5, 1, 12) });
    const simulation = await createUpsSimulation({ clock, credential: 'ups-burst-credential', trackLimitPerMinute: PER_MINUTE });
    try {
      const connector = createUpsConnector({
        baseUrl: simulation.simulator.url,
        credentials: { clientId: 'burst-client', clientSecret: 'burst-secret' },
        webhookSecrets: ['ups-burst-credential'],
        clock,
        fetch: clock.trackFetch(),
      });
      const numbers = Array.from({ length: SHIPMENTS }, (_, index) => simulation.ship({ reference: `burst-${index}`, weight: weight(1, 'kg') }).trackingNumbers[0] ?? '');
      const cache = new TrackingCache({ clock, ttlMs: 10 * MINUTE });
      const startedAt = clock.now();
      const reads: Promise<unknown>[] = [];
      for (let index = 0; index < READS; index++) {
        // Spread over the minute, as a page of order views would ask.
        if (index > 0 && index % 50 === 0) await clock.sleep(3_000);
        reads.push(cache.track(connector, [numbers[index % SHIPMENTS] ?? '']).then(([result]) => result));
      }
      expect(clock.now() - startedAt).toBeLessThan(MINUTE);
      const results = (await Promise.all(reads)) as { found: boolean }[];

      expect(results).toHaveLength(READS);
      expect(results.every((result) => result.found)).toBe(true);
      const provider = simulation.trackReads;
      expect(provider.filter((read) => read.status === 429)).toEqual([]);
      expect(provider).toHaveLength(SHIPMENTS);
      for (const read of provider) expect(provider.filter((other) => other.at > read.at - MINUTE && other.at <= read.at).length).toBeLessThanOrEqual(PER_MINUTE);
      expect(cache.stats.loads).toBe(SHIPMENTS);
    } finally {
      await simulation.simulator.close();
    }
  });
});
