import { money } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { runPaymentsEndToEnd, type PaymentsEndToEndResult } from '@interlock/payments/testing';
import { createRazorpayConnector } from '../src/index.js';
import { createRazorpaySimulation } from '../src/testing.js';
import { KEY_ID, KEY_SECRET, WEBHOOK_SECRET } from './support.js';

/** The shared end-to-end run against the Razorpay simulation: 1,000 INR orders paid through Checkout. */
export async function runRazorpayEndToEnd(dropOneSettlementLine: boolean): Promise<PaymentsEndToEndResult> {
  const clock = new FakeClock({ autoAdvance: true });
  const simulation = await createRazorpaySimulation({ clock, webhookSecret: WEBHOOK_SECRET, seed: 11 });
  const connector = createRazorpayConnector({
    baseUrl: simulation.simulator.url,
    credentials: { keyId: KEY_ID, keySecret: KEY_SECRET },
    webhookSecrets: [WEBHOOK_SECRET],
    clock,
    fetch: clock.trackFetch(),
  });
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
    await simulation.simulator.close();
  }
}
