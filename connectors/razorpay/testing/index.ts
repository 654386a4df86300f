import { signWebhook, type Clock } from '@interlock/core';
import type { Payment } from '@interlock/payments';
import type { PaymentsSimulation } from '@interlock/payments/testing';
import { ProviderSimulator, seededRandom } from '@interlock/testkit/simulator';
import { webhookScheme } from '../src/webhooks.js';
import { installRoutes } from './routes.js';
import { DECLINED, RazorpayState, type AttemptFailure } from './state.js';
import { badRequest, idFactory } from './wire-builders.js';

export interface RazorpaySimulationOptions {
  /** Shared with the connector under test; the simulator's outages run in its time. */
  clock: Clock;
  /** The secret the simulation signs webhooks with (the connector's `webhookSecrets`). */
  webhookSecret: string;
  /** Seeds ids and injected faults, so a run is the same every time. */
  seed?: number;
}

/** Razorpay's simulation with the parts only Razorpay has, for tests and the hub's demo. */
export interface RazorpaySimulation extends PaymentsSimulation {
  /** The customer's Checkout attempt fails (a card declined unless another reason is given). */
  customerFails(payment: Payment, failure?: Partial<AttemptFailure>): void;
  /** Razorpay's state behind the API, for assertions. */
  readonly state: RazorpayState;
}

/**
 * Razorpay on 127.0.0.1: orders, payments, captures, refunds and the settlement recon report,
 * with Razorpay's ids, bodies, `{ entity: "collection" }` pages and error bodies, webhooks in its
 * envelope signed with `X-Razorpay-Signature`. Orders have NO provider-side dedupe, as at
 * Razorpay (that is what the connector's receipt lookup is tested against); refunds dedupe on
 * `X-Refund-Idempotency`.
 */
export async function createRazorpaySimulation(options: RazorpaySimulationOptions): Promise<RazorpaySimulation> {
  const { clock, webhookSecret } = options;
  const seed = options.seed ?? 1;
  const newId = idFactory(seededRandom(seed));
  const state = new RazorpayState(newId, newId('acc_'));
  const simulator = await ProviderSimulator.start({
    clock,
    seed,
    idempotencyHeader: 'x-refund-idempotency',
    idempotencyConflict: badRequest('Different request with the same idempotency key has already been processed.'),
  });
  installRoutes(simulator, state, clock);
  return {
    provider: 'razorpay',
    simulator,
    state,
    customerCompletes(payment) {
      state.customerPays(payment.id, clock.now());
    },
    customerFails(payment, failure = {}) {
      state.customerFails(payment.id, { ...DECLINED, ...failure }, clock.now());
    },
    takeWebhookEvents: () => state.takeEvents(),
    signWebhook: (rawBody, event) => signWebhook(webhookScheme, { rawBody, secret: webhookSecret, id: event.id }),
    chargesByKey: () => state.chargesByReceipt(),
    settle: (at) => state.settle(at),
    dropSettlementLineFor: (paymentId) => state.dropPaymentLine(paymentId),
  };
}

export { DECLINED, feeOf, RazorpayState, type AttemptFailure } from './state.js';
export type { SimOrder, SimPayment, SimReconLine, SimRefund, SimSettlement } from './entities.js';
