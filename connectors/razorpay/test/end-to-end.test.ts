import { describe, expect, it } from 'vitest';
import { runRazorpayEndToEnd } from './end-to-end.js';

// The two runs live in two files so that vitest runs them side by side.
describe('razorpay end to end: 1,000 payments through transient faults, a ten-minute outage and unreliable webhooks', () => {
  it('creates one order per payment, settles every one as succeeded and reconciles with no difference', async () => {
    const result = await runRazorpayEndToEnd(false);

    expect(result.created).toBe(1000);
    expect(result.chargeKeys).toBe(1000);
    expect(result.duplicateCharges).toBe(0);
    // Callers retried across the outage with the same reference and key, and still paid once.
    expect(result.createCalls).toBeGreaterThan(1000);
    expect(result.unsettled).toEqual([]);
    expect(result.notSucceeded).toEqual([]);
    expect(result.settledBy.webhook + result.settledBy.polling).toBe(1000);
    expect(result.settledBy.webhook).toBeGreaterThan(result.settledBy.polling);
    expect(result.webhooks.crashed).toBe(0);
    expect(result.webhooks.refused).toBeGreaterThan(0);
    expect(result.faultsInjected['outage']).toBeGreaterThan(0);
    expect(result.faultsInjected['transient_lost_response']).toBeGreaterThan(0);
    expect(result.report.missing).toEqual([]);
    expect(result.report.extra).toEqual([]);
    expect(result.report.mismatched).toEqual([]);
    expect(result.report.duplicates).toEqual([]);
    expect(result.report.totals.ours).toEqual(result.report.totals.theirs);
  }, 120_000);
});
