import { weight } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { describe, expect, it } from 'vitest';
import { createDhlConnector, TrackingLedger } from '../src/index.js';
import { API_KEY, connectorFor, onSimulation, shipInput } from './helpers.js';

const found = (trackingNumber: string, status: 'in_transit' | 'delivered') => ({
  trackingNumber,
  found: true as const,
  tracks: [{ provider: 'dhl', trackingNumber, status, statusRaw: status, updatedAt: 0, events: [] }],
});

describe('dhl daily quota', () => {
  it('plans a batch oldest first and leaves settled numbers out of it', () => {
    const ledger = new TrackingLedger();
    ledger.plan(['old']);
    ledger.plan(['middle', 'done']);
    ledger.plan(['new']);
    ledger.record(found('done', 'delivered'));
    ledger.record(found('middle', 'in_transit'));
    const plan = ledger.plan(['new', 'done', 'middle', 'old', 'new']);
    expect(plan.toRead).toEqual(['old', 'middle', 'new']);
    expect(plan.settled.map((result) => result.trackingNumber)).toEqual(['done']);
  });

  it('forgets settled numbers before open ones when full', () => {
    const ledger = new TrackingLedger(2);
    ledger.plan(['open']);
    ledger.plan(['done']);
    ledger.record(found('done', 'delivered'));
    ledger.plan(['next']);
    expect(ledger.plan(['open', 'next']).toRead).toEqual(['open', 'next']);
    expect(ledger.size).toBe(2);
  });

  it('spends what is left of the day on the oldest open numbers and reports the newest as rate limited', { timeout: 30_000 }, async () => {
    const clock = new FakeClock({ autoAdvance: true, start: Date.UTC(2026, 0, 5, 9) });
    let served = 0;
    // DHL with two calls left today: every later call is refused as over quota.
    const fetch: typeof globalThis.fetch = (input) => {
      const number = new URL(input instanceof Request ? input.url : String(input)).searchParams.get('trackingNumber') ?? '';
      if (served >= 2) return Promise.resolve(Response.json({ title: 'Too Many Requests', status: 429 }, { status: 429, headers: { 'content-type': 'application/problem+json' } }));
      served++;
      const event = { timestamp: '2026-01-05T08:00:00Z', statusCode: 'transit', status: 'PROCESSED AT HUB' };
      return Promise.resolve(Response.json({ shipments: [{ id: number, service: 'parcel-de', status: event, events: [event] }] }));
    };
    const connector = createDhlConnector({ apiKeys: [API_KEY], clock, fetch });
    const asked = ['A', 'B', 'C'];
    // First asked A, then B, then C: a batch naming them newest first is still read oldest first.
    for (const number of asked) await connector.track([number]).catch(() => undefined);
    served = 0;
    const results = await connector.track(['C', 'B', 'A']);
    expect(results.map((result) => [result.trackingNumber, result.found ? 'read' : result.error.kind])).toEqual([
      ['C', 'rate_limited'],
      ['B', 'read'],
      ['A', 'read'],
    ]);
  });

  it('keeps to the day of 250 calls itself: the 251st number is rate limited without asking DHL', { timeout: 60_000 }, async () => {
    await onSimulation(async (clock, simulation) => {
      const numbers = Array.from({ length: 251 }, (_, index) => simulation.ship(shipInput(index, { weight: weight(1, 'kg') })).trackingNumbers[0] ?? '');
      const startedAt = clock.now();
      const results = await connectorFor(clock, simulation).track(numbers);
      // 250 calls at 20 a minute, then an answer at once: the 251st is not held until tomorrow.
      expect(clock.now() - startedAt).toBeLessThan(15 * 60_000);
      expect(results.filter((result) => result.found)).toHaveLength(250);
      expect(results.at(-1)).toMatchObject({ trackingNumber: numbers.at(-1), found: false, error: { kind: 'rate_limited' } });
      // Every call DHL saw was answered: none over its quota.
      expect(simulation.simulator.requests).toHaveLength(250);
    });
  });

  it('stops calling DHL for a number once every shipment under it is delivered', { timeout: 60_000 }, async () => {
    await onSimulation(async (clock, simulation) => {
      const [number = ''] = simulation.ship(shipInput(0, { weight: weight(1, 'kg') })).trackingNumbers;
      const connector = connectorFor(clock, simulation);
      for (let scan = 0; scan < 3; scan++) simulation.scan();
      await expect(connector.track([number])).resolves.toMatchObject([{ found: true, tracks: [{ status: 'delivered' }] }]);
      const calls = simulation.simulator.requests.length;
      for (let read = 0; read < 5; read++) await connector.track([number]);
      expect(simulation.simulator.requests.length).toBe(calls);
    });
  });
});
