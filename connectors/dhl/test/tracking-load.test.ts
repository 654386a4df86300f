import { weight } from '@interlock/core';
import { maxInAnyWindow } from '@interlock/core/testing';
import { cachedConnector, TrackingCache, type TrackingResult } from '@interlock/logistics';
import { describe, expect, it } from 'vitest';
import { connectorFor, onSimulation, shipInput } from './helpers.js';

const NUMBERS = 50;
const READS = 1_000;
const MINUTE = 60_000;
/** DHL's tracking burst, as the simulation enforces it. */
const PER_MINUTE = 20;

describe('dhl tracking under a burst of reads', () => {
  it('answers 1,000 reads of 50 numbers made in one minute with no 429 and at most 20 calls in any minute', { timeout: 60_000 }, async () => {
    await onSimulation(async (clock, simulation) => {
      const numbers = Array.from({ length: NUMBERS }, (_, index) => simulation.ship(shipInput(index, { weight: weight(500, 'g') })).trackingNumbers[0] ?? '');
      const statuses: number[] = [];
      const fetch = clock.trackFetch();
      const counting: typeof globalThis.fetch = async (input, init) => {
        const response = await fetch(input, init);
        statuses.push(response.status);
        return response;
      };
      const cached = cachedConnector(connectorFor(clock, simulation, { fetch: counting }), { tracking: new TrackingCache({ clock }) });
      const startedAt = clock.now();
      const reads: Promise<TrackingResult[]>[] = [];
      for (let index = 0; index < READS; index++) {
        await clock.sleep(MINUTE / READS);
        reads.push(cached.track([numbers[index % NUMBERS] ?? '']));
      }
      expect(clock.now() - startedAt).toBeLessThanOrEqual(MINUTE + MINUTE / READS);
      const answers = (await Promise.all(reads)).flat();

      expect(answers).toHaveLength(READS);
      expect(answers.filter((answer) => !answer.found)).toEqual([]);
      const calls = simulation.simulator.requests.filter((request) => request.path.startsWith('/shipments'));
      // Each number costs DHL one call: the rest are answered by the cache or joined to a read under way.
      expect(calls).toHaveLength(NUMBERS);
      expect(maxInAnyWindow(calls.map((request) => request.at), MINUTE)).toBeLessThanOrEqual(PER_MINUTE);
      expect(statuses.filter((status) => status === 429)).toEqual([]);
    });
  });

  it('keeps a read to the time its caller gives: numbers the limit cannot start in time come back rate limited at once, never asked', { timeout: 30_000 }, async () => {
    await onSimulation(async (clock, simulation) => {
      const numbers = Array.from({ length: 30 }, (_, index) => simulation.ship(shipInput(index, { weight: weight(500, 'g') })).trackingNumbers[0] ?? '');
      const connector = connectorFor(clock, simulation);
      const before = simulation.simulator.requests.length;
      const startedAt = clock.now();
      const answers = (await Promise.all(numbers.map((number) => connector.track([number], { totalTimeoutMs: 30_000 })))).flat();
      expect(clock.now() - startedAt).toBeLessThanOrEqual(30_000);
      const limited = answers.filter((answer) => !answer.found && answer.error.kind === 'rate_limited');
      expect(limited.length).toBeGreaterThan(0);
      expect(simulation.simulator.requests.slice(before).filter((request) => request.path.startsWith('/shipments'))).toHaveLength(numbers.length - limited.length);
    });
  });
});
