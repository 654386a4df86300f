import { MemoryTelemetrySink } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { describe, expect, it } from 'vitest';
import { runLogisticsEndToEnd, type LogisticsEndToEndResult } from '../src/testing.js';
import { createToyCarrier } from './toy/toy-carrier.js';
import { createToyCarrierSimulation } from './toy/toy-simulation.js';
import { berlin } from './fixtures.js';

const SHIPMENTS = 24;

async function run(webhooks: boolean): Promise<LogisticsEndToEndResult> {
  const clock = new FakeClock({ autoAdvance: true, start: Date.UTC(2026, 2, 28, 20) });
  const telemetry = new MemoryTelemetrySink();
  const simulation = await createToyCarrierSimulation(clock);
  try {
    const connector = createToyCarrier({ baseUrl: simulation.simulator.url, clock, fetch: clock.trackFetch(), telemetry });
    return await runLogisticsEndToEnd({
      clock,
      simulation,
      connector,
      telemetry,
      shipments: SHIPMENTS,
      webhooks,
      input: (index) => ({ from: berlin(), to: { ...berlin(), city: 'Łódź', country: 'PL', postalCode: '90-001' }, parcels: [{ weight: { value: 500 + index, unit: 'g' } }], service: 'standard', reference: `order-${index}` }),
    });
  } finally {
    await simulation.simulator.close();
  }
}

describe('runLogisticsEndToEnd on a toy carrier', () => {
  // Bound by virtual time (days of scans across a DST change); the timeout is for busy CI machines.
  it('creates every label once and settles every parcel on its true final status through faults and messy webhooks', { timeout: 60_000 }, async () => {
    const result = await run(true);
    expect(result.created).toBe(SHIPMENTS);
    expect(result.duplicateLabels).toBe(0);
    expect(result.createCalls).toBeGreaterThanOrEqual(SHIPMENTS);
    expect(result.faultsInjected['transient_lost_response']).toBeGreaterThan(0);
    expect(result.unsettled).toEqual([]);
    expect(result.wrongFinal).toEqual([]);
    expect(result.backwardSteps).toBe(0);
    expect(result.webhooks.refused).toBeGreaterThan(0);
    expect(result.webhooks.duplicates).toBeGreaterThan(0);
    expect(result.webhooks.crashed).toBe(0);
    expect(result.settledBy.webhook).toBeGreaterThan(0);
    // Reads and webhooks are both dated by the carrier's scan, so news a read already brought is
    // a duplicate, whichever path came second (dated by our read, a webhook would be 'stale').
    expect(result.refusedByGuard['duplicate'] ?? 0).toBeGreaterThan(0);
    expect(result.refusedByGuard['stale'] ?? 0).toBe(0);
    expect(result.unknownCodes).toEqual(['HUB']);
    expect(result.unknownAlerts).toBe(1);
  });

  it('settles every parcel by polling alone when every webhook is dropped', { timeout: 60_000 }, async () => {
    const result = await run(false);
    expect(result.webhooks.accepted).toBe(0);
    expect(result.unsettled).toEqual([]);
    expect(result.wrongFinal).toEqual([]);
    expect(result.settledBy.polling).toBe(SHIPMENTS);
    expect(result.backwardSteps).toBe(0);
    expect(result.unknownCodes).toEqual(['HUB']);
    expect(result.trackingCalls.loads).toBeGreaterThan(0);
  });
});
