import { systemClock, type Clock, type DeadLetterSink, type IdempotencyStore, type RateLimitStore, type TelemetrySink } from '@interlock/core';
import type { Customer, IdempotentOptions, PaymentEvent, PaymentsConnector, Refund } from '@interlock/payments';
import { createStripeClient, type StripeCredentials } from './client.js';
import { STRIPE_RATE_LIMITS, type StripeMode } from './limits.js';
import type { StripeContext } from './operations/context.js';
import { createCustomer, getCustomer } from './operations/customers.js';
import { listEvents, type StripeEventFilter } from './operations/events.js';
import { cancelPayment, capturePayment, createPayment, getPayment, listPayments } from './operations/payments.js';
import { resolveOutcome } from './operations/outcomes.js';
import { getRefund, refundPayment } from './operations/refunds.js';
import { listSettlements } from './operations/settlements.js';
import { eventsFromVerifiedBody, parseWebhook } from './operations/webhooks.js';
import { STRIPE_API_BASE_URL, STRIPE_API_VERSION, STRIPE_PROVIDER } from './provider.js';
import type { StripeCustomerInput } from './transform/customer.js';
import { webhookIntake } from './webhooks.js';

export interface StripeConnectorOptions {
  credentials: StripeCredentials;
  /** Webhook endpoint secrets (`whsec_…`): one, or two while a secret is rolled. */
  webhookSecrets: readonly string[];
  /** Default https://api.stripe.com; a simulator's URL in tests. */
  baseUrl?: string;
  /** Which of Stripe's rate budgets applies; default `live` (sandbox keys get a quarter of it). */
  mode?: StripeMode;
  clock?: Clock;
  fetch?: typeof fetch;
  telemetry?: readonly TelemetrySink[];
  /** Where operation outcomes are kept for replay; share a durable one across processes. */
  idempotencyStore?: IdempotencyStore;
  /** Where limiter state lives; share one across processes using the same key. */
  rateLimitStore?: RateLimitStore;
  deadLetters?: DeadLetterSink;
  /** Overrides Stripe's 300 s replay window for webhooks. */
  webhookToleranceMs?: number;
}

/** The payments connector plus what only Stripe offers. */
export interface StripeConnector extends PaymentsConnector {
  /** The `Stripe-Version` every request is pinned to. */
  readonly apiVersion: string;
  getRefund(id: string): Promise<Refund>;
  createCustomer(input: StripeCustomerInput, options?: IdempotentOptions): Promise<Customer>;
  getCustomer(id: string): Promise<Customer>;
  /**
   * Stripe's own record of events, read to the last page (newest first, as Stripe lists them) and
   * mapped like webhooks: what a reconciler replays when webhooks were missed.
   */
  listEvents(filter?: StripeEventFilter): AsyncIterable<PaymentEvent>;
}

/**
 * The Stripe connector: PaymentIntents, Refunds, Customers, Events and Balance Transactions
 * through core's provider client, which brings retries, limits, breakers, idempotency keys,
 * telemetry and redaction. Each operation lives in `operations/`; this only wires them.
 */
export function createStripeConnector(options: StripeConnectorOptions): StripeConnector {
  const clock = options.clock ?? systemClock;
  const api = createStripeClient({
    baseUrl: options.baseUrl ?? STRIPE_API_BASE_URL,
    credentials: options.credentials,
    limits: STRIPE_RATE_LIMITS[options.mode ?? 'live'],
    clock,
    telemetry: options.telemetry ?? [],
    alsoRedact: options.webhookSecrets,
    fetch: options.fetch,
    idempotencyStore: options.idempotencyStore,
    rateLimitStore: options.rateLimitStore,
    deadLetters: options.deadLetters,
  });
  const ctx: StripeContext = {
    api,
    clock,
    webhookSecrets: [...options.webhookSecrets],
    webhookIntake: options.webhookToleranceMs === undefined ? webhookIntake : { ...webhookIntake, replayWindowMs: options.webhookToleranceMs },
    transform: { tracker: api.client.unknownValues },
  };
  return {
    provider: STRIPE_PROVIDER,
    apiVersion: STRIPE_API_VERSION,
    createPayment: (input) => createPayment(ctx, input),
    capturePayment: (id, capture) => capturePayment(ctx, id, capture),
    cancelPayment: (id, cancel) => cancelPayment(ctx, id, cancel),
    getPayment: (id, options) => getPayment(ctx, id, options),
    listPayments: (filter) => listPayments(ctx, filter),
    refundPayment: (paymentId, refund) => refundPayment(ctx, paymentId, refund),
    resolveOutcome: (uncertain) => resolveOutcome(ctx, uncertain),
    parseWebhook: (delivery) => parseWebhook(ctx, delivery),
    // Stripe's event id is in the body, so the id the delivery was deduped on adds nothing here.
    eventsFromVerifiedBody: (rawBody) => eventsFromVerifiedBody(ctx, rawBody),
    listSettlements: (period) => listSettlements(ctx, period),
    getRefund: (id) => getRefund(ctx, id),
    createCustomer: (input, call) => createCustomer(ctx, input, call),
    getCustomer: (id) => getCustomer(ctx, id),
    listEvents: (filter) => listEvents(ctx, filter),
  };
}
