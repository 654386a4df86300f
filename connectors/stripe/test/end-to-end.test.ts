import { money } from '@interlock/core';
import { runPaymentsEndToEnd } from '@interlock/payments/testing';
import { describe, expect, it } from 'vitest';
import { simulatedStripe } from './support/stage.js';

const PAYMENTS = 1_000;
// INR, JPY and KWD in turn, so the run also proves amounts survive the wire in three exponents.
const amount = (index: number) =>
  index % 3 === 0 ? money(49_900 + index, 'INR') : index % 3 === 1 ? money(1_200 + index, 'JPY') : money(12_340 + index * 10, 'KWD');

async function run(dropOneSettlementLine: boolean) {
  // Without the telemetry sink: a thousand payments' events are not what this run checks.
  const { clock, simulation, connector, close } = await simulatedStripe({ telemetry: [] }, 11);
  try {
    return await runPaymentsEndToEnd({ clock, simulation, connector, payments: PAYMENTS, amount, dropOneSettlementLine });
  } finally {
    await close();
  }
}

// A run takes 10-20 s of real time alone; the timeouts leave room for CI running suites side by side.
describe('Stripe end to end: 1,000 payments through faults, an outage and unreliable webhooks', () => {
  it('settles every payment once, charges once per key and reconciles with no difference', async () => {
    const result = await run(false);
    expect(result.created).toBe(PAYMENTS);
    expect(result.unsettled).toEqual([]);
    expect(result.notSucceeded).toEqual([]);
    expect(result.duplicateCharges).toBe(0);
    expect(result.chargeKeys).toBe(PAYMENTS);
    expect(result.createCalls).toBeGreaterThan(PAYMENTS);
    expect(result.webhooks.crashed).toBe(0);
    expect(result.webhooks.refused).toBeGreaterThan(0);
    expect(result.settledBy.webhook + result.settledBy.polling).toBe(PAYMENTS);
    expect(result.settledBy.webhook).toBeGreaterThan(0);
    expect(result.report.differences).toBe(0);
    expect(result.report.totals.theirs).toEqual(result.report.totals.ours);
    expect(result.faultsInjected).toMatchObject({ outage: expect.any(Number) as number, transient_lost_response: expect.any(Number) as number });
  }, 120_000);

  it('reports exactly the payment whose settlement line the provider lost', async () => {
    const result = await run(true);
    expect(result.droppedPaymentId).toBeDefined();
    expect(result.report.missing.map((entry) => entry.key)).toEqual([`payment:${result.droppedPaymentId}`]);
    expect(result.report.extra).toEqual([]);
    expect(result.report.mismatched).toEqual([]);
    expect(result.duplicateCharges).toBe(0);
  }, 120_000);
});
