import { money } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { describe, expect, it } from 'vitest';
import { runPaymentsEndToEnd, type PaymentsEndToEndResult } from '../src/testing.js';
import { createToyConnector } from './toy/toy-connector.js';
import { createToySimulation } from './toy/toy-simulation.js';

async function run(dropOneSettlementLine: boolean): Promise<PaymentsEndToEndResult> {
  const clock = new FakeClock({ autoAdvance: true });
  const simulation = await createToySimulation(clock);
  try {
    const connector = createToyConnector(simulation.simulator.url, clock, clock.trackFetch());
    return await runPaymentsEndToEnd({ clock, simulation, connector, payments: 60, amount: (i) => money(1_000 + i, 'INR'), dropOneSettlementLine });
  } finally {
    await simulation.simulator.close();
  }
}

describe('runPaymentsEndToEnd on a toy provider', () => {
  // Generous timeouts: the run is virtual-time bound, but CI runs many suites on two cores.
  it('creates, settles and reconciles every payment through faults, an outage and messy webhooks', { timeout: 60_000 }, async () => {
    const result = await run(false);
    expect(result.created).toBe(60);
    expect(result.chargeKeys).toBe(60);
    expect(result.duplicateCharges).toBe(0);
    expect(result.unsettled).toEqual([]);
    expect(result.notSucceeded).toEqual([]);
    expect(result.settledBy.webhook + result.settledBy.polling).toBe(60);
    expect(result.webhooks.refused).toBeGreaterThan(0);
    expect(result.webhooks.crashed).toBe(0);
    expect(result.faultsInjected['outage']).toBeGreaterThan(0);
    expect(result.createCalls).toBeGreaterThan(60);
    expect(result.virtualMs).toBeGreaterThan(10 * 60_000);
    expect(result.report.differences).toBe(0);
    expect(result.report.totals.theirs).toEqual(result.report.totals.ours);
  });

  it('catches exactly the settlement line the provider lost', { timeout: 60_000 }, async () => {
    const result = await run(true);
    expect(result.report.differences).toBe(1);
    expect(result.report.missing.map((entry) => entry.key)).toEqual([`payment:${result.droppedPaymentId}`]);
    expect(result.report.extra).toEqual([]);
  });
});
