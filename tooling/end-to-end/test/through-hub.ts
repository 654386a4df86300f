import { OUTAGE_MS } from '@interlock/payments/testing';
import { expect } from 'vitest';
import { runPaymentsThroughHub, type PaymentsThroughHubOptions, type PaymentsThroughHubResult } from '../src/payments-through-hub.js';
import { describeRun } from '../src/report.js';

/**
 * Points the measured transient share may differ from the configured one. The simulator draws
 * its faults from a seeded stream, so a run's share is that stream's over its request count
 * (seed 11: between 17.7% and 20% for 550 to 1,600 requests), not a new chance each run.
 */
const SHARE_TOLERANCE = 0.03;
/** The outage is seen through requests: its first and last refusals fall within a caller's retry interval of its edges. */
const OUTAGE_EDGE_MS = 30_000;

/** What every payments provider's run through the hub must show. */
function expectSoundRun(result: PaymentsThroughHubResult, transientShare: number): void {
  const { hub, planned, ids } = result;
  expect(ids.size).toBe(planned.length);
  expect(result.duplicateCharges).toBe(0);

  // The hub's ingress, not test code, acknowledged and counted the duplicates and refused the forgeries.
  expect(hub.sent.duplicate).toBeGreaterThan(0);
  expect(hub.webhooks['duplicate']).toBeGreaterThan(0);
  expect(hub.sent.forged).toBeGreaterThan(0);
  // Captured deliveries sent again long after were refused, counted as refusals, and nothing was stored for them.
  expect(result.oldDeliveries.sent).toBeGreaterThan(0);
  expect((hub.webhooks['forged'] ?? 0) + (hub.webhooks['expired'] ?? 0)).toBe((hub.sent.forged ?? 0) + result.oldDeliveries.sent);
  expect(result.oldDeliveries.statuses).toEqual(Array.from({ length: result.oldDeliveries.sent }, () => 400));
  expect(result.oldDeliveries.storedMeanwhile).toBe(0);
  // Late and reordered events met the workers' guards.
  expect(Object.values(hub.guardRefusals).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
  expect(hub.appliedTwice).toEqual([]);
  expect(hub.queue.dead).toBe(0);

  // Every payment final in the hub's records, for the amounts the callers asked.
  const wrong: string[] = [];
  for (const plan of planned) {
    const id = ids.get(plan.index) as string;
    const held = hub.payments.get(id);
    const payment = held?.payment;
    const same = held?.status === plan.status && payment !== undefined && payment.status === plan.status;
    const amounts = payment !== undefined && [payment.amount, payment.amountCaptured, payment.amountRefunded].every((m, i) => {
      const want = [plan.amount, plan.captured, plan.refunded][i];
      return m.amountMinor === want?.amountMinor && m.currency === want.currency;
    });
    if (!same || !amounts) wrong.push(`${plan.index} ${plan.story} ${id}: ${held?.status ?? 'missing'} ${JSON.stringify(payment && [payment.amount, payment.amountCaptured, payment.amountRefunded])}`);
  }
  expect(wrong).toEqual([]);
  expect(hub.settledBy.webhook).toBeGreaterThan(0);
  expect(hub.settledBy.poller).toBeGreaterThan(0);

  // Each story present, and the hub's reconciliation agrees with the provider's settlement to the unit.
  expect(new Set(planned.map((plan) => plan.story))).toEqual(new Set(['paid', 'declined', 'captured_in_part', 'refunded_in_part', 'refunded']));
  expect(result.reconciliation.differences).toBe(0);

  // The faults the simulator really injected, not the ones it was told to.
  expect(Math.abs(result.faults.transientShare - transientShare)).toBeLessThanOrEqual(SHARE_TOLERANCE);
  expect(result.faults.outageMs).toBeGreaterThanOrEqual(OUTAGE_MS - OUTAGE_EDGE_MS);
  expect(result.faults.outageMs).toBeLessThanOrEqual(OUTAGE_MS);

  expect(result.drift).toEqual([]);
}

/** Runs a provider through the hub, prints what the hub and the simulator counted, asserts it all, and closes the simulation. */
export async function expectSoundRunThroughHub(provider: string, options: PaymentsThroughHubOptions): Promise<void> {
  try {
    const result = await runPaymentsThroughHub(options);
    console.log(describeRun(provider, result).join('\n'));
    expectSoundRun(result, options.transientShare);
  } finally {
    await options.simulation.simulator.close();
  }
}
