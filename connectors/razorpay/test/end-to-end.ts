import { money } from '@interlock/core';
import { runPaymentsEndToEnd, type PaymentsEndToEndResult } from '@interlock/payments/testing';
import { stage } from './support.js';

/** The shared end-to-end run against the Razorpay simulation: 1,000 INR orders paid through Checkout. */
export async function runRazorpayEndToEnd(dropOneSettlementLine: boolean): Promise<PaymentsEndToEndResult> {
  const { clock, simulation, connector, close } = await stage({}, 11);
  try {
    return await runPaymentsEndToEnd({
      clock,
      simulation,
      connector,
      payments: 1000,
      amount: (index) => money(10_000 + index * 10, 'INR'),
      dropOneSettlementLine,
    });
  } finally {
    await close();
  }
}
