import { OUTAGE_MS } from '@interlock/payments/testing';
import { expect } from 'vitest';
import type { FaultMeasurement } from '../src/fault-measurement.js';
import type { OldDeliveries } from '../src/hub-run.js';
import type { HubTally } from '../src/hub-tally.js';
import { runPaymentsThroughHub, type PaymentsThroughHubOptions, type PaymentsThroughHubResult } from '../src/payments-through-hub.js';
import { describeRun, describeShipments } from '../src/report.js';
import { runShipmentsThroughHub, type ShipmentsThroughHubOptions, type ShipmentsThroughHubResult } from '../src/shipments-through-hub.js';

/**
 * Points the measured transient share may differ from the configured one. The simulator draws
 * its faults from a seeded stream, so a run's share is that stream's over its request count
 * (seed 11: between 17.7% and 20% for 550 to 1,600 requests), not a new chance each run.
 */
const SHARE_TOLERANCE = 0.03;
/** The outage is seen through requests: its first and last refusals fall within a minute of its edges. */
const OUTAGE_EDGE_MS = 60_000;

/** What any run through the hub must show, whatever the domain. */
function expectSoundHub(hub: HubTally, oldDeliveries: OldDeliveries, faults: FaultMeasurement, transientShare: number, drift: readonly string[], expectedDrift: readonly string[]): void {
  // The hub's ingress, not test code, acknowledged and counted the duplicates and refused the forgeries.
  expect(hub.sent.duplicate).toBeGreaterThan(0);
  expect(hub.webhooks['duplicate']).toBeGreaterThan(0);
  expect(hub.sent.forged).toBeGreaterThan(0);
  // Captured deliveries sent again long after were refused, counted as refusals, and nothing was stored for them.
  expect(oldDeliveries.sent).toBeGreaterThan(0);
  expect((hub.webhooks['forged'] ?? 0) + (hub.webhooks['expired'] ?? 0)).toBe((hub.sent.forged ?? 0) + oldDeliveries.sent);
  expect(oldDeliveries.statuses).toEqual(Array.from({ length: oldDeliveries.sent }, () => 400));
  expect(oldDeliveries.storedMeanwhile).toBe(0);
  // Late and reordered events met the workers' guards; nothing was applied twice or left for a person.
  expect(Object.values(hub.guardRefusals).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
  expect(hub.appliedTwice).toEqual([]);
  expect(hub.queue.dead).toBe(0);
  // Webhooks settled most records, the hub's poller the ones whose webhooks came late.
  expect(hub.settledBy.webhook).toBeGreaterThan(0);
  expect(hub.settledBy.poller).toBeGreaterThan(0);
  // The faults the simulator really injected, not the ones it was told to.
  expect(Math.abs(faults.transientShare - transientShare)).toBeLessThanOrEqual(SHARE_TOLERANCE);
  expect(faults.outageMs).toBeGreaterThanOrEqual(OUTAGE_MS - OUTAGE_EDGE_MS);
  expect(faults.outageMs).toBeLessThanOrEqual(OUTAGE_MS);
  // Drift is either none or what the simulation sends on purpose (and the connector must report).
  expect(drift.filter((line) => !expectedDrift.includes(line))).toEqual([]);
}

/** What every payments provider's run through the hub must show. */
function expectSoundPayments(result: PaymentsThroughHubResult, transientShare: number): void {
  const { planned, ids } = result;
  expect(ids.size).toBe(planned.length);
  expect(result.duplicateCharges).toBe(0);
  expectSoundHub(result.hub, result.oldDeliveries, result.faults, transientShare, result.drift, []);

  // Every payment final in the hub's records, for the amounts the callers asked.
  const wrong: string[] = [];
  for (const plan of planned) {
    const id = ids.get(plan.index) as string;
    const held = result.payments.get(id);
    const payment = held?.payment;
    const same = held?.status === plan.status && payment !== undefined && payment.status === plan.status;
    const amounts = payment !== undefined && [payment.amount, payment.amountCaptured, payment.amountRefunded].every((m, i) => {
      const want = [plan.amount, plan.captured, plan.refunded][i];
      return m.amountMinor === want?.amountMinor && m.currency === want.currency;
    });
    if (!same || !amounts) wrong.push(`${plan.index} ${plan.story} ${id}: ${held?.status ?? 'missing'} ${JSON.stringify(payment && [payment.amount, payment.amountCaptured, payment.amountRefunded])}`);
  }
  expect(wrong).toEqual([]);

  // Each story present, and the hub's reconciliation agrees with the provider's settlement to the unit.
  expect(new Set(planned.map((plan) => plan.story))).toEqual(new Set(['paid', 'declined', 'captured_in_part', 'refunded_in_part', 'refunded']));
  expect(result.reconciliation.differences).toBe(0);
}

/** Runs a payments provider through the hub, prints what the hub and the simulator counted, asserts it all, and closes the simulation. */
export async function expectSoundRunThroughHub(provider: string, options: PaymentsThroughHubOptions): Promise<void> {
  try {
    const result = await runPaymentsThroughHub(options);
    console.log(describeRun(provider, result).join('\n'));
    expectSoundPayments(result, options.transientShare);
  } finally {
    await options.simulation.simulator.close();
  }
}

/**
 * Runs a carrier through the hub, prints its counts, asserts every parcel final where the carrier's
 * route ends, and closes the simulation. `expected` names the drift and unknown carrier codes the
 * simulation sends on purpose: each must be reported, and nothing else may be.
 */
export async function expectSoundShipmentsThroughHub(
  carrier: string,
  options: ShipmentsThroughHubOptions,
  expected: { drift: readonly string[]; unknownValues: readonly string[] },
): Promise<ShipmentsThroughHubResult> {
  try {
    const result = await runShipmentsThroughHub(options);
    console.log(describeShipments(carrier, result).join('\n'));
    expect(result.parcels.length).toBeGreaterThanOrEqual(options.shipments);
    expect(result.duplicateLabels).toBe(0);
    expect(result.parcels.filter((parcel) => parcel.carrierFinal === undefined || parcel.held !== parcel.carrierFinal)).toEqual([]);
    expectSoundHub(result.hub, result.oldDeliveries, result.faults, options.transientShare, result.drift, expected.drift);
    expect(new Set(result.drift)).toEqual(new Set(expected.drift));
    expect(new Set(result.unknownValues)).toEqual(new Set(expected.unknownValues));
    return result;
  } finally {
    await options.simulation.simulator.close();
  }
}
