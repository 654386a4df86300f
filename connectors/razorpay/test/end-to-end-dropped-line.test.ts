import { describe, expect, it } from 'vitest';
import { runRazorpayEndToEnd } from './end-to-end.js';

describe('razorpay end to end with a settlement line lost at Razorpay', () => {
  it('reports exactly that payment as missing from the settlement', async () => {
    const result = await runRazorpayEndToEnd(true);

    expect(result.duplicateCharges).toBe(0);
    expect(result.unsettled).toEqual([]);
    expect(result.droppedPaymentId).toMatch(/^order_/);
    expect(result.report.missing.map((difference) => difference.key)).toEqual([`payment:${result.droppedPaymentId}`]);
    expect(result.report.extra).toEqual([]);
    expect(result.report.mismatched).toEqual([]);
  }, 120_000);
});
