import { MemoryTelemetrySink, weight } from '@interlock/core';
import type { FakeClock } from '@interlock/core/testing';
import { runLogisticsEndToEnd, trackAborted, type LogisticsEndToEndResult } from '@interlock/logistics/testing';
import { describe, expect, it } from 'vitest';
import { connectorFor, onSimulation, shipInput } from './helpers.js';

const SHIPMENTS = 12;
// From the start: every number's first read falls in the poller's first backoff (full jitter over
// its ten-minute base), so the outage is certain to meet reads; an hour in, polls could miss it.
const OUTAGE_FROM_MS = 0;
const OUTAGE_MS = 10 * 60_000;
const BOX = { length: { value: 30, unit: 'cm' as const }, width: { value: 20, unit: 'cm' as const }, height: { value: 10, unit: 'cm' as const } };

/** DHL down for ten minutes from the start of the run: every call in that window answers 503, counted. */
function withOutage(clock: FakeClock, startedAt: number, refused: { count: number }): typeof fetch {
  const fetch = clock.trackFetch();
  return (input, init) => {
    const elapsed = clock.now() - startedAt;
    if (elapsed < OUTAGE_FROM_MS || elapsed >= OUTAGE_FROM_MS + OUTAGE_MS) return fetch(input, init);
    refused.count++;
    return Promise.resolve(new Response(null, { status: 503 }));
  };
}

function endToEnd(): Promise<LogisticsEndToEndResult & { outageCalls: number }> {
  return onSimulation(async (clock, simulation) => {
    const telemetry = new MemoryTelemetrySink();
    const startedAt = clock.now();
    const refused = { count: 0 };
    const connector = connectorFor(clock, simulation, { telemetry, express: true, fetch: withOutage(clock, startedAt, refused) });
    const result = await runLogisticsEndToEnd({
      clock,
      simulation,
      connector,
      telemetry,
      shipments: SHIPMENTS,
      webhooks: false,
      input: (index) => shipInput(index, { weight: weight(250 + index, 'g'), dimensions: BOX }),
    });
    return { ...result, outageCalls: refused.count };
  });
}

describe('dhl on its simulation', () => {
  it('stops tracking when its caller stops waiting: an aborted read rejects with its reason and asks the carrier nothing', async () => {
    await onSimulation(async (clock, simulation) => {
      const { error, requests } = await trackAborted(connectorFor(clock, simulation), simulation, ['00340434000100000001', '00340434000100000002']);
      expect(error).toMatchObject({ message: 'closing' });
      expect(requests).toBe(0);
    });
  });

  // The run is bound by virtual time; the timeout is for CI machines running many suites at once.
  // Labels are DHL Express's, bought through the connector while creates fail and answers are
  // lost; DHL sends no webhooks, so every delivery is refused and polling settles every number.
  it('buys one label per reference and settles every number on its true final status by polling, through transient faults and a ten-minute outage', { timeout: 60_000 }, async () => {
    const result = await endToEnd();
    expect(result.created).toBe(SHIPMENTS);
    expect(result.duplicateLabels).toBe(0);
    expect(result.unsettled).toEqual([]);
    expect(result.wrongFinal).toEqual([]);
    expect(result.backwardSteps).toBe(0);
    expect(result.settledBy.polling).toBe(SHIPMENTS);
    // DHL's own `unknown` code (the third route) is kept raw and alerted on, once.
    expect(result.unknownCodes).toEqual(['unknown']);
    expect(result.unknownAlerts).toBe(1);
    expect(result.webhooks.crashed).toBe(0);
    expect(result.outageCalls).toBeGreaterThan(0);
    expect(Object.values(result.faultsInjected).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
  });
});
