import { signWebhook, type Clock } from '@interlock/core';
import type { Payment } from '@interlock/payments';
import type { PaymentsSimulation } from '@interlock/payments/testing';
import { ProviderSimulator } from '@interlock/testkit/simulator';
import { STRIPE_PROVIDER } from '../src/provider.js';
import { webhookScheme } from '../src/webhooks.js';
import { dropSettlementLineFor, settle } from './balance-transactions.js';
import { confirmPaymentIntent } from './payment-intents.js';
import { IDEMPOTENCY_CONFLICT } from './replies.js';
import { stripeResources, stripeRoutes } from './routes.js';
import { simulationState } from './state.js';

export interface StripeSimulationOptions {
  /** Shared with the connector under test, so outages and waits run in virtual time. */
  clock: Clock;
  /** The endpoint secret deliveries are signed with (`whsec_…`); the connector verifies against it. */
  webhookSecret: string;
  /** Seeds fault injection and generated secrets, so a run repeats exactly. */
  seed?: number;
}

/** The Stripe simulation, with what only Stripe's front end can make happen besides a success. */
export interface StripeSimulation extends PaymentsSimulation {
  /** The customer's card is declined on confirmation: the intent returns to requires_payment_method with the error. */
  customerDeclines(payment: Payment, declineCode?: string): void;
}

/**
 * Stripe on 127.0.0.1, built on the testkit's ProviderSimulator: PaymentIntents (create, retrieve,
 * list, capture, cancel), Refunds, Customers, Events and Balance Transactions, with Stripe's ids,
 * bodies, list pages and error bodies, its idempotency (a key replays its first answer; reused with
 * other parameters it is a 400 `idempotency_error`) and `Stripe-Signature`d events in the
 * 2023-08-16 envelope. The customer's side (Stripe.js confirming a card) acts on the state directly.
 */
export async function createStripeSimulation(options: StripeSimulationOptions): Promise<StripeSimulation> {
  const { clock, webhookSecret } = options;
  const seed = options.seed ?? 1;
  // Handlers reach the simulator through the state only once it is serving requests.
  const state = simulationState(clock, seed, () => simulator);
  const simulator = await ProviderSimulator.start({
    clock,
    seed,
    idempotencyHeader: 'idempotency-key',
    idempotencyConflict: IDEMPOTENCY_CONFLICT,
    resources: stripeResources(state),
  });
  for (const { method, path, handler } of stripeRoutes(state)) simulator.route(method, path, handler);

  return {
    provider: STRIPE_PROVIDER,
    simulator,
    customerCompletes: (payment) => confirmPaymentIntent(state, payment),
    customerDeclines: (payment, declineCode = 'generic_decline') =>
      confirmPaymentIntent(state, payment, { code: 'card_declined', declineCode, message: 'Your card was declined.' }),
    takeWebhookEvents: () => state.takeWebhookEvents(),
    signWebhook: (rawBody, _event, sentAt) => signWebhook(webhookScheme, { rawBody, secret: webhookSecret, timestamp: sentAt }),
    chargesByKey: () => new Map(state.chargeKeys),
    settle: (at) => settle(state, at),
    dropSettlementLineFor: (paymentId) => dropSettlementLineFor(state, paymentId),
  };
}
