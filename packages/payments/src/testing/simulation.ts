import type { ProviderSimulator, WebhookEvent, WebhookPlan } from '@interlock/testkit/simulator';
import type { Payment } from '../models/payment.js';

/**
 * A payments provider simulated on the testkit's ProviderSimulator, with the provider-specific
 * parts the end-to-end run needs. Each connector ships one (`@interlock/stripe/testing`, …) so
 * the same run proves every connector, and the hub's demo can use it as a built-in provider.
 */
export interface PaymentsSimulation {
  readonly provider: string;
  /** The running simulator: the run sets its fault scenario and closes it. */
  readonly simulator: ProviderSimulator;
  /**
   * What the customer does after the server created a payment and before it can succeed (Stripe.js
   * confirming the PaymentIntent with a card, Razorpay Checkout paying the order). It changes the
   * simulator's state directly, like the provider's own front end, never through the faulty API.
   */
  customerCompletes(payment: Payment): void;
  /** Provider-shaped webhook events for what happened since the last call, oldest first. */
  takeWebhookEvents(): WebhookEvent[];
  /** Signs a delivery the way the provider does, with the secret the connector verifies against. */
  readonly signWebhook: WebhookPlan['sign'];
  /**
   * How many times the provider really executed a charge, per idempotency key (Stripe) or per
   * receipt (Razorpay orders): a value above 1 is a duplicate charge.
   */
  chargesByKey(): ReadonlyMap<string, number>;
  /** The provider's settlement run: one line per captured payment (and refund) not settled yet, at `at`. */
  settle(at: number): void;
  /** Removes the settlement line of one payment (by `Payment.id`), as if the provider lost it. */
  dropSettlementLineFor(paymentId: string): void;
}
